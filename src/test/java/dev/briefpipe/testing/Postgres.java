package dev.briefpipe.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The local PostgreSQL server (127.0.0.1:5432, trust authentication) for cluster-mode tests: a fresh
 * database per test, dropped afterwards. Where no server runs the tests are skipped, unless
 * {@code BRIEFPIPE_REQUIRE_PEERS} is set (as CI does), when they fail.
 */
public final class Postgres implements AutoCloseable {
    public static final String HOST = System.getenv().getOrDefault("BRIEFPIPE_TEST_PG", "127.0.0.1:5432");
    public static final String USER = "postgres";
    private final String name;

    private Postgres(String name) {
        this.name = name;
    }

    /** A new, empty database; skips the test when no server is reachable (and it is not required). */
    public static Postgres freshDatabase() {
        String name = "bp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = admin();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if (System.getenv("BRIEFPIPE_REQUIRE_PEERS") != null) {
                throw new AssertionError(
                        "PostgreSQL is required but not reachable at " + HOST + ": " + e.getMessage(), e);
            }
            Assumptions.abort("no PostgreSQL at " + HOST + " (" + e.getMessage() + ")");
        }
        return new Postgres(name);
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    @Override
    public void close() {
        try (Connection c = admin();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            // left for the next run's server restart; not worth failing a test over
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
    }
}
