package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.List;

/**
 * A message that could not be handed over. {@link Kind#TEMPORARY} (a 4xx reply, no connection) may
 * be retried; {@link Kind#PERMANENT} (a 5xx reply, a bad header) may not; {@link Kind#UNKNOWN} (the
 * connection broke during the transaction) means the server may have accepted it, so it is not
 * retried blindly.
 */
public final class DeliveryException extends Failure {
    private final Kind kind;
    private final Phrase phrase;
    private final String detail;

    public enum Kind {
        TEMPORARY,
        PERMANENT,
        UNKNOWN
    }

    /**
     * A failure told in the reader's language; {@code detail} (the library's own words) is kept only in
     * the English message, for the log and the ledger.
     */
    public DeliveryException(Kind kind, Phrase phrase, String detail, Throwable cause) {
        super(phrase + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.kind = kind;
        this.phrase = phrase;
        this.detail = detail == null ? "" : detail.strip();
    }

    /** A permanent failure told in the reader's language. */
    public DeliveryException(Phrase phrase) {
        super(phrase.toString(), null);
        this.kind = Kind.PERMANENT;
        this.phrase = phrase;
        this.detail = "";
    }

    public Kind kind() {
        return kind;
    }

    /** Why, in words for the reader. */
    public Phrase phrase() {
        return phrase;
    }

    /** What the mail library or server said, as it said it; "" when nothing. */
    public String detail() {
        return detail;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.RUNTIME;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(phrase);
    }
}
