package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.io.Templates;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Role;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.schedule.BriefScheduler;
import dev.briefpipe.store.RunHistory;
import dev.briefpipe.store.Sessions;
import dev.briefpipe.store.Users;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The console's pages and forms. Every form posts, then comes back to its page with a notice. */
final class Pages {
    /** The notices that say an action did not happen. */
    private static final java.util.Set<String> TROUBLE = java.util.Set.of(
            "upload-missing",
            "build-invalid",
            "resend-failed",
            "approved-unsent",
            "approved-unsent-told",
            "approved-unsent-tell",
            "approved-had",
            "corrected-unsent",
            "expired",
            "user-name",
            "user-short",
            "user-exists",
            "user-unknown",
            "user-self",
            "password-wrong",
            "password-locked",
            "password-differ");

    private final Settings settings;
    private final BriefService service;
    private final Views views;
    private final Uploads uploads;
    private final BriefScheduler scheduler;
    private final Auth auth;

    Pages(Settings settings, BriefService service, Views views, BriefScheduler scheduler, Auth auth) {
        this.settings = settings;
        this.service = service;
        this.views = views;
        this.uploads = new Uploads(settings, service);
        this.scheduler = scheduler;
        this.auth = auth;
    }

    void loginForm(Context ctx) {
        String next = Auth.afterLogin(ctx.queryParam("next"));
        render(ctx, "login", page(ctx, null), Map.of("token", auth.loginToken(ctx), "error", "", "next", next));
    }

    void login(Context ctx) {
        String name = String.valueOf(ctx.formParam("user"));
        Users.Login r = auth.login(ctx, name, String.valueOf(ctx.formParam("password")));
        String next = Auth.afterLogin(ctx.formParam("next"));
        if (r == Users.Login.OK) {
            ctx.redirect(ctx.contextPath() + next);
            return;
        }
        Page page = page(ctx, null);
        ctx.status(r == Users.Login.LOCKED ? 429 : 401);
        render(
                ctx,
                "login",
                page,
                Map.of(
                        "token",
                        auth.loginToken(ctx),
                        "error",
                        page.t("login-" + r.name().toLowerCase(java.util.Locale.ROOT), Users.LOCK.toMinutes()),
                        "next",
                        next));
    }

    void logout(Context ctx) {
        auth.logout(ctx);
        ctx.redirect(ctx.contextPath() + "/login");
    }

    void overview(Context ctx) {
        Page page = page(ctx, Auth.who(ctx));
        // The config is read at start: an operator who edited it is told that it waits for a restart.
        java.util.List<java.nio.file.Path> edited =
                page.may(Role.OPERATOR) ? settings.files().changed() : java.util.List.of();
        if (!edited.isEmpty() && page.notice().isEmpty()) {
            page = page.withNotice(
                    page.t(
                            "config-changed",
                            edited.stream()
                                    .map(f -> settings.configDir().relativize(f).toString())
                                    .collect(java.util.stream.Collectors.joining(", "))),
                    true);
        }
        render(ctx, "overview", page, Map.of("rows", views.rows(page.words())));
    }

    void brief(Context ctx) {
        BriefConfig b = briefOf(ctx);
        Page page = page(ctx, Auth.who(ctx));
        Views.BriefView view = views.view(b, period(ctx, b), page.words(), null);
        render(ctx, "brief", titled(page, view), Map.of("view", view, "views", views, "kind", kind(b)));
    }

    /** The working workbook's kind (.xlsx or .xls): an upload must be of it. */
    private String kind(BriefConfig b) {
        return Uploads.extension(settings.workbookOf(b).getFileName().toString());
    }

