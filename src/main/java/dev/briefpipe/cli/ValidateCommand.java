package dev.briefpipe.cli;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.export.report.HtmlReportWriter;
import dev.briefpipe.export.report.JsonReportWriter;
import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.export.report.WorkbookAnnotator;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.io.AtomicFiles;
import dev.briefpipe.io.WorkbookFiles;
import dev.briefpipe.model.ValidationReport;
import dev.briefpipe.run.BriefPipeline;
import dev.briefpipe.run.Checked;
import dev.briefpipe.run.FontsFromConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code validate}: checks a workbook against its brief's schema and reports every finding. */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false)
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    BriefOptions options;

    @Option(names = "--period", paramLabel = "YYYY-MM")
    String period;

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text")
    Format format;

    @Option(names = "--report", paramLabel = "FILE")
    Path report;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0")
    int maxErrors;

    @Option(names = "--annotate", paramLabel = "FILE")
    Path annotate;

    /** The annotated copy keeps the workbook's format: its file must carry the workbook's extension. */
    static void sameFormat(Path copy, Path workbook) {
        String ext = WorkbookFiles.extension(workbook);
        if (!copy.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + ext)) {
            throw new UsageException("cli.annotate-extension", copy, ext);
        }
    }

    enum Format {
        text,
        json,
        html
    }

    @Override
    public Integer call() throws Exception {
        UsageErrors.atLeast("--max-errors", maxErrors, 0);
        Settings settings = options.load();
        CliContext ctx = main.context(settings);
        BriefConfig brief = options.brief(settings);
        java.nio.file.Path workbook = options.workbook(settings, brief);
        if (annotate != null) {
            sameFormat(annotate, workbook);
        }
        Checked checked = new BriefPipeline(settings, main.progress(ctx), new FontsFromConfig(settings))
                .check(brief, workbook, BriefOptions.periodOr(period, brief));
        ValidationReport r = checked.report();
        StringWriter sw = new StringWriter();
        if (format == Format.json) {
            new JsonReportWriter(ctx.messages(), maxErrors).write(r, sw);
            sw.write(System.lineSeparator());
        } else if (format == Format.html) {
            sw.write(new HtmlReportWriter(ctx.messages()).write(r));
        } else {
            new TextReportWriter(ctx.messages(), ctx.colour() && report == null, maxErrors)
                    .write(r, new PrintWriter(sw));
        }
        if (report != null) {
            AtomicFiles.write(report, sw.toString().getBytes(StandardCharsets.UTF_8));
            ctx.out()
                    .println(
                            r.valid()
                                    ? ctx.msg(
                                            "report.valid",
                                            r.workbook().getFileName(),
                                            r.stats().rows(),
                                            r.warningCount())
                                    : ctx.msg(
                                            "report.invalid",
                                            r.workbook().getFileName(),
                                            r.errorCount(),
                                            r.warningCount()));
            ctx.out().println(ctx.msg("cli.report-written", report));
        } else {
            ctx.out().print(sw);
        }
        if (annotate != null) {
            // A copy: the analyst's workbook is only ever read.
            byte[] annotated =
                    new WorkbookAnnotator(ctx.messages()).annotate(java.nio.file.Files.readAllBytes(r.workbook()), r);
            AtomicFiles.write(annotate.toAbsolutePath(), annotated);
            ctx.out().println(ctx.msg("cli.annotated-written", annotate));
        }
        ctx.out().flush();
        return r.valid() ? ExitCode.OK.code() : ExitCode.INVALID_DATA.code();
    }
}
