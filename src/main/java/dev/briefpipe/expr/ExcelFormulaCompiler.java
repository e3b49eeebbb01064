package dev.briefpipe.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates an {@link Expr} into a live Excel formula over the data sheets, so a summary sheet keeps
 * working when an analyst edits a figure: lookups become INDEX/MATCH, conditional aggregates
 * SUMIFS/COUNTIFS, references to other figures become cell references.
 *
 * <p>Conditions must be {@code field op literal} joined by {@code and}; anything else throws
 * {@link ExprException} and the caller writes the value instead of a formula.
 */
public final class ExcelFormulaCompiler {
    private static final Map<String, String> AGG = Map.of("sum", "SUM", "avg", "AVERAGE", "min", "MIN", "max", "MAX");
    private static final Map<String, String> AGG_IFS =
            Map.of("sum", "SUMIFS", "avg", "AVERAGEIFS", "min", "MINIFS", "max", "MAXIFS");
    private final SheetLocator loc;

    public ExcelFormulaCompiler(SheetLocator locator) {
        this.loc = locator;
    }

    /** Where tables and figures live in the workbook being written. Rows are one-based. */
    public interface SheetLocator {
        String sheetName(String table);

        String columnLetters(String table, String field);

        int firstRow(String table);

        int lastRow(String table);

        String keyField(String table);

        boolean numericKey(String table);

        /** The field a lookup without a field refers to. */
        String valueField(String table);

        /** Absolute address ("$B$4") of another figure on the summary sheet, if there is one. */
        java.util.Optional<String> figureCell(String name);
    }

    /** The formula text without the leading "=". */
    public String compile(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value().toPlainString();
        }
        if (e instanceof Expr.Str s) {
            return text(s.value());
        }
        if (e instanceof Expr.Name n) {
            return loc.figureCell(n.name()).orElseThrow(() -> new ExprException(-1, "no-cell", n.name()));
        }
        if (e instanceof Expr.Lookup l) {
            String key = loc.numericKey(l.table()) && isNumber(l.key()) ? l.key() : text(l.key());
            String field = l.field() != null ? l.field() : loc.valueField(l.table());
            return "INDEX(" + range(l.table(), field) + ",MATCH(" + key + ","
                    + range(l.table(), loc.keyField(l.table())) + ",0))";
        }
        if (e instanceof Expr.Unary u && u.op().equals("-")) {
            return "-(" + compile(u.operand()) + ")";
        }
        if (e instanceof Expr.Binary b && "+-*/".contains(b.op())) {
            return "(" + compile(b.left()) + ")" + b.op() + "(" + compile(b.right()) + ")";
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        throw new ExprException(-1, "no-excel-form", String.valueOf(e));
    }

    private String call(Expr.Call c) {
        List<Expr> a = c.args();
        String fn = c.function();
        if (AGG.containsKey(fn) && !a.isEmpty() && a.get(0) instanceof Expr.Column col) {
            String values = range(col.table(), col.field());
            if (a.size() == 1) {
                return AGG.get(fn) + "(" + values + ")";
            }
            return AGG_IFS.get(fn) + "(" + values + "," + criteria(col.table(), a.get(1)) + ")";
        }
        if (fn.equals("count") && !a.isEmpty() && a.get(0) instanceof Expr.Name t) {
            String table = t.name();
            if (a.size() == 1) {
                return "ROWS(" + range(table, loc.keyField(table)) + ")";
            }
            return "COUNTIFS(" + criteria(table, a.get(1)) + ")";
        }
        if (fn.equals("abs") && a.size() == 1) {
            return "ABS(" + compile(a.get(0)) + ")";
        }
        if (fn.equals("round") && a.size() == 2) {
            return "ROUND(" + compile(a.get(0)) + "," + compile(a.get(1)) + ")";
        }
        if (fn.equals("ratio") && a.size() == 2) {
            return "(" + compile(a.get(0)) + ")/(" + compile(a.get(1)) + ")";
        }
        throw new ExprException(-1, "no-excel-form", fn + "()");
    }

    private String criteria(String table, Expr condition) {
        List<String> parts = new ArrayList<>();
        addCriteria(table, condition, parts);
        return String.join(",", parts);
    }

    private void addCriteria(String table, Expr condition, List<String> out) {
        if (condition instanceof Expr.Binary b && b.op().equals("and")) {
            addCriteria(table, b.left(), out);
            addCriteria(table, b.right(), out);
            return;
        }
        if (condition instanceof Expr.Binary b
                && b.left() instanceof Expr.Name field
                && (b.right() instanceof Expr.Str || b.right() instanceof Expr.Num)) {
            String literal = b.right() instanceof Expr.Str s
                    ? s.value()
                    : ((Expr.Num) b.right()).value().toPlainString();
            String op = b.op().equals("=") ? "" : b.op().equals("!=") ? "<>" : b.op();
            out.add(range(table, field.name()));
            boolean numeric = b.right() instanceof Expr.Num;
            out.add(op.isEmpty() && numeric ? literal : text(op + literal));
            return;
        }
        throw new ExprException(-1, "no-excel-condition", String.valueOf(condition));
    }

    private String range(String table, String field) {
        String col = loc.columnLetters(table, field);
        return sheetRef(loc.sheetName(table)) + "!$" + col + "$" + loc.firstRow(table) + ":$" + col + "$"
                + loc.lastRow(table);
    }

    /** 'Sheet name' quoted for a formula, inner quotes doubled. */
    public static String sheetRef(String sheet) {
        return "'" + sheet.replace("'", "''") + "'";
    }

    private static String text(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
