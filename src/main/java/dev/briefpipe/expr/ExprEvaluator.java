package dev.briefpipe.expr;

import static dev.briefpipe.expr.ExprValues.compare;
import static dev.briefpipe.expr.ExprValues.equal;
import static dev.briefpipe.expr.ExprValues.num;
import static dev.briefpipe.expr.ExprValues.number;
import static dev.briefpipe.expr.ExprValues.truthy;

import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Evaluates an {@link Expr} against a {@link Dataset}. Numbers come back as {@link BigDecimal},
 * comparisons as {@link Boolean}; a blank cell is {@code null} and makes arithmetic on it null too
 * (a figure with a missing input is shown as missing, never as zero).
 *
 * <p>Names resolve to the current row's fields first (when evaluating in a row), then through the
 * supplied lookup (other figures). Unknown tables, keys or fields raise {@link ExprException}.
 * Thread-safe if the lookup is; a {@link #recording} one is not.
 */
public final class ExprEvaluator {
    private static final MathContext MC = MathContext.DECIMAL64;
    private final Dataset data;
    private final Function<String, Optional<Object>> names;
    private final Consumer<CellRead> reads;
    /** Above zero while a condition is judged: its reads are not the inputs of the value. */
    private int quiet;

    public ExprEvaluator(Dataset data, Function<String, Optional<Object>> names) {
        this(data, names, null);
    }

    private ExprEvaluator(Dataset data, Function<String, Optional<Object>> names, Consumer<CellRead> reads) {
        this.data = data;
        this.names = names;
        this.reads = reads;
    }

    /**
     * An evaluator that tells {@code reads} every input a value is made of: each cell (a lookup's, an
     * aggregate's rows, a row's fields) and each named figure. For one evaluation at a time, on one thread.
     */
    public ExprEvaluator recording(Consumer<CellRead> reads) {
        return new ExprEvaluator(data, names, reads);
    }

    private void read(Row row, String field, Object value) {
        if (reads != null && quiet == 0) {
            row.cell(field).ifPresent(c -> reads.accept(new CellRead(c.excel(), CellRead.text(value), row.text(NOTE))));
        }
    }

    /** The field in which analysts explain a row (the 비고 column), told with each cell read. */
    private static final String NOTE = "note";

    public Object eval(Expr e) {
        return eval(e, null);
    }

    /** Evaluates with {@code row}'s fields in scope (row may be null). */
    public Object eval(Expr e, Row row) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Str s) {
            return s.value();
        }
        if (e instanceof Expr.Name n) {
            Object value = row == null ? null : row.get(n.name());
            if (value != null) {
                read(row, n.name(), value);
                return number(value);
            }
            if (row != null && row.cells().containsKey(n.name())) {
                read(row, n.name(), null);
                return null;
            }
            Object named = names.apply(n.name())
                    .map(ExprValues::number)
                    .orElseThrow(() -> new ExprException(-1, "unknown-name", n.name()));
            if (reads != null && quiet == 0) {
                reads.accept(new CellRead(n.name(), CellRead.text(named)));
            }
            return named;
        }
        if (e instanceof Expr.Lookup l) {
            Table t = table(l.table());
            String field = l.field() != null ? l.field() : t.valueField();
            if (field == null) {
                throw new ExprException(-1, "lookup-needs-field", l.table(), l.key());
            }
            requireField(t, field);
            if (t.rows().isEmpty()) {
                throw new MissingInputException(l.table(), null, "no-rows", l.table());
            }
            Row r = t.findByKey(l.key()).orElseThrow(() -> new ExprException(-1, "no-row", l.key(), l.table()));
            read(r, field, r.get(field));
            return number(r.get(field));
        }
        if (e instanceof Expr.Column c) {
            throw new ExprException(-1, "column-needs-aggregate", c.table() + "." + c.field());
        }
        if (e instanceof Expr.Unary u) {
            Object v = eval(u.operand(), row);
            if (u.op().equals("not")) {
                return !truthy(v);
            }
            return v == null ? null : num(v).negate();
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, row);
        }
        if (e instanceof Expr.Call c) {
            return call(c, row);
        }
        throw new IllegalStateException("unhandled expression " + e);
    }

    private Object binary(Expr.Binary b, Row row) {
        if (b.op().equals("and")) {
            return truthy(eval(b.left(), row)) && truthy(eval(b.right(), row));
        }
        if (b.op().equals("or")) {
            return truthy(eval(b.left(), row)) || truthy(eval(b.right(), row));
        }
        Object l = eval(b.left(), row);
        Object r = eval(b.right(), row);
        switch (b.op()) {
            case "=":
                return equal(l, r);
            case "!=":
                return !equal(l, r);
            default:
                break;
        }
        if (l == null || r == null) {
            return null;
        }
        switch (b.op()) {
            case "+":
                return num(l).add(num(r), MC);
            case "-":
                return num(l).subtract(num(r), MC);
            case "*":
                return num(l).multiply(num(r), MC);
            case "/":
                if (num(r).signum() == 0) {
                    throw new ExprException(-1, "division-by-zero");
                }
                return num(l).divide(num(r), MC);
            case "<":
                return compare(l, r) < 0;
            case "<=":
                return compare(l, r) <= 0;
            case ">":
                return compare(l, r) > 0;
            case ">=":
                return compare(l, r) >= 0;
            default:
                throw new ExprException(-1, "unknown-operator", b.op());
        }
    }

    private Object call(Expr.Call c, Row row) {
        List<Expr> a = c.args();
        switch (c.function()) {
            case "sum":
            case "avg":
            case "min":
            case "max":
                return aggregate(c.function(), a);
            case "count":
                return BigDecimal.valueOf(countRows(tableArg(a), a.size() > 1 ? a.get(1) : null));
            case "abs":
                arity(c, 1);
                Object v = eval(a.get(0), row);
                return v == null ? null : num(v).abs();
            case "round":
                arity(c, 2);
                Object x = eval(a.get(0), row);
                return x == null
                        ? null
                        : num(x).setScale(num(eval(a.get(1), row)).intValue(), RoundingMode.HALF_UP);
            case "ratio":
                arity(c, 2);
                return eval(new Expr.Binary("/", a.get(0), a.get(1)), row);
            default:
                throw new ExprException(-1, "unknown-function", c.function() + "()");
        }
    }

    /**
     * One pass over the rows, nothing collected: an aggregate over a sheet of a million rows holds one
     * running value, not a million. Ties keep the first value met, as a stream's min and max do.
     */
    private Object aggregate(String fn, List<Expr> a) {
        if (a.isEmpty() || !(a.get(0) instanceof Expr.Column col)) {
            throw new ExprException(-1, "needs-column", fn + "()");
        }
        Table t = table(col.table());
        requireField(t, col.field());
        Expr condition = a.size() > 1 ? a.get(1) : null;
        boolean adding = fn.equals("sum") || fn.equals("avg");
        BigDecimal acc = adding ? BigDecimal.ZERO : null;
        long n = 0;
        for (Row r : t.rows()) {
            if (condition != null && !truthy(judged(condition, r))) {
                continue;
            }
            Object v = r.get(col.field());
            if (v == null) {
                continue;
            }
            read(r, col.field(), v);
            BigDecimal x = num(v);
            n++;
            if (adding) {
                acc = acc.add(x, MC);
            } else if (acc == null || (fn.equals("min") ? x.compareTo(acc) < 0 : x.compareTo(acc) > 0)) {
                acc = x;
            }
        }
        if (fn.equals("avg")) {
            return n == 0 ? null : acc.divide(BigDecimal.valueOf(n), MC);
        }
        return acc;
    }

    private long countRows(Table t, Expr condition) {
        if (condition == null) {
            return t.rows().size();
        }
        long n = 0;
        for (Row r : t.rows()) {
            if (truthy(judged(condition, r))) {
                n++;
            }
        }
        return n;
    }

    /** A condition's value, its reads left out: they choose the inputs, they are not inputs. */
    private Object judged(Expr condition, Row r) {
        quiet++;
        try {
            return eval(condition, r);
        } finally {
            quiet--;
        }
    }

    private Table tableArg(List<Expr> a) {
        if (a.isEmpty() || !(a.get(0) instanceof Expr.Name n)) {
            throw new ExprException(-1, "count-needs-table");
        }
        return table(n.name());
    }

    private Table table(String id) {
        // Config checks every table an expression names, so one not in the data is a sheet the workbook lacks.
        return data.findTable(id).orElseThrow(() -> new MissingInputException(id, null, "no-sheet", id));
    }

    private static void requireField(Table t, String field) {
        if (!t.fields().contains(field)) {
            // Config checks every field an expression names, so one not in the table is a column the sheet lacks.
            throw new MissingInputException(t.id(), field, "no-field", t.id(), field);
        }
    }

    private static void arity(Expr.Call c, int n) {
        if (c.args().size() != n) {
            throw new ExprException(-1, "arity", c.function() + "()", n);
        }
    }
}
