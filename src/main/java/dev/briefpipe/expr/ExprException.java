package dev.briefpipe.expr;

import dev.briefpipe.i18n.Phrase;

/**
 * An expression that cannot be parsed or evaluated; {@link #offset()} is zero-based, -1 when unknown.
 * The reason is a {@link Phrase} ({@code expr.*} in the messages bundle), so a finding or a config
 * problem that carries it is told in the reader's language; {@link #getMessage()} is its English.
 */
public class ExprException extends RuntimeException {
    private final int offset;
    private final transient Phrase reason;

    /** @param key the reason's key under {@code expr.} in the messages bundle */
    public ExprException(int offset, String key, Object... args) {
        super();
        this.offset = offset;
        this.reason = Phrase.of("expr." + key, args);
    }

    public int offset() {
        return offset;
    }

    public Phrase reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason.toString();
    }
}
