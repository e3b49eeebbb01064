package dev.briefpipe.deliver;

import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.model.Period;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Who has been sent what: one row per (brief, period, kind, recipient). A row is written as
 * {@code sending} before the SMTP transaction and set to {@code sent} after the server accepted the
 * message, so a crash in between leaves {@code sending}, which is reported as unknown and never
 * resent on its own.
 */
public final class DeliveryLedger {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource ds;

    public DeliveryLedger(DataSource ds) {
        this.ds = ds;
    }

    /** One ledger row. */
    /** @param reply what the server answered for this recipient, last time (its refusal, or "250 …") */
    public record Entry(
            String brief,
            Period period,
            String kind,
            String recipient,
            String pdfSha256,
            DeliveryState state,
            String messageId,
            int attempts,
            String lastError,
            Instant updated,
            String reply) {}

    public Optional<Entry> find(String brief, Period period, String kind, String recipient) {
        String sql =
                "SELECT brief, period, kind, recipient, pdf_sha256, state, message_id, attempts, last_error, updated_at, reply"
                        + " FROM bp_deliveries WHERE brief=? AND period=? AND kind=? AND recipient=?";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, brief);
            ps.setString(2, period.toString());
            ps.setString(3, kind);
            ps.setString(4, recipient);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "ledger unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Claims a recipient before sending: inserts a {@code sending} row, or moves a row this call is
     * allowed to retry ({@code failed}, or anything when {@code force}) back to {@code sending}.
     *
     * @return false when the row exists in a state that must not be sent again
     */
    public boolean claim(
            String brief, Period period, String kind, String recipient, String sha, String messageId, boolean force) {
        String insert =
                "INSERT INTO bp_deliveries (brief, period, kind, recipient, pdf_sha256, state, message_id, attempts,"
                        + " updated_at) VALUES (?,?,?,?,?,'sending',?,0,?)";
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, brief);
                ps.setString(2, period.toString());
                ps.setString(3, kind);
                ps.setString(4, recipient);
                ps.setString(5, sha);
                ps.setString(6, messageId);
                ps.setTimestamp(7, Timestamp.from(Instant.now()));
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            String update = "UPDATE bp_deliveries SET state='sending', pdf_sha256=?, message_id=?, updated_at=?"
                    + " WHERE brief=? AND period=? AND kind=? AND recipient=?" + (force ? "" : " AND state='failed'");
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setString(1, sha);
                ps.setString(2, messageId);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setString(4, brief);
                ps.setString(5, period.toString());
                ps.setString(6, kind);
                ps.setString(7, recipient);
                return ps.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "ledger unwritable: " + e.getMessage(), e);
        }
    }

    /** Records a failed attempt that will be retried: the count and the error, the state unchanged. */
    public void failedAttempt(String brief, Period period, String kind, String recipient, String error) {
        String sql = "UPDATE bp_deliveries SET attempts=attempts+1, last_error=?, updated_at=?"
                + " WHERE brief=? AND period=? AND kind=? AND recipient=?";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, cut(error));
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setString(3, brief);
            ps.setString(4, period.toString());
            ps.setString(5, kind);
            ps.setString(6, recipient);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "ledger unwritable: " + e.getMessage(), e);
        }
    }

    /**
     * Records the outcome of an attempt.
     *
     * @param error why it failed, or null
     * @param reply what the server answered, or null to keep the last answer
     */
    public void mark(
            String brief,
            Period period,
            String kind,
            String recipient,
            DeliveryState state,
            int attempts,
            String error,
            String reply) {
        String sql = "UPDATE bp_deliveries SET state=?, attempts=attempts+?, last_error=?, updated_at=?,"
                + " reply=COALESCE(?, reply) WHERE brief=? AND period=? AND kind=? AND recipient=?";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.id());
            ps.setInt(2, attempts);
            ps.setString(3, cut(error));
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.setString(5, cut(reply));
            ps.setString(6, brief);
            ps.setString(7, period.toString());
            ps.setString(8, kind);
            ps.setString(9, recipient);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "ledger unwritable: " + e.getMessage(), e);
        }
    }

    private static String cut(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 1900));
    }

    public List<Entry> list(String brief, Period period) {
        String sql =
                "SELECT brief, period, kind, recipient, pdf_sha256, state, message_id, attempts, last_error, updated_at, reply"
                        + " FROM bp_deliveries WHERE brief=? AND period=? ORDER BY kind, recipient";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, brief);
            ps.setString(2, period.toString());
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new DeliveryException(DeliveryException.Kind.PERMANENT, "ledger unreadable: " + e.getMessage(), e);
        }
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getString(1),
                Period.parse(rs.getString(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                DeliveryState.of(rs.getString(6)),
                rs.getString(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11));
    }
}
