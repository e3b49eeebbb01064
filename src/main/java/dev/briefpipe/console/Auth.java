package dev.briefpipe.console;

import dev.briefpipe.model.Role;
import dev.briefpipe.store.AuditLog;
import dev.briefpipe.store.Sessions;
import dev.briefpipe.store.Users;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.BasicAuthCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is asking, and may they. Pages use a session cookie ({@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} behind TLS) and a CSRF token in every form; the JSON API also takes HTTP Basic with the
 * same users, for scripts. A wrong password counts toward the user's lock ({@link Users}).
 */
final class Auth {
    static final String COOKIE = "bp_session";
    static final String LOGIN_COOKIE = "bp_login";
    static final String CSRF_FIELD = "_csrf";
    private static final String WHO = "bp.session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Users users;
    private final Sessions sessions;
    private final AuditLog audit;

    Auth(Users users, Sessions sessions, AuditLog audit) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
    }

    /**
     * The request's path below the console's root ({@link Page#root}): {@code /briefs/x} whether the
     * console is served at a host's root or under {@code /briefpipe}.
     */
    static String route(Context ctx) {
        return below(ctx.contextPath(), ctx.path());
    }

    private static String below(String root, String path) {
        return path != null && path.startsWith(root) ? path.substring(root.length()) : path;
    }

    /** The page a form was posted from (see {@link #back}), below the console's root, or null. */
    private static String referrer(Context ctx) {
        try {
            java.net.URI from = java.net.URI.create(String.valueOf(ctx.header("Referer")));
            return back(below(ctx.contextPath(), from.getRawPath()), from.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A page's raw query without the earlier action's notice (which would tell of something not done
     * again) and the named parameters; "" when nothing is left.
     */
    static String kept(String rawQuery, String... drop) {
        if (rawQuery == null) {
            return "";
        }
        java.util.Set<String> gone = new java.util.HashSet<>(java.util.Set.of(drop));
        gone.add("notice");
        return java.util.Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.isEmpty() && !gone.contains(p.split("=", 2)[0]))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    /** A page to come back to: its path, and its query without an earlier action's notice. */
    static String back(String path, String rawQuery) {
        String query = kept(rawQuery);
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** Where a login leads: the console's own page it was asked for, never another site; else the overview. */
    static String afterLogin(String next) {
        boolean ours = next != null
                && next.startsWith("/")
                && !next.startsWith("//")
                && !next.startsWith("/\\")
                && !next.startsWith("/login")
                && !next.startsWith("/logout")
                && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        return ours ? next : "/";
    }

    /** Before every request but the open ones: a session (or, under /api/, Basic), and a CSRF token on posts. */
    void check(Context ctx) {
        String path = route(ctx);
        if (path.equals("/healthz")
                || path.equals("/login")
                || path.equals("/console.css")
                || path.equals("/favicon.ico")) {
            return;
        }
        Optional<Sessions.Session> s = sessions.find(ctx.cookie(COOKIE), Instant.now());
        if (s.isEmpty() && path.startsWith("/api/") && ctx.header("Authorization") != null) {
            BasicAuthCredentials basic = ctx.basicAuthCredentials();
            if (basic != null
                    && users.login(basic.getUsername(), basic.getPassword().toCharArray(), Instant.now())
                            == Users.Login.OK) {
                Role role = users.find(basic.getUsername()).orElseThrow().role();
                ctx.attribute(WHO, new Sessions.Session(basic.getUsername(), role, null));
                return; // no cookie, so no cross-site request can ride on it: no CSRF token needed
            }
            ctx.header("WWW-Authenticate", "Basic realm=\"briefpipe\""); // asked again, as without any
            throw new UnauthorizedResponse();
        }
        if (s.isEmpty()) {
            if (path.startsWith("/api/")) {
                ctx.header("WWW-Authenticate", "Basic realm=\"briefpipe\"");
                throw new UnauthorizedResponse();
            }
            // A page asked for (a link in a letter, say) is where the login leads back to. A form posted
            // once the login had ended was not done: the login page says so, then leads back to the form's page.
            boolean posted = ctx.method().equals(HandlerType.POST) && !path.equals("/logout");
            String back = afterLogin(posted ? referrer(ctx) : back(path, ctx.queryString()));
            java.util.List<String> asks = new java.util.ArrayList<>();
            if (posted) {
                asks.add("notice=expired");
            }
            if (!back.equals("/")) {
                asks.add("next=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8));
            }
            ctx.redirect(ctx.contextPath() + "/login" + (asks.isEmpty() ? "" : "?" + String.join("&", asks)));
            ctx.skipRemainingHandlers();
            return;
        }
        if (ctx.method().equals(HandlerType.POST)) {
            String sent = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam(CSRF_FIELD));
            if (!same(sent, s.get().csrf())) {
                throw new ForbiddenResponse("CSRF");
            }
        }
        ctx.attribute(WHO, s.get());
    }

    /** The session of this request (set by {@link #check}). */
    static Sessions.Session who(Context ctx) {
        Sessions.Session s = ctx.attribute(WHO);
        if (s == null) {
            throw new UnauthorizedResponse();
        }
        return s;
    }

    /** Refuses the request unless its user has the role (an admin has every role). */
    static Sessions.Session need(Context ctx, Role... roles) {
        Sessions.Session s = who(ctx);
        for (Role r : roles) {
            if (s.role().may(r)) {
                return s;
            }
        }
        throw new ForbiddenResponse();
    }

    /** The login form's token: a cookie and a hidden field that must match. */
    String loginToken(Context ctx) {
        // The same token for every login page of one browser: a second tab, or the browser's own
        // request for /favicon.ico, must not void the form already shown.
        String had = ctx.cookie(LOGIN_COOKIE);
        if (had != null && had.matches("[A-Za-z0-9_-]{32}")) {
            return had;
        }
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ctx.cookie(cookie(ctx, LOGIN_COOKIE, token, 600));
        return token;
    }

    /** Checks a login form; on success opens a session and sets its cookie. */
    Users.Login login(Context ctx, String name, String password) {
        if (!same(ctx.formParam(CSRF_FIELD), ctx.cookie(LOGIN_COOKIE))) {
            throw new ForbiddenResponse("CSRF");
        }
        Users.Login result = users.login(name, password.toCharArray(), Instant.now());
        audit.record(name, "login-" + result.name().toLowerCase(java.util.Locale.ROOT), null, null, from(ctx), null);
        if (result == Users.Login.OK) {
            ctx.cookie(cookie(ctx, COOKIE, sessions.open(name, Instant.now()), -1));
            ctx.removeCookie(LOGIN_COOKIE, cookiePath(ctx));
        }
        return result;
    }

    /**
     * The address a login came from: behind a proxy on this machine (the peer a loopback address), the
     * last one its {@code X-Forwarded-For} names, which the proxy added; else the peer's own. Only the
     * audit log shows it: no decision rests on it.
     */
    static String from(Context ctx) {
        String peer = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        boolean local = peer.startsWith("127.") || peer.equals("::1") || peer.equals("0:0:0:0:0:0:0:1");
        if (!local || forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.matches("[0-9A-Fa-f.:\\[\\]]{2,45}") ? last : peer;
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.removeCookie(COOKIE, cookiePath(ctx));
    }

    static Cookie cookie(Context ctx, String name, String value, int maxAge) {
        boolean tls = "https".equals(ctx.scheme()) || "https".equals(ctx.header("X-Forwarded-Proto"));
        return new Cookie(name, value, cookiePath(ctx), maxAge, tls, true, null, SameSite.LAX);
    }

    /** The console's root, so a console under /briefpipe sends its cookies to no other site of its host. */
    private static String cookiePath(Context ctx) {
        return ctx.contextPath().isEmpty() ? "/" : ctx.contextPath();
    }

    private static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
