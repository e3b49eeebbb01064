package dev.briefpipe.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for {@link Expr}. Precedence, lowest first: {@code or}, {@code and},
 * {@code not}, comparisons, {@code + -}, {@code * /}, unary minus.
 *
 * <p>Throws {@link ExprException} with the zero-based offset of the problem. Stateless apart from
 * one instance per call; thread-safe through {@link #parse(String)}.
 */
public final class ExprParser {
    private final String src;
    private int pos;

    private ExprParser(String src) {
        this.src = src;
    }

    public static Expr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ExprException(0, "empty");
        }
        ExprParser p = new ExprParser(text);
        Expr e = p.or();
        p.skipSpace();
        if (p.pos < p.src.length()) {
            throw new ExprException(p.pos, "unexpected", String.valueOf(p.src.charAt(p.pos)));
        }
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (keyword("or")) {
            left = new Expr.Binary("or", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (keyword("and")) {
            left = new Expr.Binary("and", left, not());
        }
        return left;
    }

    private Expr not() {
        if (keyword("not")) {
            return new Expr.Unary("not", not());
        }
        return comparison();
    }

    private Expr comparison() {
        Expr left = additive();
        skipSpace();
        for (String op : new String[] {"<=", ">=", "!=", "<>", "==", "=", "<", ">"}) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                String norm = op.equals("<>") ? "!=" : op.equals("==") ? "=" : op;
                return new Expr.Binary(norm, left, additive());
            }
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            skipSpace();
            if (peek('+') || peek('-')) {
                String op = String.valueOf(src.charAt(pos++));
                left = new Expr.Binary(op, left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (true) {
            skipSpace();
            if (peek('*') || peek('/')) {
                String op = String.valueOf(src.charAt(pos++));
                left = new Expr.Binary(op, left, unary());
            } else {
                return left;
            }
        }
    }

    private Expr unary() {
        skipSpace();
        if (peek('-')) {
            pos++;
            return new Expr.Unary("-", unary());
        }
        return primary();
    }

    private Expr primary() {
        skipSpace();
        if (pos >= src.length()) {
            throw new ExprException(pos, "ends-early");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            Expr e = or();
            expect(')');
            return e;
        }
        if (c == '\'' || c == '"') {
            return new Expr.Str(quoted());
        }
        if (Character.isDigit(c) || c == '.') {
            return new Expr.Num(number());
        }
        if (isIdentStart(c)) {
            String name = ident();
            skipSpace();
            if (peek('(')) {
                pos++;
                return new Expr.Call(name.toLowerCase(Locale.ROOT), arguments());
            }
            if (peek('[')) {
                pos++;
                String key = keyText();
                expect(']');
                skipSpace();
                if (peek('.')) {
                    pos++;
                    return new Expr.Lookup(name, key, ident());
                }
                return new Expr.Lookup(name, key, null);
            }
            if (peek('.')) {
                pos++;
                return new Expr.Column(name, ident());
            }
            return new Expr.Name(name);
        }
        throw new ExprException(pos, "unexpected", String.valueOf(c));
    }

    private List<Expr> arguments() {
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            pos++;
            return args;
        }
        do {
            args.add(or());
            skipSpace();
        } while (peek(',') && pos++ >= 0);
        expect(')');
        return args;
    }

    private String keyText() {
        skipSpace();
        if (peek('\'') || peek('"')) {
            String k = quoted();
            skipSpace();
            return k;
        }
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != ']') {
            pos++;
        }
        String k = src.substring(start, pos).trim();
        if (k.isEmpty()) {
            throw new ExprException(start, "empty-key");
        }
        return k;
    }

    private String quoted() {
        char q = src.charAt(pos++);
        int start = pos;
        while (pos < src.length() && src.charAt(pos) != q) {
            pos++;
        }
        if (pos >= src.length()) {
            throw new ExprException(start - 1, "unclosed-quote");
        }
        return src.substring(start, pos++);
    }

    private BigDecimal number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        try {
            return new BigDecimal(src.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new ExprException(start, "bad-number", src.substring(start, pos));
        }
    }

    private String ident() {
        skipSpace();
        int start = pos;
        if (pos >= src.length() || !isIdentStart(src.charAt(pos))) {
            throw new ExprException(pos, "name-expected");
        }
        while (pos < src.length() && (isIdentStart(src.charAt(pos)) || Character.isDigit(src.charAt(pos)))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private boolean keyword(String word) {
        skipSpace();
        int end = pos + word.length();
        if (src.regionMatches(true, pos, word, 0, word.length())
                && (end >= src.length() || !(isIdentStart(src.charAt(end)) || Character.isDigit(src.charAt(end))))) {
            pos = end;
            return true;
        }
        return false;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private boolean peek(char c) {
        return pos < src.length() && src.charAt(pos) == c;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw new ExprException(pos, "expected", String.valueOf(c));
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }
}
