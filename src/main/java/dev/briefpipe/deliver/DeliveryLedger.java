package dev.briefpipe.deliver;

import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    private static final Phrase UNREADABLE = Phrase.of("store.ledger-read");
    private static final Phrase UNWRITABLE = Phrase.of("store.ledger-write");
    private static final String COLUMNS =
            "brief, period, kind, recipient, pdf_sha256, state, message_id, attempts, last_error, updated_at, reply";
    private final Jdbc jdbc;

    public DeliveryLedger(DataSource ds) {
        this.jdbc = new Jdbc(
                ds,
                (what, e) -> new DeliveryException(
                        DeliveryException.Kind.PERMANENT, StoreException.explain(what, e), e.getMessage(), e));
    }

    /**
     * One ledger row.
     *
     * @param reply what the server answered for this recipient, last time (its refusal, or "250 …")
     */
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
            String reply) {

        /**
         * What was sent, in the reader's words: "브리프", "정정본" for {@code correction-1a2b3c4d5e6f},
         * marked as written to the outbox for {@code outbox-brief}.
         */
        public String kindIn(Messages words) {
            boolean outbox = kind.startsWith(OUTBOX);
            String k = outbox ? kind.substring(OUTBOX.length()) : kind;
            int dash = k.lastIndexOf('-');
            // A letter of its own bytes carries the first twelve digits of their sha256.
            String base = dash > 0 && k.length() - dash == 13 ? k.substring(0, dash) : k;
            String word = words.word("kind", base);
            return outbox ? words.get("word.kind.outbox", word) : word;
        }

        /** Whether this is a PDF that reached its reader: the brief or a correction of it, sent. */
        public boolean reached() {
            return state == DeliveryState.SENT && (kind.equals("brief") || kind.startsWith("correction-"));
        }

        /** The state in the reader's words; a letter written to the outbox is not "sent". */
        public String stateIn(Messages words) {
            return kind.startsWith(OUTBOX) && state == DeliveryState.SENT
                    ? words.word("state", "written")
                    : words.word("state", state.id());
        }
    }

    /** How many readers' letters of the brief (not notices, nor corrections) are in state {@code s}. */
    public static long count(List<Entry> entries, DeliveryState s) {
        return entries.stream()
                .filter(e -> e.kind().equals("brief") && e.state() == s)
                .count();
    }

    /**
     * Whether a period's readers got a PDF of it other than {@code pdfSha256}, and not that one since
     * (as a correction): it can reach them only as a correction.
     */
    public static boolean readersHadAnother(List<Entry> entries, String pdfSha256) {
        return count(entries, DeliveryState.SENT) > 0
                && entries.stream()
                        .filter(Entry::reached)
                        .noneMatch(e -> e.pdfSha256().equals(pdfSha256));
    }

    /** The start of the kind of a letter written to the outbox, not sent: it never counts as a delivery. */
    static final String OUTBOX = "outbox-";

    /**
     * The row of a mailbox, however its address is spelled now: {@code Board@Example.org} finds the row
     * written for {@code board@example.org}, whose spelling ({@link Entry#recipient}) is then the key.
     */
    public Optional<Entry> find(String brief, Period period, String kind, String recipient) {
        String sql = "SELECT " + COLUMNS
                + " FROM bp_deliveries WHERE brief=? AND period=? AND kind=? AND LOWER(recipient)=LOWER(?)";
        return jdbc.first(UNREADABLE, sql, DeliveryLedger::entry, brief, period, kind, recipient);
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
        try {
            jdbc.updateOrThrow(insert, brief, period, kind, recipient, sha, messageId, Instant.now());
            return true;
        } catch (SQLException e) {
            if (!Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw jdbc.failed(UNWRITABLE, e);
            }
        }
        String update = "UPDATE bp_deliveries SET state='sending', pdf_sha256=?, message_id=?, updated_at=?"
                + " WHERE brief=? AND period=? AND kind=? AND recipient=?" + (force ? "" : " AND state='failed'");
        return jdbc.update(UNWRITABLE, update, sha, messageId, Instant.now(), brief, period, kind, recipient) == 1;
    }

    /**
     * Records a refused attempt that will be retried: the count and the error, and the state failed
     * (nothing was delivered), so a process killed while it waits leaves a recipient the next send
     * tries again rather than one in doubt. {@link #retake} claims it back for the retry.
     */
    public void failedAttempt(String brief, Period period, String kind, String recipient, String error) {
        String sql = "UPDATE bp_deliveries SET state='failed', attempts=attempts+1, last_error=?, updated_at=?"
                + " WHERE brief=? AND period=? AND kind=? AND recipient=?";
        jdbc.update(UNWRITABLE, sql, cut(error), Instant.now(), brief, period, kind, recipient);
    }

    /** Claims a recipient left failed by {@link #failedAttempt} for its retry; false if another send took it. */
    public boolean retake(String brief, Period period, String kind, String recipient) {
        String sql = "UPDATE bp_deliveries SET state='sending', updated_at=?"
                + " WHERE brief=? AND period=? AND kind=? AND recipient=? AND state='failed'";
        return jdbc.update(UNWRITABLE, sql, Instant.now(), brief, period, kind, recipient) == 1;
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
        jdbc.update(
                UNWRITABLE,
                sql,
                state.id(),
                attempts,
                cut(error),
                Instant.now(),
                cut(reply),
                brief,
                period,
                kind,
                recipient);
    }

    private static String cut(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 1900));
    }

    /** The latest period of a brief with a delivery recorded, if any. */
    public java.util.Optional<Period> latest(String brief) {
        return jdbc.first(
                UNREADABLE,
                "SELECT MAX(period) FROM bp_deliveries WHERE brief=? HAVING MAX(period) IS NOT NULL",
                rs -> Period.parse(rs.getString(1)),
                brief);
    }

    public List<Entry> list(String brief, Period period) {
        String sql = "SELECT " + COLUMNS + " FROM bp_deliveries WHERE brief=? AND period=? ORDER BY kind, recipient";
        return jdbc.list(UNREADABLE, sql, 0, DeliveryLedger::entry, brief, period);
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
                Jdbc.instant(rs, 10),
                rs.getString(11));
    }
}
