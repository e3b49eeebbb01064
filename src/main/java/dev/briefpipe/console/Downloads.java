package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.export.report.HtmlReportWriter;
import dev.briefpipe.export.report.WorkbookAnnotator;
import dev.briefpipe.export.template.TemplateWriter;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.io.WorkbookFiles;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Role;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the console hands out: the working workbook, its empty template, the validation report, the
 * annotated copy, the published PDF and its pages. Each is found by brief and period, never by a path from the request.
 */
final class Downloads {
    private final Settings settings;
    private final Views views;
    private final Pages pages;

    Downloads(Settings settings, Views views, Pages pages) {
        this.settings = settings;
        this.views = views;
        this.pages = pages;
    }

    /** The brief's empty template, as {@code init} writes it: what an analyst starting a brief fills in. */
    void template(Context ctx) throws IOException {
        Auth.need(ctx, Role.ANALYST, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"" + b.id() + "-template.xlsx\"")
                .contentType(WorkbookFiles.contentType("xlsx"))
                .result(new TemplateWriter(Messages.forLocale(b.locale())).write(b));
    }

    /**
     * The working workbook, its very bytes, under its own name: what an analyst edits for the next
     * version, as the in-place refresh and the last upload left it.
     */
    void working(Context ctx) throws IOException {
        Auth.need(ctx, Role.ANALYST, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        Path file = settings.workbookOf(b);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundResponse();
        }
        String name = file.getFileName().toString();
        String ext = WorkbookFiles.extension(file);
        ctx.header(
                        "Content-Disposition",
                        "attachment; filename=\"" + b.id() + "." + ext + "\"; filename*=UTF-8''"
                                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .contentType(WorkbookFiles.contentType(ext))
                .result(Files.readAllBytes(file));
    }

    void report(Context ctx) throws IOException {
        Auth.need(ctx, Role.ANALYST, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        VersionCheck c = checked(ctx, b);
        // The report is one self-contained page (the analysts' letter attaches it): its own inline styles
        // apply here too, and nothing else does.
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'");
        ctx.contentType("text/html; charset=UTF-8").result(new HtmlReportWriter(Pages.words(ctx)).write(c.report()));
    }

    void annotated(Context ctx) throws IOException {
        Auth.need(ctx, Role.ANALYST, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        VersionCheck c = checked(ctx, b);
        byte[] bytes =
                new WorkbookAnnotator(Pages.words(ctx)).annotate(Files.readAllBytes(workbook(ctx, b)), c.report());
        String ext = WorkbookFiles.extension(settings.workbookOf(b));
        ctx.header("Content-Disposition", "attachment; filename=\"" + b.id() + "-annotated." + ext + "\"")
                .contentType(WorkbookFiles.contentType(ext))
                .result(bytes);
    }

    /**
     * The workbook a download is of: an upload kept with its errors, named by its sha256 ({@code
     * ?upload=}), or else the working workbook.
     */
    private Path workbook(Context ctx, BriefConfig b) throws IOException {
        String upload = ctx.queryParam("upload");
        return upload == null
                ? settings.workbookOf(b)
                : pages.uploads().kept(b, upload).orElseThrow(NotFoundResponse::new);
    }

    private VersionCheck checked(Context ctx, BriefConfig b) throws IOException {
        Path kept = ctx.queryParam("upload") == null ? null : workbook(ctx, b);
        Period period = pages.period(ctx, b);
        VersionCheck c = kept == null
                ? views.check(b, period)
                : pages.uploads().check(b, period, kept, kept.getFileName().toString());
        if (c.report() == null) {
            throw new NotFoundResponse();
        }
        return c;
    }

    /** The period's published PDF, found through its manifest: never a path from the request. */
    void pdf(Context ctx) throws IOException {
        BriefConfig b = pages.briefOf(ctx);
        Period p = pages.period(ctx, b);
        ctx.header("Content-Disposition", "inline; filename=\"" + b.id() + "-" + p + ".pdf\"")
                .contentType("application/pdf")
                .result(Files.readAllBytes(publishedPdf(b, p)));
    }

    /** One page of the published PDF as a picture; the page number is checked, never a path. */
    void page(Context ctx) throws IOException {
        BriefConfig b = pages.briefOf(ctx);
        String n = ctx.pathParam("n");
        byte[] png = n.matches("[0-9]{1,4}")
                ? PdfPages.png(publishedPdf(b, pages.period(ctx, b)), Integer.parseInt(n))
                : null;
        if (png == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "private, no-cache")
                .contentType("image/png")
                .result(png);
    }

    /** The PDF the manifest of a period names, inside that period's published folder. */
    private Path publishedPdf(BriefConfig b, Period p) {
        Path dir = new Publications(settings.outputDir()).folder(b.id(), p);
        Manifest.FileEntry e = new Publications(settings.outputDir())
                .manifest(b.id(), p)
                .flatMap(m -> m.output(Manifest.Kind.PDF))
                .orElseThrow(NotFoundResponse::new);
        return dir.resolve(e.path());
    }
}
