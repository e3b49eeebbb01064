package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.RuleConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.Expr;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.expr.ExprWalker;
import dev.briefpipe.expr.MissingInputException;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RuleCode;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need more than one cell: row rules across fields, table checks (totals, shares),
 * rank order, foreign keys and allowed values taken from another sheet. Runs once every sheet is
 * typed. A rule whose inputs are blank is not judged (the missing value is reported on its own).
 */
final class RuleChecker {
    private RuleChecker() {}

    static List<Finding> check(Dataset data, BriefConfig brief) {
        return check(data, brief, Set.of());
    }

    /** @param judged sheet ids whose row-local rules were already judged row by row as they were read */
    static List<Finding> check(Dataset data, BriefConfig brief, Set<String> judged) {
        List<Finding> out = new ArrayList<>();
        ExprEvaluator eval = new ExprEvaluator(data, n -> Optional.empty());
        for (Map.Entry<String, SheetSchema> e : brief.sheets().entrySet()) {
            Optional<Table> table = data.findTable(e.getKey());
            if (table.isEmpty()) {
                continue;
            }
            Table t = table.get();
            SheetSchema schema = e.getValue();
            for (RuleConfig rule : schema.rules()) {
                if (!(judged.contains(e.getKey()) && RowRule.isLocal(rule, schema))) {
                    RowRule r = new RowRule(t.sheet(), schema, rule);
                    t.rows().forEach(row -> r.judge(row, eval, out));
                }
            }
            for (RuleConfig check : schema.checks()) {
                tableCheck(t, check, eval, out);
            }
            SheetOrder.check(t, schema, out);
            schema.columns().forEach((field, spec) -> lookups(t, field, spec, data, brief, out));
        }
        return out;
    }

    /** Significant digits of a computed step shown to a reader. */
    private static final java.math.MathContext SHOWN = new java.math.MathContext(6);

    /** One row rule, parsed once and judged row by row. */
    static final class RowRule {
        private final String sheet;
        private final SheetSchema schema;
        private final RuleConfig rule;
        private final Expr expr;
        private final List<String> fields;
        private final String at;

        RowRule(String sheet, SheetSchema schema, RuleConfig rule) {
            this.sheet = sheet;
            this.schema = schema;
            this.rule = rule;
            this.expr = ExprParser.parse(rule.check());
            this.fields = ExprWalker.collect(expr, Expr.Name.class).stream()
                    .map(Expr.Name::name)
                    .filter(schema.columns()::containsKey)
                    .distinct()
                    .toList();
            this.at = rule.field() != null ? rule.field() : fields.isEmpty() ? null : fields.get(0);
        }

        /** Whether the rule reads only its own row's fields (no other table, no aggregate). */
        static boolean isLocal(RuleConfig rule, SheetSchema schema) {
            Expr e = ExprParser.parse(rule.check());
            return ExprWalker.collect(e, Expr.Lookup.class).isEmpty()
                    && ExprWalker.collect(e, Expr.Column.class).isEmpty()
                    && ExprWalker.collect(e, Expr.Name.class).stream()
                            .allMatch(n -> schema.columns().containsKey(n.name()));
        }

        /**
         * What a reader needs to check a failed rule by hand: every cell of the row it read, with its value,
         * then each step it computed (innermost first) and the result.
         */
        private List<CellRead> reads(Row r, ExprEvaluator eval) {
            List<CellRead> out = new ArrayList<>();
            for (String f : fields) {
                r.cell(f).ifPresent(c -> out.add(CellRead.of(c, r.get(f))));
            }
            List<Expr> steps = new ArrayList<>();
            innermostFirst(expr, steps);
            Set<String> seen = new HashSet<>();
            for (Expr step : steps) {
                String text = ExprWalker.text(step);
                if (seen.add(text)) {
                    Object v;
                    try {
                        v = eval.eval(step, r);
                    } catch (ExprException x) {
                        v = null;
                    }
                    out.add(new CellRead(text, CellRead.text(v instanceof BigDecimal d ? d.round(SHOWN) : v)));
                }
            }
            return out;
        }

