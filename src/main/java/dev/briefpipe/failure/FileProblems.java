package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the operating system refused (a file, a folder, a full disk), told as a sentence in the reader's
 * words instead of the JVM's English: for the command line and for the run history alike.
 */
public final class FileProblems {
    private FileProblems() {}

    /** The sentence for {@code e}, when it is the operating system refusing a file or a write; else empty. */
    public static Optional<Phrase> of(Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (t instanceof FileSystemException fs && fs.getFile() != null) {
            return Optional.of(Phrase.of("cli.file-problem", shown(Path.of(fs.getFile())), why(fs)));
        }
        if (t instanceof IOException io && full(io)) {
            return Optional.of(Phrase.of("cli.disk-full"));
        }
        return Optional.empty();
    }

    /**
     * {@code e} said of {@code where} when it is a full disk, so the reader learns which disk: a write's
     * own error names no file, and a copy's names its source; else {@code e} itself.
     *
     * @param where the file or folder being written (a full disk already said of one is kept)
     */
    public static IOException at(Path where, IOException e) {
        return full(e) && !(e instanceof DiskFull) ? new DiskFull(where, e) : e;
    }

    private static final class DiskFull extends FileSystemException {
        private static final long serialVersionUID = 1L;

        DiskFull(Path where, IOException cause) {
            super(where.toString(), null, "No space left on device");
            initCause(cause);
        }
    }

    /** Whether {@code e}, or what caused it, is the operating system saying the disk is full. */
    public static boolean full(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String said = t instanceof FileSystemException fs ? fs.getReason() : t.getMessage();
            if (t instanceof IOException
                    && said != null
                    && (said.contains("No space left on device") || said.contains("not enough space on the disk"))) {
                return true;
            }
        }
        return false;
    }

    /** A file as the user named it: a temporary file by its folder; under a file, that file, in the way. */
    private static Path shown(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp") && file.getParent() != null ? file.getParent() : file;
    }

    /** Why, in the reader's words for the common cases, else as the operating system put it. */
    private static Phrase why(FileSystemException e) {
        String reason = String.valueOf(e.getReason());
        boolean fileInTheWay = e instanceof NotDirectoryException
                || reason.contains("Not a directory")
                // a folder was to be made where a file is
                || (e instanceof FileAlreadyExistsException && Files.isRegularFile(Path.of(e.getFile())));
        if (e instanceof NoSuchFileException) {
            return Phrase.of("cli.file.missing");
        } else if (reason.contains("Read-only file system")) {
            return Phrase.of("cli.file.read-only-disk"); // no permission would help: the mount is read-only
        } else if (e instanceof AccessDeniedException || reason.contains("Read-only")) {
            return Phrase.of("cli.file.denied");
        } else if (fileInTheWay) {
            return Phrase.of("cli.file.not-a-folder");
        } else if (e instanceof FileAlreadyExistsException) {
            return Phrase.of("cli.file.exists");
        } else if (full(e)) {
            return Phrase.of("cli.file.full");
        }
        return Phrase.of("cli.file.other", reason);
    }
}
