package dev.briefpipe.store;

import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Phrase;
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
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * The statements of a table's class, each on a connection of its own: the arguments bound in order (an
 * {@link Instant} as a timestamp, a {@link Period} as its text, {@code null} as SQL NULL), and a failure
 * turned into that class's exception, saying what could not be done.
 */
public final class Jdbc {
    /** PostgreSQL's and H2's SQL state for a unique constraint violated. */
    public static final String UNIQUE_VIOLATION = "23505";

    /** Makes one value of the result's current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource ds;
    private final BiFunction<Phrase, SQLException, RuntimeException> failure;

    /** Failures become {@link StoreException}s. */
    public Jdbc(DataSource ds) {
        this(ds, StoreException::new);
    }

    public Jdbc(DataSource ds, BiFunction<Phrase, SQLException, RuntimeException> failure) {
        this.ds = ds;
        this.failure = failure;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it touched. */
    public int update(Phrase what, String sql, Object... args) {
        try {
            return updateOrThrow(sql, args);
        } catch (SQLException e) {
            throw failure.apply(what, e);
        }
    }

    /** {@link #update} for a caller that tells failures apart (a unique key violated, say). */
    public int updateOrThrow(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** An INSERT that makes its row's {@code id}; returns the id. Failures pass through, as in {@link #updateOrThrow}. */
    public long insertOrThrow(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The rows of a query, the first {@code max} of them ({@code max} ≤ 0: all of them). */
    public <T> List<T> list(Phrase what, String sql, int max, RowMapper<T> row, Object... args) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(Math.max(0, max));
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure.apply(what, e);
        }
    }

    /** The first row of a query, if there is one. */
    public <T> Optional<T> first(Phrase what, String sql, RowMapper<T> row, Object... args) {
        return list(what, sql, 1, row, args).stream().findFirst();
    }

    /** The exception a failure of {@code what} becomes. */
    public RuntimeException failed(Phrase what, SQLException e) {
        return failure.apply(what, e);
    }

    /** Binds the arguments to the statement's parameters, in order. */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof Instant t ? Timestamp.from(t) : a instanceof Period p ? p.toString() : a);
        }
    }

    /** The timestamp in a column as an instant, or null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
