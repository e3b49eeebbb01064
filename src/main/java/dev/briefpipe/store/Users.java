package dev.briefpipe.store;

import dev.briefpipe.failure.StoreException;
import dev.briefpipe.model.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The console's users: a name, a role and a BCrypt hash of the password (never the password). After
 * {@link #MAX_FAILURES} wrong passwords in a row a user is locked for {@link #LOCK}.
 */
public final class Users {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD = 10;
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(12);
    private final DataSource ds;

    public Users(DataSource ds) {
        this.ds = ds;
    }

    /** A user as listed. */
    public record User(String name, Role role, Instant created) {}

    /** How a login went. */
    public enum Login {
        OK,
        WRONG,
        LOCKED
    }

    /** Adds a user; false when the name is taken. */
    public boolean add(String name, Role role, char[] password) {
        if (find(name).isPresent()) {
            return false;
        }
        update(
                "INSERT INTO bp_users (name, role, hash, created) VALUES (?,?,?,?)",
                name,
                role.id(),
                hash(password),
                Timestamp.from(Instant.now()));
        return true;
    }

    /** Sets a new password and lifts a lock; false when there is no such user. */
    public boolean passwd(String name, char[] password) {
        return update(
                        "UPDATE bp_users SET hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?",
                        hash(password),
                        name)
                == 1;
    }

    public boolean remove(String name) {
        update("DELETE FROM bp_sessions WHERE name = ?", name);
        return update("DELETE FROM bp_users WHERE name = ?", name) == 1;
    }

    public List<User> list() {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT name, role, created FROM bp_users ORDER BY name");
                ResultSet rs = ps.executeQuery()) {
            List<User> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new User(
                        rs.getString(1),
                        Role.of(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the users", e);
        }
    }

    public Optional<User> find(String name) {
        return list().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /**
     * Checks a password. A wrong one counts toward the lock; a right one resets the count. A locked user
     * is refused even with the right password until the lock ends. An unknown name costs the same hash.
     */
    public Login login(String name, char[] password, Instant now) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT hash, failed_logins, locked_until FROM bp_users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    BCRYPT.matches(new String(password), DUMMY);
                    return Login.WRONG;
                }
                Timestamp locked = rs.getTimestamp(3);
                if (locked != null && locked.toInstant().isAfter(now)) {
                    return Login.LOCKED;
                }
                if (BCRYPT.matches(new String(password), rs.getString(1))) {
                    update("UPDATE bp_users SET failed_logins = 0, locked_until = NULL WHERE name = ?", name);
                    return Login.OK;
                }
                int failures = rs.getInt(2) + 1;
                Timestamp until = failures >= MAX_FAILURES ? Timestamp.from(now.plus(LOCK)) : null;
                update(
                        "UPDATE bp_users SET failed_logins = ?, locked_until = ? WHERE name = ?",
                        failures >= MAX_FAILURES ? 0 : failures,
                        until,
                        name);
                return until != null ? Login.LOCKED : Login.WRONG;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot check a login", e);
        }
    }

    private static final String DUMMY = BCRYPT.encode("not a password of anyone");

    private static String hash(char[] password) {
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("password shorter than " + MIN_PASSWORD);
        }
        return BCRYPT.encode(new String(password));
    }

    private int update(String sql, Object... args) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot update the users", e);
        }
    }
}
