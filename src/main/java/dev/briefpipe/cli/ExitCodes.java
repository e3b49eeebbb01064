package dev.briefpipe.cli;

/** Exit codes scripts can rely on. */
public final class ExitCodes {
  /** Success (warnings allowed). */
  public static final int OK = 0;
  /** The workbook's data has errors; nothing was published. */
  public static final int INVALID_DATA = 1;
  /** Bad usage, bad config, a missing font, or a file that is not a readable workbook. */
  public static final int USAGE = 2;
  /** Anything else went wrong while running (I/O, a workbook open elsewhere, a bug). */
  public static final int RUNTIME = 3;

  private ExitCodes() {}
}
