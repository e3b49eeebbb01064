package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.Arrays;
import java.util.List;

/** A command used wrongly; the message is a bundle key with arguments. Exit code 2. */
public final class UsageException extends Failure {
    private final String key;
    private final List<Object> args;

    public UsageException(String key, Object... args) {
        super(key, null);
        this.key = key;
        this.args = Arrays.asList(args);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(new Phrase(key, args));
    }
}
