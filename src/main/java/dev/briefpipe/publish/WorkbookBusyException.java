package dev.briefpipe.publish;

import java.nio.file.Path;

/**
 * An in-place write was refused to protect the analyst's file: it is open ({@code locked}, with the
 * lock file found) or it changed since it was read ({@code changed}).
 */
public class WorkbookBusyException extends RuntimeException {
  private final Path file;
  private final String reason;
  private final Path lockFile;

  public WorkbookBusyException(Path file, String reason, Path lockFile) {
    super(file + ": " + reason + (lockFile == null ? "" : " (" + lockFile.getFileName() + ")"));
    this.file = file;
    this.reason = reason;
    this.lockFile = lockFile;
  }

  public Path file() {
    return file;
  }

  public String reason() {
    return reason;
  }

  public Path lockFile() {
    return lockFile;
  }
}
