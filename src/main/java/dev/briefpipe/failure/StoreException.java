package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.List;

/** The database could not be read or written. */
public final class StoreException extends Failure {
    public StoreException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.RUNTIME;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(Phrase.of("store.error", getMessage()));
    }
}
