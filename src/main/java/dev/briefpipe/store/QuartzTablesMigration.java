package dev.briefpipe.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 1: Quartz's own table script for the database in use, read from the Quartz jar, so the
 * job store's schema is always the one that Quartz version expects.
 */
final class QuartzTablesMigration implements JavaMigration {
    private final Database.Vendor vendor;

    QuartzTablesMigration(Database.Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "Quartz tables";
    }

    @Override
    public Integer getChecksum() {
        return script().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement st = context.getConnection().createStatement()) {
            for (String sql : statements(script())) {
                st.execute(sql);
            }
        }
    }

    private String script() {
        String name = vendor == Database.Vendor.POSTGRESQL ? "tables_postgres.sql" : "tables_h2.sql";
        try (InputStream in = org.quartz.Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Quartz table script " + name + " missing from the Quartz jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Quartz table script " + name, e);
        }
    }

    /** The script's statements: comments dropped, split at semicolons, transaction control left out. */
    static java.util.List<String> statements(String script) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("--") || t.startsWith("#") || t.isEmpty()) {
                continue;
            }
            sb.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = sb.toString().strip();
                stmt = stmt.substring(0, stmt.length() - 1).strip();
                sb.setLength(0);
                String lower = stmt.toLowerCase(java.util.Locale.ROOT);
                if (!lower.equals("commit") && !lower.startsWith("drop table")) {
                    out.add(stmt);
                }
            }
        }
        return out;
    }
}
