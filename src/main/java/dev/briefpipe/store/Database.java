package dev.briefpipe.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.briefpipe.config.AppConfig;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Phrase;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the scheduler, the run history and the delivery ledger: embedded H2 in the
 * state folder by default, any JDBC URL (PostgreSQL for a cluster) when configured. The schema —
 * Quartz's tables and ours — is created and migrated by Flyway when the database is opened. The
 * password comes only from the environment variable the config names.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private final HikariDataSource dataSource;
    private final Vendor vendor;

    /** The SQL dialects briefpipe runs on. */
    public enum Vendor {
        H2,
        POSTGRESQL
    }

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
    }

    /**
     * Opens (and migrates) the configured database; {@code stateDir} holds the embedded one.
     *
     * @throws StoreException when it cannot be reached, opened or migrated
     */
    public static Database open(AppConfig.Database cfg, Path stateDir) {
        try {
            return connect(cfg, stateDir);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            if (cfg.url().isBlank() && inUse(e)) {
                throw StoreException.inUse(stateDir.toAbsolutePath().resolve("briefpipe.mv.db"), e);
            }
            java.sql.SQLException server = sqlCause(e);
            if (!cfg.url().isBlank() && server != null) {
                // SQL state class 08: no connection; anything else is the server's own refusal, quoted.
                boolean unreachable =
                        server.getSQLState() != null && server.getSQLState().startsWith("08");
                throw StoreException.cannotConnect(
                        cfg.url(),
                        unreachable
                                ? null
                                : String.valueOf(server.getMessage())
                                        .lines()
                                        .findFirst()
                                        .orElse(""),
                        cfg.passwordEnv(),
                        e);
            }
            Object which = cfg.url().isBlank() ? stateDir.toAbsolutePath().resolve("briefpipe.mv.db") : cfg.url();
            throw new StoreException(Phrase.of("store.open", which), e);
        }
    }

    private static java.sql.SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s) {
                return s;
            }
        }
        return null;
    }

    /** Whether H2 refused the file because another process has it open (its error 90020). */
    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
    }

    private static Database connect(AppConfig.Database cfg, Path stateDir) {
        // Embedded means in this process only: no TCP server, nothing listening. Each commit is on disk
        // before the next step (WRITE_DELAY=0): the delivery ledger must survive kill -9. The commit is
        // then written by the committing thread, so the file is opened through H2's "async:" file
        // system, which an interrupted thread (Quartz's, at shutdown) cannot close under everyone.
        String url = cfg.url().isBlank()
                ? "jdbc:h2:async:" + stateDir.toAbsolutePath().resolve("briefpipe")
                        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;CACHE_SIZE=4096"
                : cfg.url();
        Vendor vendor = url.startsWith("jdbc:postgresql:") ? Vendor.POSTGRESQL : Vendor.H2;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(cfg.url().isBlank() ? "sa" : cfg.user());
        String password = System.getenv(cfg.passwordEnv());
        hc.setPassword(password == null ? "" : password);
        hc.setMaximumPoolSize(Math.max(2, cfg.poolSize()));
        hc.setMinimumIdle(1);
        hc.setPoolName("briefpipe");
        hc.setAutoCommit(true);
        // One try, then say so: the embedded file is locked by the process that has it open, and a
        // server that refuses now is told to the operator at once (a daemon is restarted by its service).
        hc.setInitializationFailTimeout(1);
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            if (cfg.url().isBlank()) {
                migrateEmbedded(ds, stateDir);
            } else {
                migrate(ds, vendor); // PostgreSQL: Flyway serialises concurrent migrations with an advisory lock
            }
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        log.info("database ready: {}", url.replaceAll("password=[^;&]*", "password=***"));
        return new Database(ds, vendor);
    }

    /** The newest schema version this build of briefpipe knows (the highest migration). */
    static final String LATEST = "5";

    /** Holds one JVM's threads off each other; the file lock below holds other processes off. */
    private static final ReentrantLock EMBEDDED_MIGRATION = new ReentrantLock();

    /**
     * H2 commits DDL at once, so two migrations of a new embedded database racing each other leave a
     * half-made schema and a failed row in the history that stops every later start. They are run one
     * after the other instead: in this JVM under a lock, across processes under a file lock in the
     * state folder. The second finds the schema current and does nothing.
     */
    private static void migrateEmbedded(DataSource ds, Path stateDir) {
        if (isCurrent(ds)) {
            return;
        }
        Path lockFile = stateDir.resolve("briefpipe.migrate.lock");
        EMBEDDED_MIGRATION.lock();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = ch.lock()) {
            log.debug("migration lock {} held", held);
            migrate(ds, Vendor.H2);
        } catch (IOException e) {
            throw new StoreException(Phrase.of("store.lock", lockFile), e);
        } finally {
            EMBEDDED_MIGRATION.unlock();
        }
    }

    private static void migrate(DataSource ds, Vendor vendor) {
        if (isCurrent(ds)) {
            return;
        }
        try {
            flyway(ds, vendor);
        } catch (org.flywaydb.core.api.FlywayException e) {
            // Two processes starting on a new database (the daemon and a command, say) both migrate; the
            // one that loses finds the schema written by the other. Anything else is tried once more.
            if (isCurrent(ds)) {
                log.info("schema migrated meanwhile by another process");
                return;
            }
            log.info("migration failed once, trying again: {}", e.getMessage()); // the second try tells
            flyway(ds, vendor);
        }
    }

    private static void flyway(DataSource ds, Vendor vendor) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common")
                .javaMigrations(new QuartzTablesMigration(vendor))
                .table("bp_schema_history")
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }

    /**
     * Whether the schema is already at {@link #LATEST}: then Flyway (a second of start-up) is not needed.
     * Any doubt (no history table, a failed migration) sends the work to Flyway.
     */
    private static boolean isCurrent(DataSource ds) {
        try (Connection c = ds.getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(
                        "SELECT COUNT(*), SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"bp_schema_history\""
                                + " WHERE \"version\" = '" + LATEST + "'")) {
            return rs.next() && rs.getLong(1) == 1 && rs.getLong(2) == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
