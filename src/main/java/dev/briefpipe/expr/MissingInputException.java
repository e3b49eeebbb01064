package dev.briefpipe.expr;

/**
 * An expression that cannot be evaluated because an input is missing as a whole: it looks up a table
 * with no rows, or a name whose own value could not be computed. The cause is reported elsewhere (a
 * row count, the first failed figure), so callers may report this one as a consequence, or not at all.
 *
 * @see #table()
 */
public class MissingInputException extends ExprException {
  private final String table;

  public MissingInputException(String message, String table) {
    super(message, -1);
    this.table = table;
  }

  /** The empty table looked up, or null when a name's value is missing. */
  public String table() {
    return table;
  }
}
