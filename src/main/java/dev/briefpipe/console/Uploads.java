package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.failure.WorkbookBusyException;
import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.io.AtomicFiles;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.ValidationReport;
import dev.briefpipe.publish.SafeWorkbookWriter;
import dev.briefpipe.run.BriefService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A new workbook version from the console. It is written beside the working workbook under a temporary
 * name, read and validated there, and only then put in place (atomically, the previous version kept as
 * a backup): when valid, or when the analyst says so for a readable file with errors. A version with
 * errors that is not put in place is kept in {@value #KEPT_DIR} (the newest {@value #KEEP}), so the
 * analyst can download its report and annotated copy. It never leaves the brief's workbook folder,
 * whatever name the browser sent.
 */
final class Uploads {
    static final String KEPT_DIR = ".briefpipe-uploads";
    static final int KEEP = 10;
    private final Settings settings;
    private final BriefService service;

    Uploads(Settings settings, BriefService service) {
        this.settings = settings;
        this.service = service;
    }

    /**
     * What became of an upload: its validation, and whether it replaced the working workbook.
     *
     * @param kept the sha256 under which a version not taken (errors, or the working one busy) was kept, or null
     * @param busy why the working workbook could not be replaced (open in Excel, say), or null
     */
    record Outcome(
            VersionCheck checked,
            boolean replaced,
            boolean tooLarge,
            boolean wrongType,
            String kept,
            WorkbookBusyException busy) {}

    Outcome accept(
            BriefConfig brief,
            Period period,
            String fileName,
            long size,
            InputStream content,
            boolean force,
            String actor)
            throws IOException {
        Path working = settings.workbookOf(brief);
        String ext = extension(working.getFileName().toString());
        if (!extension(fileName == null ? "" : fileName).equals(ext)) {
            return new Outcome(null, false, false, true, null, null);
        }
        if (size > settings.app().workbook().maxMegabytes() * 1024L * 1024L) {
            return new Outcome(null, false, true, false, null, null);
        }
        Files.createDirectories(working.getParent());
        String name = shownName(fileName, working);
        Path candidate = working.resolveSibling(".upload-" + UUID.randomUUID() + ext);
        try {
            Files.copy(content, candidate, StandardCopyOption.REPLACE_EXISTING);
            VersionCheck checked = check(brief, period, candidate, name);
            String sha = checked.sha();
            boolean take = checked.report() != null && (checked.report().valid() || force);
            // The working workbook's very bytes again: nothing to replace, and no backup of them to push an
            // older, different one out of the kept few; the period's approval stands.
            String current = take && Files.exists(working) ? FileHashes.sha256(working) : null;
            if (take && !sha.equals(current)) {
                if (current != null) {
                    try {
                        new SafeWorkbookWriter(settings.app().backups(), brief.zone())
                                .replace(working, current, candidate);
                    } catch (WorkbookBusyException busy) { // open in Excel on the share, say: kept to show
                        keep(working, candidate, sha, name);
                        return new Outcome(checked, false, false, false, sha, busy);
                    }
                } else {
                    AtomicFiles.moveIntoPlace(candidate, working);
                }
                service.audit()
                        .record(
                                actor,
                                "upload",
                                brief.id(),
                                null,
                                working.getFileName().toString(),
                                "sha256 " + sha + " (" + name + ")");
                service.approving().withdraw(brief, brief.periodAt(Instant.now()), actor);
            } else if (!take && checked.report() != null) {
                keep(working, candidate, sha, name);
                return new Outcome(checked, false, false, false, sha, null);
            }
            return new Outcome(checked, take, false, false, null, null);
        } finally {
            Files.deleteIfExists(candidate);
        }
    }

    /**
     * A workbook file's validation, or the sentence saying why it cannot be read, naming the file as the
     * analyst knows it ({@code name}), not by where the server put it.
     */
    VersionCheck check(BriefConfig brief, Period period, Path file, String name) throws IOException {
        String sha = FileHashes.sha256(file);
        Path shown = Path.of(name);
        try {
            VersionCheck c = VersionCheck.of(sha, brief, service.check(brief, file, period));
            ValidationReport r = c.report();
            return new VersionCheck(
                    sha, new ValidationReport(shown, r.findings(), r.stats()), null, c.sentences(), c.data());
        } catch (WorkbookReadException e) {
            return VersionCheck.unreadable(sha, e.naming(shown));
        } catch (Failure f) {
            return VersionCheck.unreadable(sha, f);
        }
    }

    /**
     * A version with errors kept by {@link #accept}, by its sha256, under the name it was uploaded with;
     * empty for anything else.
     */
    Optional<Path> kept(BriefConfig brief, String sha) throws IOException {
        if (sha == null || !sha.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path dir = settings.workbookOf(brief).resolveSibling(KEPT_DIR).resolve(sha);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).findFirst();
        }
    }

    private static void keep(Path working, Path candidate, String sha, String name) throws IOException {
        Path dir = working.resolveSibling(KEPT_DIR);
        delete(dir.resolve(sha));
        Files.move(candidate, Files.createDirectories(dir.resolve(sha)).resolve(name));
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.sorted(Comparator.comparing((Path p) -> p.toFile().lastModified())
                            .reversed())
                    .toList();
        }
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            delete(old);
        }
    }

    /** A kept version: a folder holding one file (or, from an older briefpipe, the file itself). */
    private static void delete(Path kept) throws IOException {
        if (Files.isDirectory(kept)) {
            try (Stream<Path> s = Files.list(kept)) {
                for (Path f : s.toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        Files.deleteIfExists(kept);
    }

    /**
     * The uploaded file's own name, as reports and sentences give it: the browser's name without any
     * folder part; the working workbook's name when that one is unusable as a file name.
     */
    static String shownName(String fileName, Path working) {
        String n = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "");
        return n.startsWith(".") || n.length() > 80 ? working.getFileName().toString() : n;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
