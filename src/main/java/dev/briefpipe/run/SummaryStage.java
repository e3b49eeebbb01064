package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.export.summary.SummarySheetRefresher;
import dev.briefpipe.failure.WorkbookBusyException;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.publish.SafeWorkbookWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

/**
 * A build's summary sheet: refreshed from the workbook that was validated (its hash checked after the
 * splice), beside the previous period's figures from that build's manifest.
 */
final class SummaryStage {
    private static final Logger log = LoggerFactory.getLogger(SummaryStage.class);
    private final Settings settings;

    SummaryStage(Settings settings) {
        this.settings = settings;
    }

    /** The mode a build uses: the override, else the brief's; off without a summary section. */
    static SummaryMode mode(BriefConfig brief, SummaryMode override) {
        if (brief.summary() == null || override == SummaryMode.OFF) {
            return SummaryMode.OFF;
        }
        return override != null ? override : brief.summary().mode();
    }

    /**
     * Checks, before the refresh, that the workbook may be replaced in place: null when it may. Open in
     * Excel or LibreOffice, or read-only, it fails the build when the command line asked for in-place;
     * when the config did ({@code mayCopy}), it is returned, and the build goes on with the refresh as a
     * copy in the output folder, so its readers are not kept waiting for a window left open. A workbook
     * changed since it was read always fails the build (what was validated is no longer what it holds).
     */
    WorkbookBusyException held(BriefConfig brief, Path wb, String sha, boolean mayCopy) throws IOException {
        try {
            new SafeWorkbookWriter(settings.app().backups(), brief.zone()).checkReplaceable(wb, sha);
            return null;
        } catch (WorkbookBusyException e) {
            if (!mayCopy || e.reason().equals("changed")) {
                throw e;
            }
            log.warn("{}: not refreshed in place ({}): the refreshed copy is in the output folder", wb, e.reason());
            return e;
        }
    }

    /**
     * An Excel 97–2003 workbook is read but its summary sheet is not refreshed: the refresh splices the
     * sheet into an .xlsx package and draws a chart only .xlsx can hold.
     */
    static boolean isXls(Path workbook) {
        return workbook.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xls");
    }

    /**
     * Refreshes the summary sheet into {@code target}; a copy (not in place) with an unchanged summary
     * is still written, byte-identical to the workbook.
     *
     * @param inPlace the workbook itself will be replaced (checked by {@link #held} first)
     * @param previousPeriod the previous period built (null if none), whose figures go beside this period's
     * @return whether the summary's content changed, and the old summary's cells it left empty
     */
    SummarySheetRefresher.Refreshed refresh(
            BriefConfig brief,
            Checked checked,
            boolean inPlace,
            Publications published,
            Period previousPeriod,
            Path target)
            throws IOException {
        Optional<Manifest> previous =
                previousPeriod == null ? Optional.empty() : published.manifest(brief.id(), previousPeriod);
        Path wb = checked.workbook().file();
        String sha = checked.workbook().sha256();
        Map<String, BigDecimal> before = new HashMap<>();
        if (brief.summary().compare()) {
            previous.ifPresent(m ->
                    m.figures().stream().filter(f -> f.value() != null).forEach(f -> before.put(f.id(), f.value())));
        }
        ZonedDateTime now = ZonedDateTime.now(brief.zone()).truncatedTo(ChronoUnit.SECONDS);
        SummarySheetRefresher.Inputs inputs = new SummarySheetRefresher.Inputs(
                brief,
                List.copyOf(checked.figures().values()),
                before,
                before.isEmpty() ? null : previous.get().period().toString(),
                checked.sheetData(),
                now);
        SummarySheetRefresher.Refreshed refreshed = new SummarySheetRefresher().refresh(wb, inputs, target);
        // What was spliced is what was validated: an analyst's save in between is not mixed in.
        unchanged(wb, sha);
        if (inPlace && !refreshed.dropped().isEmpty()) {
            log.warn(
                    MarkerFactory.getMarker(Deliverer.REPORTED_MARKER),
                    "{}: the summary sheet's {} held content the refresh leaves empty (kept in the backup)",
                    wb.getFileName(),
                    refreshed.dropped());
        }
        if (!refreshed.changed() && !inPlace) {
            Files.copy(wb, target, StandardCopyOption.REPLACE_EXISTING);
            unchanged(target, sha);
        }
        return refreshed;
    }

    /** Fails when the workbook is no longer the one validated (an analyst saved it meanwhile). */
    private static void unchanged(Path file, String sha) throws IOException {
        if (!FileHashes.sha256(file).equals(sha)) {
            throw new WorkbookBusyException(file, "changed", null);
        }
    }
}
