package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** The database, or the record of a published build, could not be read or written. */
public final class StoreException extends Failure {
    private final Phrase explained;

    /** {@code what} could not be done; the database's own reply, when it gave one, is told after it. */
    public StoreException(Phrase what, Throwable cause) {
        super(what + " " + cause.getMessage(), cause);
        this.explained = explain(what, cause);
    }

    /**
     * What could not be done, and why: a full disk, or the first line of the database's reply when an
     * {@link SQLException} is among the causes (H2's copy of the statement left out); a library's other words stay in the log.
     */
    public static Phrase explain(Phrase what, Throwable cause) {
        if (FileProblems.full(cause)) {
            return Phrase.of("store.full", what);
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getMessage() != null) {
                String reply = s.getMessage().lines().findFirst().orElse("");
                int statement = reply.indexOf("; SQL statement:");
                return Phrase.of("store.error", what, statement < 0 ? reply : reply.substring(0, statement));
            }
        }
        return what;
    }

    private StoreException(String message, Throwable cause, Phrase explained) {
        super(message, cause);
        this.explained = explained;
    }

    /** The embedded database's file is open in another briefpipe process (the scheduler, say). */
    public static StoreException inUse(Path file, Throwable cause) {
        return new StoreException(file + " is in use by another process", cause, Phrase.of("store.in-use", file));
    }

    /** A published build's {@code manifest.json} that is not the JSON briefpipe wrote (edited, cut short). */
    public static StoreException damaged(Path file, Throwable cause) {
        return new StoreException(file + " is damaged", cause, Phrase.of("store.damaged", file));
    }

    /**
     * A database server that cannot be reached ({@code reply} null) or that refused the connection with
     * its own reply (no such user, database or password).
     */
    public static StoreException cannotConnect(String url, String reply, String passwordEnv, Throwable cause) {
        return new StoreException(
                "cannot connect to " + url + (reply == null ? "" : ": " + reply),
                cause,
                reply == null
                        ? Phrase.of("store.unreachable", url)
                        : Phrase.of("store.refused", url, reply, passwordEnv));
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.RUNTIME;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(explained);
    }
}
