package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.Built;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code build}: validates, then writes the PDF, CSV extracts, summary and manifest for one period. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false)
final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    BriefOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM")
    String period;

    @Option(names = "--out", paramLabel = "DIR")
    Path out;

    @Option(names = "--summary", paramLabel = "copy|in-place|off")
    String summary;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Settings settings = options.load();
        CliContext ctx = main.context(settings);
        BriefConfig brief = options.brief(settings);
        Period p = BriefOptions.periodOr(period, brief);
        SummaryMode mode = summaryMode();
        Path outDir = out != null ? out.toAbsolutePath().normalize() : settings.outputDir();
        Path workbook = options.workbook(settings, brief);
        Built built;
        try (BriefService service = BriefService.open(settings, main.progress(ctx))) {
            built = service.build(brief, workbook, p, outDir, mode);
        }
        if (built.checked().report().warningCount() > 0) {
            // Warnings too, those only a build finds among them (a key figure moved since the last period).
            new TextReportWriter(ctx.messages(), false, ErrorReporter.SHOWN_FINDINGS)
                    .write(built.checked().report(), ctx.err());
            ctx.err().flush();
        }
        ctx.out().println(ctx.msg("cli.build-done", built.dir(), (System.nanoTime() - start) / 1_000_000));
        built.manifest().outputs().forEach(o -> ctx.out().println("  " + o.path()));
        ctx.out().println("  manifest.json");
        built.summaryBackup().ifPresent(b -> ctx.out().println("  " + ctx.msg("cli.build-backup", b)));
        if (!built.summaryDropped().isEmpty()) {
            List<String> cells = built.summaryDropped();
            String named =
                    String.join(", ", cells.subList(0, Math.min(8, cells.size()))) + (cells.size() > 8 ? " …" : "");
            ctx.out()
                    .println(ctx.msg(
                            "cli.build-summary-dropped",
                            brief.summary().sheet(),
                            named,
                            built.summaryBackup().orElseThrow()));
        }
        if (built.summaryHeld() != null) {
            ctx.out()
                    .println(ctx.msg(
                            "cli.build-summary-held-" + built.summaryHeld().reason(),
                            workbook.getFileName(),
                            built.summaryHeld().lockFile() == null
                                    ? ""
                                    : built.summaryHeld().lockFile().getFileName(),
                            built.dir().resolve(workbook.getFileName())));
        }
        if (built.summarySkipped()) {
            ctx.out().println(ctx.msg("cli.build-xls-summary", workbook.getFileName()));
        }
        ctx.out().flush();
        return ExitCode.OK.code();
    }

    private SummaryMode summaryMode() {
        if (summary == null) {
            return null;
        }
        try {
            return SummaryMode.of(summary);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cli.bad-summary", summary);
        }
    }
}
