package dev.briefpipe.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The run history: one row per run of a brief for a period. A scheduled run carries a run key
 * (brief, period and scheduled fire time) that the database keeps unique, so two triggers firing for
 * the same moment, or a fire recovered on another node, can start only one run.
 */
public final class RunHistory {
    private static final Phrase UNREADABLE = Phrase.of("store.runs-read");
    private static final Phrase INTERRUPTED = Phrase.of("run.interrupted");
    /** Runs not made by hand: a build or a send from the command line or the console delivers no period. */
    private static final String NOT_BY_HAND =
            "trigger_kind NOT IN ('" + RunTrigger.MANUAL.id() + "','" + RunTrigger.SEND.id() + "')";

    private final Jdbc jdbc;

    public RunHistory(DataSource ds) {
        this.jdbc = new Jdbc(ds);
    }

    /** A recorded run. Times are null while unknown. */
    public record Run(
            long id,
            String brief,
            Period period,
            RunTrigger trigger,
            String node,
            Instant started,
            Instant finished,
            RunStatus status,
            Integer findings,
            String outputs,
            String error,
            @JsonIgnore List<Phrase> told) {
        /**
         * Why it fell short, in the reader's words ({@code error} as recorded for a run of a version
         * that kept no phrases); null when there is nothing to say.
         */
        public String error(Messages words) {
            return told.isEmpty() ? error : words.get(told);
        }

        /** This run with its error in the reader's words, as the API gives it. */
        public Run toldIn(Messages words) {
            return new Run(
                    id, brief, period, trigger, node, started, finished, status, findings, outputs, error(words), told);
        }
    }

    /**
     * Records the start of a run.
     *
     * @param runKey null for runs that need no de-duplication (builds by hand)
     * @return the run's id, or empty when a run with this key already exists
     */
    public Optional<Long> start(
            String brief, Period period, RunTrigger trigger, String runKey, String node, Instant at) {
        String sql =
                "INSERT INTO bp_runs (brief, period, trigger_kind, run_key, node, started_at, status) VALUES (?,?,?,?,?,?,'running')";
        try {
            return Optional.of(jdbc.insertOrThrow(sql, brief, period, trigger.id(), runKey, node, at));
        } catch (SQLException e) {
            if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw jdbc.failed(Phrase.of("store.run-start"), e);
        }
    }

    /**
     * Takes over a run left {@code running} by a node that died: the run is recorded as this node's,
     * now, as a recovery. Returns the run's id, or empty when there is no such run (never started, or
     * already finished).
     */
    public Optional<RunTakeover> takeOver(String runKey, String node, Instant at) {
        Phrase what = Phrase.of("store.run-takeover");
        return jdbc.first(
                        what,
                        "SELECT id, node FROM bp_runs WHERE run_key=? AND status IN ('running','interrupted')",
                        rs -> new RunTakeover(rs.getLong(1), rs.getString(2)),
                        runKey)
                .filter(run -> jdbc.update(
                                what,
                                "UPDATE bp_runs SET node=?, trigger_kind='recovery', status='running', finished_at=NULL,"
                                        + " error=NULL, error_phrases=NULL, started_at=? WHERE id=? AND status IN ('running','interrupted') AND node=?",
                                node,
                                at,
                                run.id(),
                                run.from())
                        == 1);
    }

    /**
     * Marks {@code interrupted} the runs still {@code running} on this host whose process is gone: a
     * run killed with {@code kill -9} never records its end. Nodes on other hosts are left alone.
     *
     * @param host this host's name, the first part of a node's name ({@code host:pid})
     * @param language the language of a brief's run history (by brief id)
     * @return how many runs were marked
     */
    public int markInterrupted(String host, Instant at, Function<String, Messages> language) {
        List<Dead> dead = jdbc
                .list(
                        UNREADABLE,
                        "SELECT id, node, brief FROM bp_runs WHERE status='running' AND node LIKE ?",
                        0,
                        rs -> new Dead(rs.getLong(1), rs.getString(2), rs.getString(3)),
                        host + ":%")
                .stream()
                .filter(run -> !alive(run.node().substring(host.length() + 1)))
                .toList();
        for (Dead run : dead) {
            jdbc.update(
                    Phrase.of("store.run-end", run.id()),
                    "UPDATE bp_runs SET status='interrupted', finished_at=?, error=?, error_phrases=?"
                            + " WHERE id=? AND status='running'",
                    at,
                    language.apply(run.brief()).get(INTERRUPTED),
                    StoredPhrases.write(List.of(INTERRUPTED)),
                    run.id());
        }
        return dead.size();
    }

