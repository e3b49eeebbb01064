package dev.briefpipe.store;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Role;
import java.time.Duration;
import java.time.Instant;
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
    private final Jdbc jdbc;

    public Users(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** A user as listed. */
    public record User(String name, Role role, Instant created) {}

    /** How a login went. */
    public enum Login {
        OK,
        WRONG,
        LOCKED
    }

    /**
     * Adds a user; false when the name is taken, in any case: "KIM" beside "kim" would be a second
     * account that reads as the same person in the audit log.
     */
    public boolean add(String name, Role role, char[] password) {
        if (taken(name).isPresent()) {
            return false;
        }
        update(
                "INSERT INTO bp_users (name, role, hash, created) VALUES (?,?,?,?)",
                name,
                role.id(),
                hash(password),
                Instant.now());
        return true;
    }

    /**
     * Sets a new password and lifts a lock, and ends the user's sessions (a password is changed when
     * someone else may know it); false when there is no such user.
     */
    public boolean passwd(String name, char[] password) {
        signOut(name);
        return update(
                        "UPDATE bp_users SET hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?",
                        hash(password),
                        name)
                == 1;
    }

    /**
     * Gives a user another role and ends their sessions, which began under the old one; false when
     * there is no such user.
     */
    public boolean role(String name, Role role) {
        signOut(name);
        return update("UPDATE bp_users SET role = ? WHERE name = ?", role.id(), name) == 1;
    }

    public boolean remove(String name) {
        signOut(name);
        return update("DELETE FROM bp_users WHERE name = ?", name) == 1;
    }

    /** Ends every session of the user. */
    public void signOut(String name) {
        update("DELETE FROM bp_sessions WHERE name = ?", name);
    }

    public List<User> list() {
        return jdbc.list(
                Phrase.of("store.users-read"),
                "SELECT name, role, created FROM bp_users ORDER BY name",
                0,
                rs -> new User(rs.getString(1), Role.of(rs.getString(2)), Jdbc.instant(rs, 3)));
    }

    /** The name a user already has that is this one in any case ("kim" for "KIM"). */
    public Optional<String> taken(String name) {
        return list().stream().map(User::name).filter(name::equalsIgnoreCase).findFirst();
    }

    public Optional<User> find(String name) {
        return list().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /**
     * Checks a password. A wrong one counts toward the lock; a right one resets the count. A locked user
     * is refused even with the right password until the lock ends. An unknown name costs the same hash.
     */
    public Login login(String name, char[] password, Instant now) {
        record Account(String hash, int failures, Instant locked) {}
        Optional<Account> account = jdbc.first(
                Phrase.of("store.login-check"),
                "SELECT hash, failed_logins, locked_until FROM bp_users WHERE name = ?",
                rs -> new Account(rs.getString(1), rs.getInt(2), Jdbc.instant(rs, 3)),
                name);
        if (account.isEmpty()) {
            BCRYPT.matches(new String(password), DUMMY);
            return Login.WRONG;
        }
        Account a = account.get();
        if (a.locked() != null && a.locked().isAfter(now)) {
            return Login.LOCKED;
        }
        if (BCRYPT.matches(new String(password), a.hash())) {
            update("UPDATE bp_users SET failed_logins = 0, locked_until = NULL WHERE name = ?", name);
            return Login.OK;
        }
        int failures = a.failures() + 1;
        Instant until = failures >= MAX_FAILURES ? now.plus(LOCK) : null;
        update(
                "UPDATE bp_users SET failed_logins = ?, locked_until = ? WHERE name = ?",
                failures >= MAX_FAILURES ? 0 : failures,
                until,
                name);
        return until != null ? Login.LOCKED : Login.WRONG;
    }

    private static final String DUMMY = BCRYPT.encode("not a password of anyone");

    private static String hash(char[] password) {
        if (password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("password shorter than " + MIN_PASSWORD);
        }
        return BCRYPT.encode(new String(password));
    }

    private int update(String sql, Object... args) {
        return jdbc.update(Phrase.of("store.users-write"), sql, args);
    }
}
