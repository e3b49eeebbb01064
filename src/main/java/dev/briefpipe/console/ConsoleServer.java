package dev.briefpipe.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.DeliveryState;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.failure.FileProblems;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.schedule.BriefScheduler;
import dev.briefpipe.store.Sessions;
import dev.briefpipe.store.Users;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code briefpipe serve}: the console and its JSON API on an embedded Jetty (through Javalin), bound
 * to one address and port. Pages are compiled JTE templates with no JavaScript; all state lives in the
 * database, so every node of a cluster can serve.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    private final Javalin app;
    private final String root;

    public ConsoleServer(Settings settings, BriefService service, BriefScheduler scheduler) {
        Users users = new Users(service.database().dataSource());
        Auth auth = new Auth(users, new Sessions(service.database().dataSource()), service.audit());
        Views views = new Views(settings, service, scheduler);
        Pages pages = new Pages(settings, service, views, scheduler, auth);
        SendForms sending = new SendForms(settings, service, pages);
        Api api = new Api(settings, service, views, pages);
        Downloads downloads = new Downloads(settings, views, pages);
        UserForms people = new UserForms(users, service);
        long maxUpload = settings.app().workbook().maxMegabytes();
        this.root = settings.app().consolePath();
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper(), false));
            config.jetty.multipartConfig.maxFileSize(maxUpload, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUpload + 1, SizeUnit.MB);
            config.jetty.modifyServer(server -> server.setStopTimeout(5_000));
            config.startup.showJavalinBanner = false;
            if (!root.isEmpty()) {
                config.router.contextPath = root; // the proxy passes it on as it is
            }
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header(
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'none'; frame-ancestors 'self'; form-action 'self'");
                auth.check(ctx);
            });
            config.routes.get("/healthz", ctx -> ctx.result("ok"));
            config.routes.get("/console.css", ctx -> ctx.contentType("text/css").result(css()));
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            config.routes.get("/login", pages::loginForm);
            config.routes.post("/login", pages::login);
            config.routes.post("/logout", pages::logout);
            config.routes.get("/", pages::overview);
            config.routes.get("/runs", pages::runs);
            config.routes.get("/users", people::page);
            config.routes.post("/users", people::add);
            config.routes.post("/users/password", people::passwd);
            config.routes.post("/users/remove", people::remove);
            config.routes.post("/users/role", people::role);
            config.routes.get("/account", people::account);
            config.routes.post("/account", people::own);
            config.routes.get("/briefs/{id}", pages::brief);
            config.routes.post("/briefs/{id}/workbook", pages::upload);
            config.routes.get("/briefs/{id}/workbook", downloads::working);
            config.routes.get("/briefs/{id}/template.xlsx", downloads::template);
            config.routes.get("/briefs/{id}/report.html", downloads::report);
            config.routes.get("/briefs/{id}/annotated.xlsx", downloads::annotated);
            config.routes.get("/briefs/{id}/brief.pdf", downloads::pdf);
            config.routes.get("/briefs/{id}/pages/{n}", downloads::page);
            config.routes.post("/briefs/{id}/build", pages::build);
            config.routes.post("/briefs/{id}/pause", ctx -> pages.pause(ctx, true));
            config.routes.post("/briefs/{id}/resume", ctx -> pages.pause(ctx, false));
            config.routes.post("/briefs/{id}/approve", sending::approve);
            config.routes.post("/briefs/{id}/reject", sending::reject);
            config.routes.post("/briefs/{id}/test-send", sending::testSend);
            config.routes.post("/briefs/{id}/correct", sending::correct);
            config.routes.post("/briefs/{id}/mark-delivered", ctx -> sending.settle(ctx, false));
            config.routes.post("/briefs/{id}/resend", ctx -> sending.settle(ctx, true));
            config.routes.get("/api/briefs", api::briefs);
            config.routes.get("/api/briefs/{id}", api::brief);
            config.routes.get("/api/briefs/{id}/validation", api::validation);
            config.routes.post("/api/briefs/{id}/workbook", api::upload);
            config.routes.post("/api/briefs/{id}/runs", api::build);
            config.routes.post("/api/runs/{id}/approve", api::approve);
            config.routes.get("/api/runs", api::runs);
            config.routes.get("/api/deliveries", api::deliveries);
            config.routes.exception(
                    ForbiddenResponse.class,
                    (e, ctx) -> refused(
                            ctx, 403, "CSRF".equals(e.getMessage()) ? "console.refused-csrf" : "console.refused-role"));
            config.routes.exception(NotFoundResponse.class, (e, ctx) -> refused(ctx, 404, "console.not-found"));
            config.routes.exception(Failure.class, (e, ctx) -> {
                // A sentence in the reader's language, never a stack trace.
                String text = Pages.words(ctx).get(e.explain());
                log.warn("{} {}: {}", ctx.method(), ctx.path(), e.toString());
                ctx.status(409);
                if (Auth.route(ctx).startsWith("/api/")) {
                    ctx.json(Map.of("error", text));
                } else {
                    Pages.render(ctx, "message", Pages.page(ctx, ctx.attribute("bp.session")), Map.of("text", text));
                }
            });
            // Anything else: the whole story in the log, a sentence for the reader (Javalin's own
            // responses, a 401 or a 400, keep their handling).
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{} {}: {}", ctx.method(), ctx.path(), e.toString(), e);
                boolean full = FileProblems.full(e); // the operator's to fix: the reader is told so
                refused(ctx, full ? 507 : 500, full ? "console.disk-full" : "console.unexpected");
            });
        });
    }

    /** A refusal told in the reader's language: a page, or under /api/ a JSON error. */
    private static void refused(Context ctx, int status, String key) {
        String text = Pages.words(ctx).get(key);
        ctx.status(status);
        if (Auth.route(ctx).startsWith("/api/")) {
            ctx.json(Map.of("error", text));
        } else {
            Pages.render(ctx, "message", Pages.page(ctx, ctx.attribute("bp.session")), Map.of("text", text));
        }
    }

    /**
     * Starts listening on {@code host:port}; returns the port (the one asked for, or the one given for 0).
     * A port another program holds, or an address that is not this machine's, is a {@link UsageException}
     * naming it (Javalin calls both "port already in use").
     */
    public int start(String host, int port) {
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            throw refusal(e, host, port);
        }
        log.info("console on http://{}:{}{}/", host, app.port(), root);
        return app.port();
    }

    /**
     * Refuses {@code host:port} before {@code serve} opens anything (the database, the first admin, the
     * triggers) if it cannot be listened on now, as {@link #start} would; a program that takes it in
     * between is still told by {@code start}.
     */
    public static void checkFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw refusal(e, host, port);
        }
    }

    private static UsageException refusal(Exception e, String host, int port) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        boolean taken = root instanceof BindException
                && String.valueOf(root.getMessage()).contains("in use");
        return new UsageException(taken ? "serve.port-in-use" : "serve.bad-bind", host, String.valueOf(port));
    }

    @Override
    public void close() {
        app.stop();
    }

    private static ObjectMapper mapper() {
        SimpleModule ours = new SimpleModule();
        for (Class<?> c : new Class<?>[] {Period.class, RunStatus.class, RunTrigger.class, DeliveryState.class}) {
            ours.addSerializer(c, ToStringSerializer.instance);
        }
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(ours)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static byte[] css() throws IOException {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("console.css")) {
            return in.readAllBytes();
        }
    }
}