        /** The computed steps of {@code e}, each after the steps it is made of. */
        private static void innermostFirst(Expr e, List<Expr> steps) {
            if (e instanceof Expr.Binary b) {
                innermostFirst(b.left(), steps);
                innermostFirst(b.right(), steps);
            } else if (e instanceof Expr.Call c) {
                c.args().forEach(a -> innermostFirst(a, steps));
            } else if (e instanceof Expr.Unary u) {
                innermostFirst(u.operand(), steps);
            } else {
                return;
            }
            steps.add(e);
        }

        void judge(Row r, ExprEvaluator eval, List<Finding> out) {
            for (String f : fields) {
                if (r.get(f) == null) {
                    return;
                }
            }
            Object ok;
            try {
                ok = eval.eval(expr, r);
            } catch (ExprException x) {
                ok = null;
            }
            if (!Boolean.TRUE.equals(ok)) {
                CellRef cell = at == null
                        ? new CellRef(sheet, r.sheetRow(), -1)
                        : r.cell(at).orElseThrow();
                String header = at == null ? "" : schema.columns().get(at).title();
                out.add(new Finding(
                        new RuleCode(rule.code()),
                        severity(rule.severity()),
                        cell,
                        at,
                        header,
                        at == null ? "" : r.text(at),
                        rule.check(),
                        List.of(rule.message() == null ? rule.check() : rule.message()),
                        reads(r, eval)));
            }
        }
    }

    private static void tableCheck(Table t, RuleConfig check, ExprEvaluator eval, List<Finding> out) {
        Object ok;
        Object detail = check.message() == null ? check.check() : check.message();
        try {
            ok = eval.eval(ExprParser.parse(check.check()));
        } catch (MissingInputException x) {
            // A table it needs has no rows: not judged, like a blank input (a row count reports the table).
            ok = null;
        } catch (ExprException x) {
            ok = false;
            detail = Phrase.of("expr.with-reason", detail, x.reason());
        }
        // Null means an input is blank (an empty table's max, say): not judged, like a row rule.
        if (Boolean.FALSE.equals(ok)) {
            out.add(new Finding(
                    new RuleCode(check.code()),
                    severity(check.severity()),
                    CellRef.ofSheet(t.sheet()),
                    "",
                    "",
                    "",
                    check.check(),
                    List.of(detail)));
        }
    }

    /** A column whose values must appear in another sheet's column, and the finding when one does not. */
    private record Lookup(String target, FindingCode code) {}

    /**
     * valuesFrom and references: the value must appear in another sheet's column, which the finding
     * names as the analyst sees it: {@code 특허_발명자국가!국가코드}.
     */
    private static void lookups(
            Table t, String field, ColumnSpec spec, Dataset data, BriefConfig brief, List<Finding> out) {
        for (Lookup kind : List.of(
                new Lookup(spec.valuesFrom(), FindingCode.NOT_ALLOWED),
                new Lookup(spec.references(), FindingCode.FOREIGN_KEY_MISSING))) {
            if (kind.target() == null) {
                continue;
            }
            String[] target = kind.target().split("\\.", 2);
            Optional<Table> other = data.findTable(target[0]);
            if (other.isEmpty()) {
                continue;
            }
            SheetSchema targetSchema = brief.sheets().get(target[0]);
            ColumnSpec targetColumn =
                    targetSchema == null ? null : targetSchema.columns().get(target[1]);
            String where = other.get().sheet() + "!" + (targetColumn == null ? target[1] : targetColumn.title());
            Set<String> allowed = new HashSet<>();
            other.get().rows().forEach(r -> allowed.add(r.text(target[1])));
            for (Row r : t.rows()) {
                if (r.get(field) != null && !allowed.contains(r.text(field))) {
                    out.add(new Finding(
                            kind.code(),
                            Severity.ERROR,
                            r.cell(field).orElseThrow(),
                            field,
                            spec.title(),
                            r.text(field),
                            where,
                            List.of(other.get().sheet())));
                }
            }
        }
    }

    static BigDecimal number(Object v) {
        return v instanceof Long l
                ? BigDecimal.valueOf(l)
                : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    static Severity severity(String s) {
        return "warning".equalsIgnoreCase(s) ? Severity.WARNING : Severity.ERROR;
    }
}
