package dev.briefpipe.expr;

/**
 * An expression that cannot be evaluated because an input is missing as a whole: it looks up a table
 * with no rows or whose sheet the workbook lacks, or a name whose own value could not be computed. The
 * cause is reported elsewhere (a row count, the missing sheet, the first failed figure), so callers may
 * report this one as a consequence, or not at all.
 *
 * @see #table()
 */
public class MissingInputException extends ExprException {
    private final String table;

    /** @param table the empty or missing table looked up, or null; then as {@link ExprException#ExprException} */
    public MissingInputException(String table, String key, Object... args) {
        super(-1, key, args);
        this.table = table;
    }

    /** The empty or missing table looked up, or null when a name's value is missing. */
    public String table() {
        return table;
    }
}