    private record Dead(long id, String node, String brief) {}

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a node name of ours: leave it
        }
    }

    /** A run and the node that had started it (the one it is taken over from). */
    public record RunTakeover(long id, String from) {}

    /**
     * Records how a run ended.
     *
     * @param error why it fell short (empty: nothing to say), kept as phrases, for each reader to read
     *     in their own language, and as {@code words} tell it (the brief's language)
     */
    public void finish(
            long id,
            RunStatus status,
            Integer findings,
            String outputs,
            List<Phrase> error,
            Messages words,
            Instant at) {
        String text = error.isEmpty() ? null : words.get(error);
        String phrases = error.isEmpty() ? null : StoredPhrases.write(error);
        jdbc.update(
                Phrase.of("store.run-end", id),
                "UPDATE bp_runs SET status=?, findings=?, outputs=?, error=?, error_phrases=?, finished_at=? WHERE id=?",
                status.id(),
                findings,
                outputs,
                text == null ? null : text.substring(0, Math.min(text.length(), 3900)),
                phrases == null || phrases.length() > 8000 ? null : phrases,
                at,
                id);
    }

    /** The run that recorded the period missed (its deadline passed), if one did. */
    public Optional<Run> missed(String brief, Period period) {
        String sql = SELECT + " WHERE brief=? AND period=? AND status=?";
        return jdbc.first(UNREADABLE, sql, RunHistory::run, brief, period, RunStatus.MISSED.id());
    }

    /**
     * Whether the period wants no more scheduled runs: one delivered it, or a scheduled one built it for a
     * brief with nobody to send to. A build by hand sends nothing, and a resend to some readers leaves
     * the others to be sent, so neither counts.
     */
    public boolean done(String brief, Period period) {
        String sql = "SELECT id FROM bp_runs WHERE brief=? AND period=?" + " AND (status=? OR (status=? AND "
                + NOT_BY_HAND + "))";
        Object[] args = {brief, period, RunStatus.DELIVERED.id(), RunStatus.OK.id()};
        return jdbc.first(UNREADABLE, sql, rs -> rs.getLong(1), args).isPresent();
    }

    /** The newest run of a period not made by hand (a build or a send), if any. */
    public Optional<Run> lastScheduled(String brief, Period period) {
        String sql = SELECT + " WHERE brief=? AND period=? AND " + NOT_BY_HAND + " ORDER BY id DESC";
        return jdbc.first(UNREADABLE, sql, RunHistory::run, brief, period);
    }

    /** The newest runs first; {@code brief} null for all briefs. */
    public List<Run> list(String brief, int limit) {
        String sql = SELECT + (brief == null ? "" : " WHERE brief=?") + " ORDER BY started_at DESC, id DESC";
        Object[] args = brief == null ? new Object[0] : new Object[] {brief};
        return jdbc.list(UNREADABLE, sql, Math.max(1, limit), RunHistory::run, args);
    }

    /** The run of this id, if there is one. */
    public Optional<Run> find(long id) {
        return jdbc.first(UNREADABLE, SELECT + " WHERE id=?", RunHistory::run, id);
    }

    private static final String SELECT =
            "SELECT id, brief, period, trigger_kind, node, started_at, finished_at, status, findings, outputs, error, error_phrases"
                    + " FROM bp_runs";

    private static Run run(ResultSet rs) throws SQLException {
        return new Run(
                rs.getLong(1),
                rs.getString(2),
                Period.parse(rs.getString(3)),
                RunTrigger.of(rs.getString(4)),
                rs.getString(5),
                Jdbc.instant(rs, 6),
                Jdbc.instant(rs, 7),
                RunStatus.of(rs.getString(8)),
                rs.getObject(9, Integer.class),
                rs.getString(10),
                rs.getString(11),
                StoredPhrases.read(rs.getString(12)));
    }

    /**
     * A row of the history as people read it: a run, with the retries before it that ended the same way.
     *
     * @param times how many runs the row stands for (1: the run alone)
     * @param since when the first of them started
     */
    public record Shown(Run run, int times, Instant since) {
        /** What set it going, in the reader's words: 재시도 36회 for retries folded into one row. */
        public String trigger(Messages words) {
            String word = words.word("trigger", run.trigger().id());
            return times == 1 ? word : words.get("runs.folded", word, times);
        }
    }

    /**
     * The newest runs first, as {@link #list} gives them, but each retry that ended as its brief's run
     * just before it did (a retry too, of the same period, with the same status, findings and error)
     * folded into one row: a period waiting days for its data or its approval is retried every hour,
     * and a row per retry would hide the rest of the history.
     */
    public List<Shown> shown(String brief, int limit) {
        for (int n = quadrupled(Math.max(1, limit)); ; n = quadrupled(n)) {
            List<Run> runs = list(brief, n);
            List<Shown> rows = new ArrayList<>();
            Map<String, Integer> open = new HashMap<>(); // a brief's row that older runs may still fold into
            for (Run r : runs) {
                Integer at = open.get(r.brief());
                if (at != null && sameRetry(rows.get(at).run(), r)) {
                    rows.set(at, new Shown(rows.get(at).run(), rows.get(at).times() + 1, r.started()));
                } else {
                    open.put(r.brief(), rows.size());
                    rows.add(new Shown(r, 1, r.started()));
                }
            }
            // Done when the table has no more, or no row shown may yet fold in a run not read.
            if (runs.size() < n
                    || (rows.size() > limit && open.values().stream().allMatch(i -> i >= limit))) {
                return rows.subList(0, Math.min(limit, rows.size()));
            }
        }
    }

    private static int quadrupled(int n) {
        return (int) Math.min(Integer.MAX_VALUE, 4L * n);
    }

    private static boolean sameRetry(Run newer, Run older) {
        return newer.trigger() == RunTrigger.RETRY
                && older.trigger() == RunTrigger.RETRY
                && newer.finished() != null
                && newer.period().equals(older.period())
                && newer.status() == older.status()
                && Objects.equals(newer.findings(), older.findings())
                && Objects.equals(newer.error(), older.error());
    }
}
