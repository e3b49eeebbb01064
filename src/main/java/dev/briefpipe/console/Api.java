package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.export.report.JsonReportWriter;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Role;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.store.RunHistory;
import dev.briefpipe.store.Sessions;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API under /api/: what the pages show, for scripts (HTTP Basic or a session with its CSRF header). */
final class Api {
    private final Settings settings;
    private final BriefService service;
    private final Views views;
    private final Pages pages;

    Api(Settings settings, BriefService service, Views views, Pages pages) {
        this.settings = settings;
        this.service = service;
        this.views = views;
        this.pages = pages;
    }

    void briefs(Context ctx) {
        ctx.json(views.rows(Pages.words(ctx)));
    }

    void brief(Context ctx) {
        BriefConfig b = pages.briefOf(ctx);
        Views.BriefView v = views.view(b, pages.period(ctx, b), Pages.words(ctx), null);
        if (!v.damaged().isEmpty()) { // a page shows it beside the rest; a script is refused, as for any failure
            ctx.status(409).json(Map.of("error", String.join(" ", v.damaged())));
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("brief", v.row());
        out.put("pdfSha256", v.pdfSha());
        out.put("pdfOutdated", v.outdated()); // the working workbook changed after the PDF was built
        out.put("pdfSuperseded", v.superseded()); // its readers got another PDF: this one goes only as a correction
        out.put("pages", v.pages());
        out.put("figures", v.figures());
        out.put("approvalRequired", v.approvalRequired());
        out.put(
                "approval",
                service.approvals().latest(b.id(), pages.period(ctx, b)).orElse(null));
        ctx.json(out);
    }

    /** The same JSON as {@code validate --format json}. */
    void validation(Context ctx) {
        BriefConfig b = pages.briefOf(ctx);
        VersionCheck c = views.check(b, pages.period(ctx, b));
        if (c.report() == null) {
            ctx.status(c.unreadable() == null ? 404 : 422);
            ctx.json(Map.of(
                    "error",
                    c.unreadable() == null
                            ? Pages.words(ctx).get("console.no-workbook-yet")
                            : told(ctx, c.unreadable())));
            return;
        }
        ctx.contentType("application/json")
                .result(new JsonReportWriter(Pages.words(ctx), Integer.MAX_VALUE)
                        .toJson(c.report())
                        .toString());
    }

    void upload(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.ANALYST);
        BriefConfig b = pages.briefOf(ctx);
        UploadedFile f = ctx.uploadedFile("workbook");
        if (f == null) {
            refuse(ctx, "console.api.no-file");
            return;
        }
        Uploads.Outcome o = new Uploads(settings, service)
                .accept(
                        b,
                        pages.period(ctx, b),
                        f.filename(),
                        f.size(),
                        f.content(),
                        "true".equals(ctx.queryParam("force")),
                        s.user());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("replaced", o.replaced());
        out.put("tooLarge", o.tooLarge());
        out.put("wrongType", o.wrongType());
        if (o.checked() != null) {
            out.put("sha256", o.checked().sha());
            out.put(
                    "validation",
                    o.checked().report() == null
                            ? Map.of("unreadable", told(ctx, o.checked().unreadable()))
                            : new JsonReportWriter(Pages.words(ctx), Integer.MAX_VALUE)
                                    .toJson(o.checked().report()));
        }
        if (o.busy() != null) { // valid, but the working workbook could not be replaced now
            out.put("error", told(ctx, o.busy()));
        }
        ctx.status(o.replaced() ? 200 : o.busy() != null ? 409 : 422).json(out);
    }

    /** Why a workbook cannot be read, in the caller's language, as the page tells it. */
    private static String told(Context ctx, dev.briefpipe.failure.Failure f) {
        return Pages.words(ctx).get(f.explain());
    }

    /** Build now. */
    void build(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.OPERATOR);
        BriefConfig b = pages.briefOf(ctx);
        Period p = pages.period(ctx, b);
        if (pages.buildNow(s.user(), b, p).equals("build-invalid")) {
            ctx.status(422);
        }
        ctx.json(service.runs().list(b.id(), 1).get(0).toldIn(Pages.words(ctx)));
    }

    /** Approves the PDF a run published (the one published now for its period) and sends it. */
    void approve(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.APPROVER);
        long id = Long.parseLong(ctx.pathParam("id"));
        RunHistory.Run run = service.runs().find(id).orElseThrow(NotFoundResponse::new);
        BriefConfig b = settings.findBrief(run.brief()).orElseThrow(NotFoundResponse::new);
        String sha = ctx.queryParam("sha256") != null
                ? ctx.queryParam("sha256")
                : service.approving().publishedPdf(b, run.period()).orElseThrow(NotFoundResponse::new);
        ctx.json(service.approving().approve(b, run.period(), sha, s.user()).sent());
    }

    void runs(Context ctx) {
        Messages words = Pages.words(ctx);
        ctx.json(service.runs().list(ctx.queryParam("brief"), 200).stream()
                .map(r -> r.toldIn(words))
                .toList());
    }

    void deliveries(Context ctx) {
        String brief = ctx.queryParam("brief");
        String period = ctx.queryParam("period");
        if (brief == null || period == null) {
            refuse(ctx, "console.api.no-period");
            return;
        }
        BriefConfig b = settings.findBrief(brief).orElseThrow(NotFoundResponse::new);
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            refuse(ctx, "cli.bad-period", period);
            return;
        }
        ctx.json(service.ledger().list(b.id(), p));
    }

    /** A request the API cannot take, told as its other refusals are: {@code {"error": sentence}}. */
    private static void refuse(Context ctx, String key, Object... args) {
        ctx.status(400).json(Map.of("error", Pages.words(ctx).get(key, args)));
    }
}
