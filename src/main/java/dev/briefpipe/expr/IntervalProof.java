package dev.briefpipe.expr;

import dev.briefpipe.model.Row;
import java.math.BigDecimal;

/**
 * A quick proof that a row rule holds, in double intervals: each number becomes an interval sure to
 * hold the decimal {@link ExprEvaluator} would compute, so a comparison decided on the intervals is
 * decided the same way there. When it cannot prove the rule (a value near the limit, a blank, text,
 * a divisor that may be zero, anything but numbers, + - * /, abs and comparisons), it says so and the
 * exact evaluation decides. Rules hold on nearly every row; proving those takes a few double
 * operations instead of 16-digit decimal division.
 *
 * <p>Soundness: a value is converted to the nearest double and widened by one ulp each way. Each
 * operation rounds its bounds outward, then widens them by 10⁻¹⁵ of their size: the evaluator rounds
 * every result to 16 significant digits ({@link java.math.MathContext#DECIMAL64}), which moves it by at
 * most 5·10⁻¹⁶ of itself. Not thread-safe: one per checking thread.
 */
public final class IntervalProof {
    private static final double DECIMAL64_ROUNDING = 1e-15;

    private final Node root;

    private IntervalProof(Node root) {
        this.root = root;
    }

    /** The proof for a rule, or null when the rule uses something it does not cover. */
    public static IntervalProof of(Expr rule) {
        Node n = node(rule);
        return n instanceof Test ? new IntervalProof(n) : null;
    }

    /** True only when the rule certainly evaluates to true on this row; false says nothing. */
    public boolean holds(Row row) {
        return ((Test) root).decide(row) == TRUE;
    }

    private static final int TRUE = 1;
    private static final int FALSE = 0;
    private static final int UNKNOWN = -1;

    private interface Node {}

    /** A comparison or a logical operation: TRUE, FALSE, or UNKNOWN (not decided, or may fail). */
    private interface Test extends Node {
        int decide(Row row);
    }

    /** A number: its bounds go to lo[0] and hi[0]; false when they cannot be given. */
    private abstract static class Num implements Node {
        double lo;
        double hi;

        abstract boolean bounds(Row row);
    }

