package dev.briefpipe.workbook;

import java.nio.file.Path;

/**
 * A workbook that cannot be read at all (as opposed to one with bad data). {@link #reason()} is a
 * stable message key under {@code workbook.}: not-found, not-a-workbook, encrypted, old-format,
 * unsupported, unreadable.
 */
public class WorkbookReadException extends RuntimeException {
  private final Path file;
  private final String reason;

  public WorkbookReadException(Path file, String reason, String detail, Throwable cause) {
    super(file + ": " + reason + (detail == null ? "" : " (" + detail + ")"), cause);
    this.file = file;
    this.reason = reason;
  }

  public Path file() {
    return file;
  }

  public String reason() {
    return reason;
  }
}
