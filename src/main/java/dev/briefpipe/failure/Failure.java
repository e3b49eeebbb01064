package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.List;

/**
 * Why a command could not do its work, as a value the command line can tell: each kind carries its exit
 * code and its sentences (message keys with their arguments, put in words in the reader's language).
 * The exception's own message is English, for logs; what a library said stays in the cause, shown only
 * with {@code --debug}.
 */
public abstract sealed class Failure extends RuntimeException
        permits ConfigException,
                DataInvalidException,
                DeliveryException,
                FontNotFoundException,
                GlyphMissingException,
                StoreException,
                UsageException,
                WorkbookBusyException,
                WorkbookReadException {

    Failure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code a command that stops for this ends with. */
    public abstract ExitCode exitCode();

    /** What to tell the user, one phrase a line. */
    public abstract List<Phrase> explain();
}
