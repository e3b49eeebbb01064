package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.nio.file.Path;
import java.util.List;

/**
 * An in-place write was refused to protect the analyst's file: it is open ({@code locked}, with the
 * lock file found), marked read-only ({@code read-only}) or it changed since it was read ({@code changed}).
 */
public final class WorkbookBusyException extends Failure {
    private final Path file;
    private final String reason;
    private final Path lockFile;

    public WorkbookBusyException(Path file, String reason, Path lockFile) {
        super(file + ": " + reason + (lockFile == null ? "" : " (" + lockFile.getFileName() + ")"), null);
        this.file = file;
        this.reason = reason;
        this.lockFile = lockFile;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }

    public Path lockFile() {
        return lockFile;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.RUNTIME;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(Phrase.of("summary." + reason, file, lockFile == null ? "" : lockFile.getFileName()));
    }
}
