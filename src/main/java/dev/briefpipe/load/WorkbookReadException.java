package dev.briefpipe.load;

import java.nio.file.Path;

/**
 * A workbook that cannot be read at all (as opposed to one with bad data). {@link #reason()} is a
 * stable message key under {@code workbook.}: not-found, empty, not-a-workbook, csv, ods, xlsb,
 * strict-ooxml, wrong-extension, encrypted, old-format, truncated, duplicate-entries, zip-bomb,
 * unsafe-xml, too-large, bad-address, timeout, unreadable. {@link #detail()} is the one fact the message
 * needs beyond the file (a size, a limit, an entry name, a cell); what a library said stays in the cause,
 * shown only with {@code --debug}.
 */
public class WorkbookReadException extends RuntimeException {
  private final Path file;
  private final String reason;
  private final String detail;

  public WorkbookReadException(Path file, String reason, String detail, Throwable cause) {
    super(file + ": " + reason + (detail == null ? "" : " (" + detail + ")"), cause);
    this.file = file;
    this.reason = reason;
    this.detail = detail != null ? detail : "";
  }

  public String detail() {
    return detail;
  }

  public Path file() {
    return file;
  }

  public String reason() {
    return reason;
  }
}
