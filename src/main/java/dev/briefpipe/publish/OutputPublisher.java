package dev.briefpipe.publish;

import dev.briefpipe.failure.StoreException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes a build all-or-nothing: outputs are written into a staging folder beside the target, and
 * only a complete staging folder is renamed into place (a previous build for the same period is
 * moved aside first and removed after). A failed build leaves the previous outputs untouched.
 */
public final class OutputPublisher {
    private final Path target;
    private final Path staging;
    /** Whether this build made {@code output/<brief>/}: one that fails then removes it, if still empty. */
    private final boolean newBriefDir;

    /** Begins a build of {@code target}, first removing what builds of this brief that died left behind. */
    public OutputPublisher(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.newBriefDir = !Files.isDirectory(this.target.getParent());
        Files.createDirectories(this.target.getParent());
        sweep(this.target.getParent());
        // The process's id in the name: the next build can tell a live build's folder from a dead one's.
        this.staging = this.target.resolveSibling("." + this.target.getFileName() + ".staging-"
                + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        Files.createDirectories(staging);
    }

    /** Removes the staging and swap folders in {@code briefDir} whose process is no longer running. */
    static void sweep(Path briefDir) throws IOException {
        try (var entries = Files.list(briefDir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                int at = Math.max(name.indexOf(".staging-"), name.indexOf(".old-"));
                if (name.startsWith(".") && at > 0 && !running(name.substring(name.indexOf('-', at) + 1))) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Whether the id at the start of {@code rest} ("1234-…") is a running process; false for no id. */
    private static boolean running(String rest) {
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false; // a folder named by an earlier version: its run is long over
        }
    }

    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    public void publish() throws IOException {
        keepEditions();
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-"
                    + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
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

    /**
     * Carries the manifests of the editions this build replaces into it ({@code editions/<pdf
     * sha256>.json}): a correction compares with the edition its readers got, even after a rebuild. The
     * record of who was mailed goes along, and so do the letters a dry run wrote to the outbox, which
     * the ledger counts as written and so does not write again.
     */
    private void keepEditions() throws IOException {
        for (String kept : List.of(Publications.EDITIONS, Publications.DELIVERIES, Publications.OUTBOX)) {
            carry(kept);
        }
        Path editions = staging.resolve(Publications.EDITIONS);
        Path manifest = target.resolve(Publications.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            Optional<Manifest.FileEntry> pdf;
            try {
                pdf = Manifest.read(manifest).output(Manifest.Kind.PDF);
            } catch (StoreException damaged) {
                pdf = Optional.empty(); // nothing to keep of it: this build is the way to mend it
            }
            if (pdf.isPresent()) {
                Files.createDirectories(editions);
                Files.copy(
                        manifest, editions.resolve(pdf.get().sha256() + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Copies a file or folder of the period's published output, if it is there, into this build's. */
    private void carry(String name) throws IOException {
        Path from = target.resolve(name);
        if (!Files.exists(from)) {
            return;
        }
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = staging.resolve(target.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Removes the staging folder of a build that did not finish. */
    public void discard() {
        try {
            deleteTree(staging);
            if (newBriefDir) {
                Files.delete(target.getParent()); // refused while anything else is in it
            }
        } catch (IOException e) {
            // Left behind under a dot-name (the next build for this period does not see it), or not empty.
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
