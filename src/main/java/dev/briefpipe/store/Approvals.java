package dev.briefpipe.store;

import dev.briefpipe.failure.StoreException;
import dev.briefpipe.model.Period;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Approvals of a period's PDF, by its SHA-256: who approved or rejected which exact bytes, and when.
 * The newest row of a period is its state; a new workbook version adds a {@code withdrawn} row.
 */
public final class Approvals {
    private final javax.sql.DataSource ds;

    public Approvals(javax.sql.DataSource ds) {
        this.ds = ds;
    }

    public enum State {
        APPROVED,
        REJECTED,
        WITHDRAWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One decision. */
    public record Approval(
            long id,
            String brief,
            Period period,
            String pdfSha256,
            State state,
            String actor,
            Instant at,
            String comment) {
        /** Whether these exact bytes are approved. */
        public boolean approves(String sha256) {
            return state == State.APPROVED && pdfSha256.equals(sha256);
        }
    }

    public void record(String brief, Period period, String pdfSha256, State state, String actor, String comment) {
        String sql =
                "INSERT INTO bp_approvals (brief, period, pdf_sha256, state, actor, at, comment) VALUES (?,?,?,?,?,?,?)";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, brief);
            ps.setString(2, period.toString());
            ps.setString(3, pdfSha256);
            ps.setString(4, state.id());
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.setString(7, comment);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the approval", e);
        }
    }

    /** The period's newest decision. */
    public Optional<Approval> latest(String brief, Period period) {
        String sql = "SELECT id, pdf_sha256, state, actor, at, comment FROM bp_approvals WHERE brief = ? AND period = ?"
                + " ORDER BY id DESC";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(1);
            ps.setString(1, brief);
            ps.setString(2, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Approval(
                        rs.getLong(1),
                        brief,
                        period,
                        rs.getString(2),
                        State.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the approvals", e);
        }
    }
}
