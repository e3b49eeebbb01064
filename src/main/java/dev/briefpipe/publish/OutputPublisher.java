package dev.briefpipe.publish;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Publishes a build all-or-nothing: outputs are written into a staging folder beside the target, and
 * only a complete staging folder is renamed into place (a previous build for the same period is
 * moved aside first and removed after). A failed build leaves the previous outputs untouched.
 */
public final class OutputPublisher {
    private final Path target;
    private final Path staging;

    public OutputPublisher(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        Files.createDirectories(this.target.getParent());
        this.staging = this.target.resolveSibling("." + this.target.getFileName() + ".staging-" + UUID.randomUUID());
        Files.createDirectories(staging);
    }

    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    public void publish() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Removes the staging folder of a build that did not finish. */
    public void discard() {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // Left behind under a dot-name; the next build for this period does not see it.
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
