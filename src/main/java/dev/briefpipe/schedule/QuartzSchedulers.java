package dev.briefpipe.schedule;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Makes Quartz schedulers on briefpipe's database: the JDBC job store (so triggers, misfires and
 * running jobs survive restarts and, clustered, the loss of a node) with connections from
 * briefpipe's own pool, registered under a name unique to this scheduler.
 */
public final class QuartzSchedulers {
    /** Every node of one cluster must use the same scheduler name. */
    public static final String NAME = "briefpipe";

    private QuartzSchedulers() {}

    public static Scheduler create(AppConfig.Scheduler cfg, Database db) throws SchedulerException {
        String dsName = "briefpipe-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return db.connection();
            }

            @Override
            public void shutdown() {}

            @Override
            public void initialize() {}
        });
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", NAME);
        p.put("org.quartz.scheduler.instanceId", cfg.instanceId());
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        p.put("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "false");
        p.put("org.quartz.threadPool.threadCount", String.valueOf(cfg.threads()));
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put(
                "org.quartz.jobStore.driverDelegateClass",
                db.vendor() == Database.Vendor.POSTGRESQL
                        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
                        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", dsName);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.misfireThreshold", String.valueOf(cfg.misfireMillis()));
        p.put("org.quartz.jobStore.isClustered", String.valueOf(cfg.clustered()));
        p.put("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(cfg.checkinMillis()));
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        StdSchedulerFactory f = new StdSchedulerFactory(p);
        return f.getScheduler();
    }
}
