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
