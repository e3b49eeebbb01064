package dev.briefpipe.expr;

/** An expression that cannot be parsed or evaluated; {@link #offset()} is zero-based, -1 when unknown. */
public class ExprException extends RuntimeException {
  private final int offset;

  public ExprException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
