package dev.briefpipe.console;

import dev.briefpipe.model.Role;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.store.Sessions;
import dev.briefpipe.store.Users;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The console's users, for an admin: who may sign in and as what, a new user, a new password or role, a
 * user removed. Their work goes on meanwhile; the command line's {@code users} needs the embedded database
 * to itself, so the console had to stop for it. And for everyone, their own password: the one an admin
 * passed on is known to two people.
 */
final class UserForms {
    private final Users users;
    private final BriefService service;

    UserForms(Users users, BriefService service) {
        this.users = users;
        this.service = service;
    }

    void page(Context ctx) {
        Sessions.Session s = Auth.need(ctx, Role.ADMIN);
        Page page = Pages.page(ctx, s);
        Pages.render(
                ctx,
                "users",
                page,
                Map.of("users", users.list(), "roles", Arrays.asList(Role.values()), "min", Users.MIN_PASSWORD));
    }

    void add(Context ctx) {
        Sessions.Session s = Auth.need(ctx, Role.ADMIN);
        String name = java.util.Objects.toString(ctx.formParam("name"), "").strip();
        Role role = chosenRole(ctx);
        char[] password = password(ctx);
        String notice;
        if (name.isEmpty() || name.length() > 64 || name.chars().anyMatch(Character::isWhitespace) || role == null) {
            notice = "user-name";
        } else if (password == null) {
            notice = "user-short";
        } else if (!users.add(name, role, password)) {
            notice = "user-exists";
        } else {
            service.audit().record(s.user(), "user-add", null, null, name, role.id());
            notice = "user-added";
        }
        back(ctx, notice);
    }

    void passwd(Context ctx) {
        Sessions.Session s = Auth.need(ctx, Role.ADMIN);
        String name = java.util.Objects.toString(ctx.formParam("name"), "");
        char[] password = password(ctx);
        boolean done = password != null && users.passwd(name, password);
        if (done) {
            service.audit().record(s.user(), "user-passwd", null, null, name, null);
        }
        back(ctx, done ? "user-passwd" : password == null ? "user-short" : "user-unknown");
    }

    void account(Context ctx) {
        Sessions.Session s = Auth.who(ctx);
        Pages.render(ctx, "account", Pages.page(ctx, s), Map.of("min", Users.MIN_PASSWORD));
    }

    /**
     * A user's own new password, given with the current one (a session left open on a shared screen
     * must not be enough; a wrong one counts toward the lock, and the lock ends the user's sessions).
     * Every session of the user ends, this one too: the login page follows.
     */
    void own(Context ctx) {
        Sessions.Session s = Auth.who(ctx);
        char[] current = String.valueOf(ctx.formParam("current")).toCharArray();
        char[] password = password(ctx);
        Users.Login checked = users.login(s.user(), current, Instant.now());
        if (checked == Users.Login.LOCKED) { // guessed at on an open session: it ends too
            users.signOut(s.user());
            ctx.redirect(ctx.contextPath() + "/login?notice=password-locked");
            return;
        }
        String notice;
        if (checked != Users.Login.OK) {
            notice = "password-wrong";
        } else if (password == null) {
            notice = "user-short";
        } else if (!Arrays.equals(
                password, String.valueOf(ctx.formParam("again")).toCharArray())) {
            notice = "password-differ";
        } else {
            users.passwd(s.user(), password);
            service.audit().record(s.user(), "user-passwd", null, null, s.user(), null);
            ctx.redirect(ctx.contextPath() + "/login?notice=password-changed");
            return;
        }
        ctx.redirect(ctx.contextPath() + "/account?notice=" + notice);
    }

    /** Another role for a user, not for oneself (the last admin could lock everyone out). */
    void role(Context ctx) {
        Sessions.Session s = Auth.need(ctx, Role.ADMIN);
        String name = java.util.Objects.toString(ctx.formParam("name"), "");
        Role role = chosenRole(ctx);
        if (name.equals(s.user())) {
            back(ctx, "user-self");
            return;
        }
        boolean done = role != null && users.role(name, role);
        if (done) {
            service.audit().record(s.user(), "user-role", null, null, name, role.id());
        }
        back(ctx, done ? "user-role" : "user-unknown");
    }

    void remove(Context ctx) {
        Sessions.Session s = Auth.need(ctx, Role.ADMIN);
        String name = java.util.Objects.toString(ctx.formParam("name"), "");
        if (name.equals(s.user())) { // the last admin could lock everyone out
            back(ctx, "user-self");
            return;
        }
        boolean done = users.remove(name);
        if (done) {
            service.audit().record(s.user(), "user-remove", null, null, name, null);
        }
        back(ctx, done ? "user-removed" : "user-unknown");
    }

    /** The role chosen, or null for none. */
    private static Role chosenRole(Context ctx) {
        return Arrays.stream(Role.values())
                .filter(r -> r.id().equals(ctx.formParam("role")))
                .findFirst()
                .orElse(null);
    }

    /** The password typed, or null when it is shorter than {@link Users#MIN_PASSWORD}. */
    private static char[] password(Context ctx) {
        String p = ctx.formParam("password");
        return p == null || p.length() < Users.MIN_PASSWORD ? null : p.toCharArray();
    }

    private static void back(Context ctx, String notice) {
        ctx.redirect(ctx.contextPath() + "/users?notice=" + notice);
    }
}
