package dev.briefpipe.store;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** What people did by hand, who and when: one row an action (an unknown delivery settled, say). */
public final class AuditLog {
    private final Jdbc jdbc;

    public AuditLog(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** One recorded action. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String brief,
            Period period,
            String target,
            String detail) {}

    public void record(String actor, String action, String brief, Period period, String target, String detail) {
        jdbc.update(
                Phrase.of("store.audit-write"),
                "INSERT INTO bp_audit (at, actor, action, brief, period, target, detail) VALUES (?,?,?,?,?,?,?)",
                Instant.now(),
                actor,
                action,
                brief,
                period,
                target,
                detail);
    }

    /** The newest first. */
    public List<Entry> list(int limit) {
        return jdbc.list(
                Phrase.of("store.audit-read"),
                "SELECT id, at, actor, action, brief, period, target, detail FROM bp_audit ORDER BY id DESC",
                Math.max(1, limit),
                rs -> new Entry(
                        rs.getLong(1),
                        Jdbc.instant(rs, 2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6) == null ? null : Period.parse(rs.getString(6)),
                        rs.getString(7),
                        rs.getString(8)));
    }
}
