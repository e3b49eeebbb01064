package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.nio.file.Path;
import java.util.List;

/** No usable Korean font: either none of the searched names is installed or a named file is unusable. */
public final class FontNotFoundException extends Failure {
    private final List<String> searched;
    private final Path file;

    public FontNotFoundException(List<String> searched, Path file, String detail) {
        super(file == null ? "no Korean font among " + searched : file + ": " + detail, null);
        this.searched = List.copyOf(searched);
        this.file = file;
    }

    public List<String> searched() {
        return searched;
    }

    /** The configured file that could not be used, or null when the search found nothing. */
    public Path file() {
        return file;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(
                file == null
                        ? Phrase.of("cli.font-missing", String.join(", ", searched))
                        : Phrase.of("cli.font-unusable", file, getMessage()));
    }
}
