package dev.briefpipe.store;

import dev.briefpipe.failure.StoreException;
import dev.briefpipe.model.Period;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What people did by hand, who and when: one row an action (an unknown delivery settled, say). */
public final class AuditLog {
    private final DataSource ds;

    public AuditLog(DataSource ds) {
        this.ds = ds;
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
        String sql = "INSERT INTO bp_audit (at, actor, action, brief, period, target, detail) VALUES (?,?,?,?,?,?,?)";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, brief);
            ps.setString(5, period == null ? null : period.toString());
            ps.setString(6, target);
            ps.setString(7, detail);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write the audit log", e);
        }
    }

    /** The newest first. */
    public List<Entry> list(int limit) {
        String sql = "SELECT id, at, actor, action, brief, period, target, detail FROM bp_audit ORDER BY id DESC";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(Math.max(1, limit));
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String period = rs.getString(6);
                    out.add(new Entry(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            period == null ? null : Period.parse(period),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the audit log", e);
        }
    }
}
