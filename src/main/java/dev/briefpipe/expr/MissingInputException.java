package dev.briefpipe.expr;

/**
 * An expression that cannot be evaluated because an input is missing as a whole: it looks up a table
 * with no rows or whose sheet the workbook lacks, a column the sheet lacks, or a name whose own value
 * could not be computed. The cause may be reported elsewhere (a row count, the missing sheet or column,
 * the first failed figure), so callers may report this one as a consequence, or not at all.
 *
 * @see #table()
 */
public class MissingInputException extends ExprException {
    private final String table;
    private final String field;

    /**
     * @param table the empty or missing table looked up, or null; then as {@link ExprException#ExprException}
     * @param field the column the table lacks, or null when the whole table is missing or empty
     */
    public MissingInputException(String table, String field, String key, Object... args) {
        super(-1, key, args);
        this.table = table;
        this.field = field;
    }

    /** The empty or missing table looked up, or null when a name's value is missing. */
    public String table() {
        return table;
    }

    /** The column the table lacks, or null. */
    public String field() {
        return field;
    }
}
