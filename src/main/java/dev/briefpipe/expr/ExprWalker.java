package dev.briefpipe.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Visits every node of an expression tree, parents before children. */
public final class ExprWalker {
    private ExprWalker() {}

    public static void walk(Expr e, Consumer<Expr> visitor) {
        visitor.accept(e);
        if (e instanceof Expr.Call c) {
            c.args().forEach(a -> walk(a, visitor));
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), visitor);
            walk(b.right(), visitor);
        } else if (e instanceof Expr.Unary u) {
            walk(u.operand(), visitor);
        }
    }

    /** The expression written back as text, with only the brackets its reading needs. */
    public static String text(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value().toPlainString();
        }
        if (e instanceof Expr.Str s) {
            return "'" + s.value() + "'";
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Lookup l) {
            return l.table() + "[" + l.key() + "]" + (l.field() == null ? "" : "." + l.field());
        }
        if (e instanceof Expr.Column c) {
            return c.table() + "." + c.field();
        }
        if (e instanceof Expr.Call c) {
            return c.function() + "("
                    + String.join(", ", c.args().stream().map(ExprWalker::text).toList()) + ")";
        }
        if (e instanceof Expr.Unary u) {
            String inner = u.operand() instanceof Expr.Binary ? "(" + text(u.operand()) + ")" : text(u.operand());
            return u.op().equals("not") ? "not " + inner : "-" + inner;
        }
        Expr.Binary b = (Expr.Binary) e;
        int p = precedence(b.op());
        String left =
                b.left() instanceof Expr.Binary l && precedence(l.op()) < p ? "(" + text(l) + ")" : text(b.left());
        String right =
                b.right() instanceof Expr.Binary r && precedence(r.op()) <= p ? "(" + text(r) + ")" : text(b.right());
        return left + " " + b.op() + " " + right;
    }

    private static int precedence(String op) {
        return switch (op) {
            case "or" -> 1;
            case "and" -> 2;
            case "+", "-" -> 4;
            case "*", "/" -> 5;
            default -> 3;
        };
    }

    /** All nodes of the given type, in visiting order. */
    public static <T extends Expr> List<T> collect(Expr e, Class<T> type) {
        List<T> out = new ArrayList<>();
        walk(e, n -> {
            if (type.isInstance(n)) {
                out.add(type.cast(n));
            }
        });
        return out;
    }
}
