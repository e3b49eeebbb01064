package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.io.AtomicFiles;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.publish.SafeWorkbookWriter;
import dev.briefpipe.run.BriefService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;

/**
 * A new workbook version from the console. It is written beside the working workbook under a temporary
 * name, read and validated there, and only then put in place (atomically, the previous version kept as
 * a backup): when valid, or when the analyst says so for a readable file with errors. It never leaves
 * the brief's workbook folder, whatever name the browser sent.
 */
final class Uploads {
    private final Settings settings;
    private final BriefService service;

    Uploads(Settings settings, BriefService service) {
        this.settings = settings;
        this.service = service;
    }

    /** What became of an upload: its validation, and whether it replaced the working workbook. */
    record Outcome(Views.Checked checked, boolean replaced, boolean tooLarge, boolean wrongType) {}

    Outcome accept(BriefConfig brief, String fileName, long size, InputStream content, boolean force, String actor)
            throws IOException {
        Path working = settings.workbookOf(brief);
        String ext = extension(working.getFileName().toString());
        if (!extension(fileName == null ? "" : fileName).equals(ext)) {
            return new Outcome(null, false, false, true);
        }
        if (size > settings.app().workbook().maxMegabytes() * 1024L * 1024L) {
            return new Outcome(null, false, true, false);
        }
        Files.createDirectories(working.getParent());
        Path candidate = working.resolveSibling(".upload-" + UUID.randomUUID() + ext);
        try {
            Files.copy(content, candidate, StandardCopyOption.REPLACE_EXISTING);
            String sha = FileHashes.sha256(Files.readAllBytes(candidate));
            Views.Checked checked;
            try {
                checked = Views.Checked.of(sha, brief, service.check(brief, candidate));
            } catch (Failure f) {
                checked = Views.Checked.unreadable(sha, f);
            }
            boolean take = checked.report() != null && (checked.report().valid() || force);
            if (take) {
                if (Files.exists(working)) {
                    String current = FileHashes.sha256(Files.readAllBytes(working));
                    new SafeWorkbookWriter(settings.app().backups()).replace(working, current, candidate);
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
                                "sha256 " + sha);
                service.approving().withdraw(brief, brief.periodAt(java.time.Instant.now()), actor);
            }
            return new Outcome(checked, take, false, false);
        } finally {
            Files.deleteIfExists(candidate);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }
}
