package dev.briefpipe.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a file so that readers see either the old content or the new, never a half-written file. */
public final class AtomicFiles {
    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {}

    /** Writes bytes to a temp file beside {@code target}, forces them to disk, then moves it into place. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, () -> {});
    }

    /**
     * As {@link #write(Path, byte[])}, running {@code beforeMove} once the new content is on disk and
     * before it replaces the target (tests use it to fail there, as a crash would).
     */
    static void write(Path target, byte[] bytes, Runnable beforeMove) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // One temp name per target: what a killed run left is replaced by the next write, never piled up.
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            beforeMove.run();
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Forces a file's content to disk: before it is moved over a file that must not be lost to a crash. */
    public static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Atomic rename where the file system allows it, else a plain replace. A file replaced keeps its
     * permissions, and its owner and group where this process may set them: a workbook the analysts
     * share through their group stays theirs to edit.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        copyAccess(target, tmp);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Gives {@code to} the permissions of {@code from}, and its owner and group where this process may:
     * nothing when {@code from} is not a regular file (nor a folder, for a folder) or the file system has
     * no POSIX permissions.
     */
    public static void copyAccess(Path from, Path to) {
        PosixFileAttributes was;
        try {
            was = Files.readAttributes(from, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return; // nothing is replaced, or the file system has no POSIX permissions
        }
        if (!was.isRegularFile() && !(was.isDirectory() && Files.isDirectory(to))) {
            return;
        }
        PosixFileAttributeView now = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        try {
            now.setPermissions(was.permissions());
            now.setGroup(was.group()); // refused unless this user is in the group: the rest still holds
            now.setOwner(was.owner()); // refused unless root
        } catch (IOException e) {
            log.debug("{} keeps the access it was written with: {}", to, e.toString());
        }
    }
}
