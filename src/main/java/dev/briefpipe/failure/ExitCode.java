package dev.briefpipe.failure;

/** The exit codes scripts can rely on. */
public enum ExitCode {
    /** Success (warnings allowed). */
    OK(0),
    /** The workbook's data has errors (or a character of it no font can draw); nothing was published. */
    INVALID_DATA(1),
    /** Bad usage, bad config, no usable font, or a file that is not a readable workbook. */
    USAGE(2),
    /** Anything else went wrong while running (I/O, a workbook open elsewhere, mail, the database). */
    RUNTIME(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
