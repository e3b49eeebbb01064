package dev.briefpipe.expr;

import java.math.BigDecimal;
import java.util.Objects;

/** How expression values are read as numbers, truth values and orderings. */
final class ExprValues {
    private ExprValues() {}

    static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v != null;
    }

    static boolean equal(Object l, Object r) {
        if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return Objects.equals(l == null ? null : l.toString(), r == null ? null : r.toString());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object l, Object r) {
        if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (l instanceof Comparable a && l.getClass().isInstance(r)) {
            return a.compareTo(r);
        }
        return l.toString().compareTo(r.toString());
    }

    /** Long and BigDecimal become BigDecimal; other values are returned as they are. */
    static Object number(Object v) {
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return v;
    }

    static BigDecimal num(Object v) {
        Object n = number(v);
        if (n instanceof BigDecimal b) {
            return b;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ExprException(-1, "not-a-number", String.valueOf(v));
        }
    }
}
