package dev.briefpipe.config;

import dev.briefpipe.expr.Expr;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.expr.ExprWalker;
import java.util.HashSet;
import java.util.Set;

/** What a brief's fields and expressions refer to: declared sheets, their fields, names in scope. */
final class ConfigReferences {
    private final BriefConfig brief;
    private final ConfigProblems problems;

    ConfigReferences(BriefConfig brief, ConfigProblems problems) {
        this.brief = brief;
        this.problems = problems;
    }

    /** Checks that {@code sheetId} is a declared sheet holding every given field. */
    void fields(String at, String key, String sheetId, String... fields) {
        if (sheetId == null) {
            problems.add(at, "missing-key", key);
            return;
        }
        SheetSchema s = brief.sheets().get(sheetId);
        if (s == null) {
            problems.add(
                    at + "/" + key,
                    "unknown-sheet",
                    sheetId,
                    String.join(", ", brief.sheets().keySet()));
            return;
        }
        for (String f : fields) {
            if (f == null) {
                problems.add(at, "missing-key", "category/value");
            } else if (!s.columns().containsKey(f) && !s.derived().containsKey(f)) {
                problems.add(
                        at,
                        "unknown-field",
                        f,
                        sheetId,
                        String.join(", ", s.columns().keySet()));
            }
        }
    }

    /** Parses an expression and checks every table, key field and name it uses. */
    void expression(String at, String text, Set<String> names) {
        if (text == null) {
            problems.add(at, "missing-key", "expr");
            return;
        }
        Expr e;
        try {
            e = ExprParser.parse(text);
        } catch (ExprException ex) {
            problems.add(at, "bad-expr", text, ex.reason(), ex.offset() + 1);
            return;
        }
        Set<String> tableArgs = new HashSet<>();
        for (Expr.Call c : ExprWalker.collect(e, Expr.Call.class)) {
            if (c.function().equals("count") && !c.args().isEmpty() && c.args().get(0) instanceof Expr.Name n) {
                tableArgs.add(n.name());
                table(at, n.name(), null);
            }
        }
        for (Expr.Lookup l : ExprWalker.collect(e, Expr.Lookup.class)) {
            SheetSchema s = table(at, l.table(), l.field());
            if (s != null && s.key().size() != 1) {
                problems.add(at, "lookup-needs-key", l.table());
            }
            if (s != null && l.field() == null && s.value() == null) {
                problems.add(at, "lookup-needs-value", l.table());
            }
        }
        for (Expr.Column c : ExprWalker.collect(e, Expr.Column.class)) {
            table(at, c.table(), c.field());
        }
        Set<String> rowFields = new HashSet<>(names);
        ExprWalker.collect(e, Expr.Call.class).stream()
                .flatMap(c -> c.args().stream())
                .flatMap(a -> ExprWalker.collect(a, Expr.Column.class).stream())
                .forEach(c -> {
                    SheetSchema s = brief.sheets().get(c.table());
                    if (s != null) {
                        rowFields.addAll(s.columns().keySet());
                    }
                });
        for (String t : tableArgs) {
            SheetSchema s = brief.sheets().get(t);
            if (s != null) {
                rowFields.addAll(s.columns().keySet());
            }
        }
        for (Expr.Name n : ExprWalker.collect(e, Expr.Name.class)) {
            if (!tableArgs.contains(n.name()) && !rowFields.contains(n.name())) {
                problems.add(at, "unknown-name", n.name(), text);
            }
        }
    }

    SheetSchema table(String at, String table, String field) {
        SheetSchema s = brief.sheets().get(table);
        if (s == null) {
            problems.add(
                    at, "unknown-sheet", table, String.join(", ", brief.sheets().keySet()));
            return null;
        }
        if (field != null && !s.columns().containsKey(field)) {
            problems.add(
                    at,
                    "unknown-field",
                    field,
                    table,
                    String.join(", ", s.columns().keySet()));
        }
        return s;
    }
}
