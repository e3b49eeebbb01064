package dev.briefpipe.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a file so that readers see either the old content or the new, never a half-written file. */
public final class AtomicFiles {
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

    /** Atomic rename where the file system allows it, else a plain replace. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
