package dev.briefpipe.expr;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed briefpipe expression: the small language used for key figures, derived columns and rules.
 *
 * <pre>
 *   patents[CN].families                    one cell, found by the table's key
 *   sum(patents.families)                   an aggregate over a column
 *   count(applicants, country_code = 'CN')  an aggregate over rows that match a condition
 *   cn_families / us_families               arithmetic on other figures (or, in a row, on its fields)
 * </pre>
 */
public sealed interface Expr {

    /** A number literal. */
    record Num(BigDecimal value) implements Expr {}

    /** A string literal ('…' or "…"). */
    record Str(String value) implements Expr {}

    /** A bare name: a field of the current row, another figure, or (as an aggregate's first argument) a table. */
    /** A name; held interned, so that a row's field is found by identity (a rule reads it once a row). */
    record Name(String name) implements Expr {
        public Name {
            name = name.intern();
        }
    }

    /**
     * {@code table[key].field}: the field of the row whose key is {@code key}; {@code table[key]} alone
     * (field null) means the table's value field.
     */
    record Lookup(String table, String key, String field) implements Expr {}

    /** {@code table.field}: a whole column, only meaningful inside an aggregate. */
    record Column(String table, String field) implements Expr {}

    /** A function call such as {@code sum(...)} or {@code abs(...)}. */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A binary operation: + - * / = != &lt; &lt;= &gt; &gt;= and or. */
    record Binary(String op, Expr left, Expr right) implements Expr {}

    /** Unary minus or {@code not}. */
    record Unary(String op, Expr operand) implements Expr {}
}
