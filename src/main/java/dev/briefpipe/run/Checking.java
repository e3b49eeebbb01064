package dev.briefpipe.run;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.load.Workbooks;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.ValidationReport;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.transform.Transformer;
import dev.briefpipe.validate.Glyphs;
import dev.briefpipe.validate.Placements;
import dev.briefpipe.validate.PrintedBlocks;
import dev.briefpipe.validate.SchemaValidator;
import dev.briefpipe.validate.UnverifiedRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The first stages of every check and build: read → validate → transform, and all their findings. */
final class Checking {
    private Checking() {}

    /** @param listeners by sheet id: hear each sheet's rows as they are read (its CSV extracts) */
    static Checked check(
            Settings settings,
            ProgressListener progress,
            BriefConfig brief,
            Path workbook,
            int total,
            Map<String, RowListener> listeners,
            Supplier<FontSet> faces) {
        progress.stage("read", 1, total);
        AppConfig.Workbook limits = settings.app().workbook();
        long maxBytes = limits.maxMegabytes() * 1024L * 1024L;
        long maxPart = limits.maxPartMegabytes() * 1024L * 1024L;
        // The rows are read as they are validated: both run under the time limit, and memory stays flat.
        Read read = WithinTime.run(
                () -> {
                    try (RawWorkbook raw = Workbooks.open(workbook, maxBytes, maxPart, progress.meter("validate"))) {
                        progress.stage("validate", 2, total);
                        return new Read(raw, new SchemaValidator().validate(raw, brief, false, listeners));
                    }
                },
                limits.timeoutSeconds() * 1000L,
                workbook);
        progress.stage("transform", 3, total);
        Transformer.Result t = new Transformer().apply(read.validated().dataset(), brief);
        ValidationReport report = read.validated().report();
        List<Finding> more = new ArrayList<>(t.findings());
        more.addAll(UnverifiedRows.check(brief, read.validated().dataset()));
        more.addAll(Placements.check(brief, read.validated().dataset()));
        more.addAll(PrintedBlocks.check(brief, t.dataset()));
        more.addAll(
                Glyphs.check(brief, t.dataset(), cp -> faces.get().faceFor(cp).isPresent()));
        more.removeIf(PrintedBlocks.toldBy(report));
        if (!more.isEmpty()) {
            List<Finding> all = new ArrayList<>(report.findings());
            all.addAll(more);
            report = new ValidationReport(report.workbook(), all, report.stats());
        }
        return new Checked(read.workbook(), report, read.validated().dataset(), t.dataset(), t.figures());
    }

    private record Read(RawWorkbook workbook, SchemaValidator.Result validated) {}
}
