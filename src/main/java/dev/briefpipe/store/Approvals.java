package dev.briefpipe.store;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Approvals of a period's PDF, by its SHA-256: who approved or rejected which exact bytes, and when.
 * The newest row of a period is its state; a new workbook version adds a {@code withdrawn} row.
 */
public final class Approvals {
    private final Jdbc jdbc;

    public Approvals(javax.sql.DataSource ds) {
        this.jdbc = new Jdbc(ds);
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
        jdbc.update(
                Phrase.of("store.approval-write"),
                "INSERT INTO bp_approvals (brief, period, pdf_sha256, state, actor, at, comment) VALUES (?,?,?,?,?,?,?)",
                brief,
                period,
                pdfSha256,
                state.id(),
                actor,
                Instant.now(),
                comment);
    }

    /** Whether the period's newest decision approves exactly this PDF. */
    public boolean approved(String brief, Period period, String pdfSha256) {
        return latest(brief, period).map(a -> a.approves(pdfSha256)).orElse(false);
    }

    /**
     * The PDF the period's newest approval approved, whatever came after it (a withdrawal for a new
     * workbook leaves the bytes once approved fit to go to a reader who missed them).
     */
    public Optional<String> lastApproved(String brief, Period period) {
        String sql = "SELECT pdf_sha256 FROM bp_approvals WHERE brief = ? AND period = ? AND state = ?"
                + " ORDER BY id DESC";
        return jdbc.first(
                Phrase.of("store.approvals-read"), sql, rs -> rs.getString(1), brief, period, State.APPROVED.id());
    }

    /** The period's newest decision. */
    public Optional<Approval> latest(String brief, Period period) {
        String sql = "SELECT id, pdf_sha256, state, actor, at, comment FROM bp_approvals WHERE brief = ? AND period = ?"
                + " ORDER BY id DESC";
        return jdbc.first(
                Phrase.of("store.approvals-read"),
                sql,
                rs -> new Approval(
                        rs.getLong(1),
                        brief,
                        period,
                        rs.getString(2),
                        State.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                        rs.getString(4),
                        Jdbc.instant(rs, 5),
                        rs.getString(6)),
                brief,
                period);
    }
}
