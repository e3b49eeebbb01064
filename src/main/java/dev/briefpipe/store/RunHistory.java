package dev.briefpipe.store;

import dev.briefpipe.failure.StoreException;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
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
 * The run history: one row per run of a brief for a period. A scheduled run carries a run key
 * (brief, period and scheduled fire time) that the database keeps unique, so two triggers firing for
 * the same moment, or a fire recovered on another node, can start only one run.
 */
public final class RunHistory {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource ds;

    public RunHistory(DataSource ds) {
        this.ds = ds;
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
            String error) {}

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
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            ps.setString(1, brief);
            ps.setString(2, period.toString());
            ps.setString(3, trigger.id());
            ps.setString(4, runKey);
            ps.setString(5, node);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw new StoreException("cannot record the start of a run", e);
        }
    }

    /**
     * Takes over a run left {@code running} by a node that died: the run is recorded as this node's,
     * now, as a recovery. Returns the run's id, or empty when there is no such run (never started, or
     * already finished).
     */
    public Optional<RunTakeover> takeOver(String runKey, String node, Instant at) {
        try (Connection c = ds.getConnection()) {
            String before;
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, node FROM bp_runs WHERE run_key=? AND status IN ('running','interrupted')")) {
                ps.setString(1, runKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    before = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bp_runs SET node=?, trigger_kind='recovery', status='running', finished_at=NULL, error=NULL, started_at=? WHERE id=? AND status IN ('running','interrupted') AND node=?")) {
                ps.setString(1, node);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setLong(3, id);
                ps.setString(4, before);
                return ps.executeUpdate() == 1 ? Optional.of(new RunTakeover(id, before)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot take over a run", e);
        }
    }

    /**
     * Marks {@code interrupted} the runs still {@code running} on this host whose process is gone: a
     * run killed with {@code kill -9} never records its end. Nodes on other hosts are left alone.
     *
     * @param host this host's name, the first part of a node's name ({@code host:pid})
     * @return how many runs were marked
     */
    public int markInterrupted(String host, Instant at) {
        String select = "SELECT id, node FROM bp_runs WHERE status='running' AND node LIKE ?";
        try (Connection c = ds.getConnection()) {
            List<Long> dead = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setString(1, host + ":%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String pid = rs.getString(2).substring(host.length() + 1);
                        if (!alive(pid)) {
                            dead.add(rs.getLong(1));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE bp_runs SET status='interrupted', finished_at=?, error=? WHERE id=? AND status='running'")) {
                for (long id : dead) {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, "its process ended before the run did");
                    ps.setLong(3, id);
                    ps.executeUpdate();
                }
            }
            return dead.size();
        } catch (SQLException e) {
            throw new StoreException("cannot read the run history", e);
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a node name of ours: leave it
        }
    }

    /** A run taken over from the node that had started it. */
    public record RunTakeover(long id, String from) {}

    public void finish(long id, RunStatus status, Integer findings, String outputs, String error, Instant at) {
        String sql = "UPDATE bp_runs SET status=?, findings=?, outputs=?, error=?, finished_at=? WHERE id=?";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status.id());
            if (findings == null) {
                ps.setNull(2, java.sql.Types.INTEGER);
            } else {
                ps.setInt(2, findings);
            }
            ps.setString(3, outputs);
            ps.setString(4, error == null ? null : error.substring(0, Math.min(error.length(), 3900)));
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setLong(6, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the end of run " + id, e);
        }
    }

    /** Whether the period already has a run that ended with one of the given statuses. */
    public boolean hasStatus(String brief, Period period, RunStatus... statuses) {
        String in = String.join(",", java.util.Collections.nCopies(statuses.length, "?"));
        String sql = "SELECT COUNT(*) FROM bp_runs WHERE brief=? AND period=? AND status IN (" + in + ")";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, brief);
            ps.setString(2, period.toString());
            for (int i = 0; i < statuses.length; i++) {
                ps.setString(3 + i, statuses[i].id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the run history", e);
        }
    }

    /** The newest runs first; {@code brief} null for all briefs. */
    public List<Run> list(String brief, int limit) {
        String sql =
                "SELECT id, brief, period, trigger_kind, node, started_at, finished_at, status, findings, outputs, error"
                        + " FROM bp_runs" + (brief == null ? "" : " WHERE brief=?")
                        + " ORDER BY started_at DESC, id DESC";
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (brief != null) {
                ps.setString(1, brief);
            }
            ps.setMaxRows(Math.max(1, limit));
            List<Run> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp f = rs.getTimestamp(7);
                    int findings = rs.getInt(9);
                    boolean noFindings = rs.wasNull();
                    out.add(new Run(
                            rs.getLong(1),
                            rs.getString(2),
                            Period.parse(rs.getString(3)),
                            RunTrigger.of(rs.getString(4)),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant(),
                            f == null ? null : f.toInstant(),
                            RunStatus.of(rs.getString(8)),
                            noFindings ? null : findings,
                            rs.getString(10),
                            rs.getString(11)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the run history", e);
        }
    }
}
