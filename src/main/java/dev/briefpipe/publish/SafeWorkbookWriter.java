package dev.briefpipe.publish;

import dev.briefpipe.failure.FileProblems;
import dev.briefpipe.failure.WorkbookBusyException;
import dev.briefpipe.io.AtomicFiles;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.io.WorkbookFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces an analyst's workbook without ever losing their edits: refuses while the file is open in
 * Excel ({@code ~$name.xlsx}) or LibreOffice ({@code .~lock.name.xlsx#}) or when it changed since it
 * was read (hash compared right before the move), keeps a backup of what it replaces (the newest
 * {@code keep} in {@code .briefpipe-backups/}), and writes through a temp file, forced to disk, and an
 * atomic move.
 */
public final class SafeWorkbookWriter {
    public static final String BACKUP_DIR = ".briefpipe-backups";
    private static final Logger log = LoggerFactory.getLogger(SafeWorkbookWriter.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private final int keep;
    private final java.time.ZoneId zone;

    /** @param zone the brief's: a backup is named by the time its analysts read on their clocks */
    public SafeWorkbookWriter(int keep, java.time.ZoneId zone) {
        this.keep = Math.max(1, keep);
        this.zone = zone;
    }

    /** The lock file an office suite keeps beside an open workbook, if there is one. */
    public static Optional<Path> lockFileOf(Path file) {
        String name = file.getFileName().toString();
        for (String lock : WorkbookFiles.lockFiles(name)) {
            Path p = file.resolveSibling(lock);
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that {@code workbook} may be replaced now: not open, and still the bytes read.
     *
     * @throws WorkbookBusyException when it may not
     */
    public void checkReplaceable(Path workbook, String expectedSha256) throws IOException {
        Path file = workbook.toRealPath(); // Excel keeps its lock file beside the file a link points to
        Optional<Path> lock = lockFileOf(file);
        if (lock.isPresent()) {
            throw new WorkbookBusyException(file, "locked", lock.get());
        }
        if (readOnly(file)) {
            throw new WorkbookBusyException(file, "read-only", null);
        }
        if (!FileHashes.sha256(file).equals(expectedSha256)) {
            throw new WorkbookBusyException(file, "changed", null);
        }
    }

    /**
     * Marked read-only by its owner (nobody may write it: root could, and must not either), or on a disk
     * mounted read-only.
     */
    private static boolean readOnly(Path file) throws IOException {
        if (Files.getFileStore(file).isReadOnly()) {
            return true;
        }
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return !Files.isWritable(file);
        }
        return Files.getPosixFilePermissions(file).stream()
                .noneMatch(p -> p.name().endsWith("_WRITE"));
    }

    /**
     * Replaces {@code workbook} (the file it links to, if a link) with {@code bytes} if it is replaceable.
     *
     * @return the backup made of the previous content
     */
    public Path replace(Path workbook, String expectedSha256, byte[] bytes) throws IOException {
        Path file = workbook.toRealPath(); // through a link, the analysts' file is replaced; the link stays
        checkReplaceable(file, expectedSha256);
        Path backup = backup(file);
        checkReplaceable(file, expectedSha256);
        AtomicFiles.write(file, bytes);
        log.info("refreshed {} in place (backup {})", file, backup);
        return backup;
    }

    /**
     * Replaces {@code workbook} (the file it links to, if a link) with the content of {@code content} (a
     * large workbook, never held in memory) if it is replaceable.
     *
     * @return the backup made of the previous content
     */
    public Path replace(Path workbook, String expectedSha256, Path content) throws IOException {
        Path file = workbook.toRealPath(); // through a link, the analysts' file is replaced; the link stays
        checkReplaceable(file, expectedSha256);
        Path backup = backup(file);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".briefpipe.tmp");
        try {
            Files.copy(content, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.force(tmp); // on disk before it replaces the analyst's file: a power cut loses neither
            checkReplaceable(file, expectedSha256);
            AtomicFiles.moveIntoPlace(tmp, file);
        } catch (IOException e) {
            throw FileProblems.at(file, e); // the workbook's disk, not the staged copy's
        } finally {
            Files.deleteIfExists(tmp);
        }
        log.info("refreshed {} in place (backup {})", file, backup);
        return backup;
    }

    private Path backup(Path file) throws IOException {
        Path dir = file.resolveSibling(BACKUP_DIR);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            AtomicFiles.copyAccess(dir.getParent(), dir); // the analysts' folder's access, not the service's
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        String base = stem + "-" + LocalDateTime.now(zone).format(STAMP);
        Path target = dir.resolve(base + ext);
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve(base + "-" + i + ext);
        }
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
        try {
            Files.copy(file, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.force(tmp);
            AtomicFiles.copyAccess(file, tmp); // no more readable than the workbook itself
        } catch (IOException e) {
            throw FileProblems.at(target, e);
        }
        AtomicFiles.moveIntoPlace(tmp, target);
        prune(dir, stem, ext);
        return target;
    }

    private void prune(Path dir, String stem, String ext) throws IOException {
        List<Path> backups;
        try (Stream<Path> s = Files.list(dir)) {
            backups = s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.startsWith(stem + "-") && n.endsWith(ext) && !n.startsWith(".");
                    })
                    .sorted(Comparator.comparing((Path p) -> p.toFile().lastModified())
                            .thenComparing(Path::toString))
                    .collect(Collectors.toList());
        }
        for (int i = 0; i < backups.size() - keep; i++) {
            Files.deleteIfExists(backups.get(i));
        }
    }
}