    private static Node node(Expr e) {
        if (e instanceof Expr.Num n) {
            Constant c = new Constant(n.value());
            return c.ok ? c : null;
        }
        if (e instanceof Expr.Name n) {
            return new Field(n.name());
        }
        if (e instanceof Expr.Unary u) {
            Node operand = node(u.operand());
            if (u.op().equals("not")) {
                return operand instanceof Test t ? new Not(t) : null;
            }
            return operand instanceof Num x ? new Sign(false, x) : null;
        }
        if (e instanceof Expr.Call c && c.function().equals("abs") && c.args().size() == 1) {
            return node(c.args().get(0)) instanceof Num x ? new Sign(true, x) : null;
        }
        if (e instanceof Expr.Binary b) {
            Node l = node(b.left());
            Node r = node(b.right());
            if (l == null || r == null) {
                return null;
            }
            switch (b.op()) {
                case "and", "or" -> {
                    return l instanceof Test lt && r instanceof Test rt
                            ? new Logic(b.op().equals("and"), lt, rt)
                            : null;
                }
                case "+", "-", "*", "/" -> {
                    return l instanceof Num ln && r instanceof Num rn ? new Arithmetic(b.op().charAt(0), ln, rn) : null;
                }
                case "<", "<=", ">", ">=", "!=" -> {
                    return l instanceof Num ln && r instanceof Num rn ? new Compare(b.op(), ln, rn) : null;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** Bounds sure to hold {@code v} (a row value or literal), or false for what is not a number. */
    private static boolean around(Object v, Num into) {
        double d;
        if (v instanceof BigDecimal b) {
            d = b.doubleValue();
        } else if (v instanceof Long l) {
            d = l;
        } else if (v instanceof Integer i) {
            d = i;
        } else if (v instanceof Double x) {
            d = x;
        } else {
            return false;
        }
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return false;
        }
        into.lo = Math.nextDown(d);
        into.hi = Math.nextUp(d);
        return true;
    }

    private static final class Constant extends Num {
        final boolean ok;

        Constant(BigDecimal value) {
            ok = around(value, this);
        }

        @Override
        boolean bounds(Row row) {
            return true;
        }
    }

    private static final class Field extends Num {
        final String name;

        Field(String name) {
            this.name = name;
        }

        @Override
        boolean bounds(Row row) {
            return around(row.get(name), this);
        }
    }

    /** Minus, or abs(): both exact in the evaluator (no rounding), so the bounds move as they are. */
    private static final class Sign extends Num {
        final boolean abs;
        final Num x;

        Sign(boolean abs, Num x) {
            this.abs = abs;
            this.x = x;
        }

        @Override
        boolean bounds(Row row) {
            if (!x.bounds(row)) {
                return false;
            }
            if (abs && x.lo >= 0) {
                lo = x.lo;
                hi = x.hi;
            } else if (!abs || x.hi <= 0) {
                lo = -x.hi;
                hi = -x.lo;
            } else {
                lo = 0;
                hi = Math.max(-x.lo, x.hi);
            }
            return true;
        }
    }

    private static final class Arithmetic extends Num {
        final char op;
        final Num l;
        final Num r;

        Arithmetic(char op, Num l, Num r) {
            this.op = op;
            this.l = l;
            this.r = r;
        }

        @Override
        boolean bounds(Row row) {
            if (!l.bounds(row) || !r.bounds(row)) {
                return false;
            }
            double a;
            double b;
            switch (op) {
                case '+' -> {
                    a = l.lo + r.lo;
                    b = l.hi + r.hi;
                }
                case '-' -> {
                    a = l.lo - r.hi;
                    b = l.hi - r.lo;
                }
                case '*' -> {
                    double p1 = l.lo * r.lo;
                    double p2 = l.lo * r.hi;
                    double p3 = l.hi * r.lo;
                    double p4 = l.hi * r.hi;
                    a = Math.min(Math.min(p1, p2), Math.min(p3, p4));
                    b = Math.max(Math.max(p1, p2), Math.max(p3, p4));
                }
                default -> {
                    // A divisor that may be zero: the evaluator would stop with an error there.
                    if (r.lo <= 0 && r.hi >= 0) {
                        return false;
                    }
                    double q1 = l.lo / r.lo;
                    double q2 = l.lo / r.hi;
                    double q3 = l.hi / r.lo;
                    double q4 = l.hi / r.hi;
                    a = Math.min(Math.min(q1, q2), Math.min(q3, q4));
                    b = Math.max(Math.max(q1, q2), Math.max(q3, q4));
                }
            }
            // Outward: the double operation's own rounding, then the evaluator's 16-digit rounding.
            lo = Math.nextDown(Math.nextDown(a) - Math.abs(a) * DECIMAL64_ROUNDING);
            hi = Math.nextUp(Math.nextUp(b) + Math.abs(b) * DECIMAL64_ROUNDING);
            return !Double.isNaN(lo) && !Double.isNaN(hi) && !Double.isInfinite(lo) && !Double.isInfinite(hi);
        }
    }

    private record Compare(String op, Num l, Num r) implements Test {
        @Override
        public int decide(Row row) {
            if (!l.bounds(row) || !r.bounds(row)) {
                return UNKNOWN;
            }
            switch (op) {
                case "<" -> {
                    return l.hi < r.lo ? TRUE : l.lo >= r.hi ? FALSE : UNKNOWN;
                }
                case "<=" -> {
                    return l.hi <= r.lo ? TRUE : l.lo > r.hi ? FALSE : UNKNOWN;
                }
                case ">" -> {
                    return l.lo > r.hi ? TRUE : l.hi <= r.lo ? FALSE : UNKNOWN;
                }
                case ">=" -> {
                    return l.lo >= r.hi ? TRUE : l.hi < r.lo ? FALSE : UNKNOWN;
                }
                default -> {
                    // "!=": only disjoint bounds are surely different; equal decimals cannot be proved here.
                    return l.hi < r.lo || r.hi < l.lo ? TRUE : UNKNOWN;
                }
            }
        }
    }

    private record Not(Test x) implements Test {
        @Override
        public int decide(Row row) {
            int v = x.decide(row);
            return v == UNKNOWN ? UNKNOWN : 1 - v;
        }
    }

    /** and/or as the evaluator runs them: the left side first, the right only when it matters. */
    private record Logic(boolean and, Test l, Test r) implements Test {
        @Override
        public int decide(Row row) {
            int a = l.decide(row);
            if (a == UNKNOWN) {
                return UNKNOWN;
            }
            if (and ? a == FALSE : a == TRUE) {
                return a;
            }
            return r.decide(row);
        }
    }
}
