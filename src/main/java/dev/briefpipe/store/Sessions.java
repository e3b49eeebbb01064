package dev.briefpipe.store;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Console sessions, kept in the database so any node of a cluster can serve any request. The browser
 * holds a random token; the table holds only its SHA-256, the user, the session's CSRF token and when it
 * ends.
 */
public final class Sessions {
    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Jdbc jdbc;

    public Sessions(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** A live session: whose, in what role, and the token every form it posts must carry. */
    public record Session(String user, Role role, String csrf) {}

    /** Opens a session; returns the token for the cookie. Ended sessions are swept on the way. */
    public String open(String user, Instant now) {
        String token = random();
        update("DELETE FROM bp_sessions WHERE expires < ?", now);
        update(
                "INSERT INTO bp_sessions (token_sha256, name, csrf, expires) VALUES (?,?,?,?)",
                sha256(token),
                user,
                random(),
                now.plus(LIFETIME));
        return token;
    }

    public Optional<Session> find(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String sql = "SELECT s.name, u.role, s.csrf FROM bp_sessions s JOIN bp_users u ON u.name = s.name"
                + " WHERE s.token_sha256 = ? AND s.expires > ?";
        return jdbc.first(
                Phrase.of("store.sessions-read"),
                sql,
                rs -> new Session(rs.getString(1), Role.of(rs.getString(2)), rs.getString(3)),
                sha256(token),
                now);
    }

    public void close(String token) {
        if (token != null) {
            update("DELETE FROM bp_sessions WHERE token_sha256 = ?", sha256(token));
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... args) {
        jdbc.update(Phrase.of("store.sessions-write"), sql, args);
    }
}