    void upload(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.ANALYST);
        BriefConfig b = briefOf(ctx);
        UploadedFile f = ctx.uploadedFile("workbook");
        Page page = page(ctx, s);
        if (f == null) {
            redirect(ctx, b, "upload-missing");
            return;
        }
        boolean first = !java.nio.file.Files.exists(settings.workbookOf(b));
        Period period = period(ctx, b); // the page's: a correction's workbook is checked against its own period
        Uploads.Outcome o = uploads.accept(
                b, period, f.filename(), f.size(), f.content(), "on".equals(ctx.formParam("force")), s.user());
        String notice = o.wrongType()
                ? Uploads.extension(f.filename()).matches("\\.(csv|tsv|txt)")
                        ? page.t("notice.upload-csv", f.filename(), kind(b)) // a sheet saved as text: how to save it
                        : page.t("notice.upload-type", settings.workbookOf(b).getFileName())
                : o.tooLarge()
                        ? page.t(
                                "notice.upload-large", settings.app().workbook().maxMegabytes())
                        : o.busy() != null
                                ? page.t(
                                        "notice.upload-busy-" + o.busy().reason(),
                                        settings.workbookOf(b).getFileName(),
                                        o.busy().lockFile() == null
                                                ? ""
                                                : o.busy().lockFile().getFileName())
                                : o.replaced()
                                        ? page.t(first ? "notice.upload-first" : "notice.upload-replaced")
                                        : page.t("notice.upload-kept");
        if (o.checked() != null && !o.replaced()) {
            ctx.status(o.busy() != null ? 409 : 422);
        }
        Views.BriefView view = views.view(b, period, page.words(), o.checked());
        Map<String, Object> model = new java.util.HashMap<>(Map.of("view", view, "views", views, "kind", kind(b)));
        if (o.kept() != null) {
            model.put("upload", o.kept());
        }
        render(ctx, "brief", titled(page, view).withNotice(notice, !o.replaced()), model);
    }

    /** A brief's page is named by the brief and the period shown. */
    private static Page titled(Page page, Views.BriefView view) {
        return page.titled(view.row().title() + " " + view.row().period());
    }

    Uploads uploads() {
        return uploads;
    }

    void build(Context ctx) throws IOException {
        Sessions.Session s = Auth.need(ctx, Role.OPERATOR);
        BriefConfig b = briefOf(ctx);
        redirect(ctx, b, buildNow(s.user(), b, period(ctx, b)));
    }

    /**
     * Builds a period for a user of the console, audited with how it ended, and asks the approvers when
     * the PDF needs them; returns the notice: built, built-asked, or build-invalid (nothing built).
     */
    String buildNow(String user, BriefConfig b, Period p) throws IOException {
        RunStatus ended = RunStatus.FAILED;
        try {
            var built = service.build(b, settings.workbookOf(b), p, settings.outputDir(), null);
            ended = RunStatus.OK;
            return service.approving().ask(b, p, built)
                    ? "built-asked"
                    : built.summaryHeld() != null ? "built-held" : "built";
        } catch (dev.briefpipe.failure.DataInvalidException e) {
            ended = RunStatus.INVALID_DATA;
            return "build-invalid";
        } finally {
            service.audit().record(user, "build", b.id(), p, null, ended.id());
        }
    }

    void pause(Context ctx, boolean pause) {
        Sessions.Session s = Auth.need(ctx, Role.OPERATOR);
        BriefConfig b = briefOf(ctx);
        scheduler.pause(b.id(), pause);
        service.audit().record(s.user(), pause ? "pause" : "resume", b.id(), null, null, null);
        redirect(ctx, b, pause ? "paused" : "resumed");
    }

    void runs(Context ctx) {
        Page page = page(ctx, Auth.who(ctx));
        var runs = service.runs().shown(null, 200);
        Path log = settings.resolve(settings.app().state()).resolve("logs/briefpipe.log");
        render(
                ctx,
                "runs",
                page,
                Map.of(
                        "runs",
                        runs,
                        "audit",
                        service.audit().list(100),
                        "logs",
                        RunLogs.of(log, runs.stream().map(RunHistory.Shown::run).toList()),
                        "views",
                        views));
    }

    BriefConfig briefOf(Context ctx) {
        return settings.findBrief(ctx.pathParam("id")).orElseThrow(NotFoundResponse::new);
    }

    Period period(Context ctx, BriefConfig b) {
        String p = ctx.queryParam("period");
        if (p == null) {
            p = ctx.formParam("period");
        }
        try {
            return p == null || p.isBlank() ? views.period(b) : Period.parse(p);
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse();
        }
    }

    static void redirect(Context ctx, BriefConfig b, String notice) {
        String p = ctx.formParam("period");
        ctx.redirect(ctx.contextPath() + "/briefs/" + b.id() + "?notice=" + notice
                + (p == null || p.isBlank() ? "" : "&period=" + p));
    }

    /** The reader's language: {@code ?lang=}, then the cookie it set, then the browser's. */
    static Messages words(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang != null && (lang.equals("ko") || lang.equals("en"))) {
            ctx.cookie(Auth.cookie(ctx, "bp_lang", lang, 365 * 24 * 3600));
        } else {
            lang = ctx.cookie("bp_lang");
        }
        if (lang == null) {
            String accept = String.valueOf(ctx.header("Accept-Language"));
            lang = accept.startsWith("en") ? "en" : "ko";
        }
        return Messages.of(lang.equals("en") ? Messages.Lang.EN : Messages.Lang.KO);
    }

    static Page page(Context ctx, Sessions.Session s) {
        Messages words = words(ctx);
        String key = ctx.queryParam("notice");
        String notice = key != null && key.matches("[a-z-]{1,40}") && words.has("console.notice." + key)
                ? words.get("console.notice." + key)
                : "";
        String here = Auth.kept(ctx.queryString(), "lang");
        return new Page(
                null,
                s == null ? null : s.user(),
                s == null ? null : s.role(),
                s == null ? "" : s.csrf() == null ? "" : s.csrf(),
                words,
                notice,
                key != null && TROUBLE.contains(key),
                here.isEmpty() ? "" : here + "&",
                ctx.contextPath());
    }

    /** Renders a template in the layout; a page without a name of its own takes its heading's. */
    static void render(Context ctx, String template, Page page, Map<String, Object> more) {
        Map<String, Object> params = new java.util.HashMap<>(more);
        String heading = "console." + template + ".title";
        params.put(
                "page",
                page.title() == null && page.words().has(heading)
                        ? page.titled(page.words().get(heading))
                        : page);
        ctx.contentType("text/html; charset=UTF-8")
                .result(Templates.render(template, params).getBytes(StandardCharsets.UTF_8));
    }
}
