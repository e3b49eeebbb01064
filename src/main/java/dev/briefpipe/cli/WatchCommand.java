package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.export.report.HtmlReportWriter;
import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.export.report.WorkbookAnnotator;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.io.AtomicFiles;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.io.WorkbookFiles;
import dev.briefpipe.model.ValidationReport;
import dev.briefpipe.run.BriefPipeline;
import dev.briefpipe.run.Checked;
import dev.briefpipe.run.FontsFromConfig;
import dev.briefpipe.run.WorkbookWatcher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code watch}: validates the workbook now and again each time it is saved, printing the findings
 * and refreshing the HTML report and the annotated copy, until stopped (Ctrl-C).
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false)
final class WatchCommand implements Callable<Integer> {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @ParentCommand
    Main main;

    @Mixin
    BriefOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM", descriptionKey = "briefpipe.validate.period")
    String period;

    @Option(names = "--report", paramLabel = "FILE", descriptionKey = "watch.report")
    Path report;

    @Option(names = "--annotate", paramLabel = "FILE", descriptionKey = "watch.annotate")
    Path annotate;

    @Option(names = "--debounce", paramLabel = "MS", defaultValue = "700")
    long debounceMillis;

    /** Stops after this many validations (0 = never); for scripts and tests. */
    @Option(names = "--max-runs", hidden = true, defaultValue = "0")
    int maxRuns;

    private int runs;

    @Override
    public Integer call() throws Exception {
        UsageErrors.atLeast("--debounce", debounceMillis, 0);
        if (period != null) {
            BriefOptions.period(period); // a period mistyped is said now, not at each save
        }
        Settings settings = options.load();
        CliContext ctx = main.context(settings);
        BriefConfig brief = options.brief(settings);
        Path workbook = options.workbook(settings, brief);
        Path folder = settings.outputDir().resolve(brief.id()).resolve("watch");
        Path html = (report != null ? report : folder.resolve("report.html"))
                .toAbsolutePath()
                .normalize();
        Path annotated = (annotate != null
                        ? annotate
                        : folder.resolve("annotated." + WorkbookFiles.extension(workbook)))
                .toAbsolutePath()
                .normalize();
        ValidateCommand.sameFormat(annotated, workbook);
        if (annotated.equals(workbook)) {
            throw new UsageException("cli.watch-annotate-is-workbook", annotated);
        }
        BriefPipeline pipeline =
                new BriefPipeline(settings, dev.briefpipe.run.ProgressListener.NONE, new FontsFromConfig(settings));
        ctx.out().println(ctx.msg("watch.started", workbook, html, annotated));
        ctx.out().flush();
        new WorkbookWatcher(workbook, Duration.ofMillis(debounceMillis))
                .watch(() -> once(ctx, pipeline, brief, workbook, html, annotated));
        return ExitCode.OK.code();
    }

    /** One validation; returns whether to keep watching. A bad save is reported, never fatal. */
    private boolean once(
            CliContext ctx, BriefPipeline pipeline, BriefConfig brief, Path workbook, Path html, Path annotated) {
        ctx.out().println();
        ctx.out()
                .println(ctx.msg(
                        "watch.checking",
                        LocalTime.now(java.time.ZoneId.systemDefault()).format(CLOCK),
                        workbook.getFileName()));
        try {
            byte[] bytes = Files.readAllBytes(workbook);
            Checked checked = pipeline.check(brief, workbook, BriefOptions.periodOr(period, brief));
            ValidationReport r = checked.report();
            new TextReportWriter(ctx.messages(), ctx.colour(), 0).write(r, ctx.out());
            AtomicFiles.write(
                    html, new HtmlReportWriter(ctx.messages()).write(r).getBytes(StandardCharsets.UTF_8));
            // Annotate the bytes that were validated; if the file moved on meanwhile, the next save redoes it.
            if (FileHashes.sha256(bytes).equals(checked.workbook().sha256())) {
                AtomicFiles.write(annotated, new WorkbookAnnotator(ctx.messages()).annotate(bytes, r));
            }
            ctx.out().println(ctx.msg("watch.refreshed", html.getFileName(), annotated.getFileName()));
        } catch (Exception e) {
            new ErrorReporter(ctx).report(e);
        }
        ctx.out().println(ctx.msg("watch.waiting"));
        ctx.out().flush();
        ctx.err().flush();
        return maxRuns <= 0 || ++runs < maxRuns;
    }
}
