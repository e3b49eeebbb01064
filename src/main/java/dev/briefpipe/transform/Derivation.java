package dev.briefpipe.transform;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.Expr;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.expr.ExprWalker;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.DerivedRows;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sheet's derived fields ({@code derived:} in its schema), each computed from its row. A field that
 * reads a column the sheet lacks is blank in every row, as it is in a row whose cell is blank: the
 * missing column is the one finding, not a row's error for every field that reads it.
 */
final class Derivation {
    private Derivation() {}

    static Dataset derive(Dataset data, BriefConfig brief, List<Finding> findings) {
        List<Table> out = new ArrayList<>();
        ExprEvaluator eval = new ExprEvaluator(data, name -> Optional.empty());
        for (Table t : data.tables()) {
            SheetSchema schema = brief.sheets().get(t.id());
            if (schema == null || schema.derived().isEmpty()) {
                out.add(t);
                continue;
            }
            Set<String> lacking = new HashSet<>(schema.columns().keySet());
            lacking.removeAll(t.fields());
            Map<String, Expr> exprs = new LinkedHashMap<>(); // the fields that can be computed
            schema.derived().forEach((field, d) -> {
                Expr e = ExprParser.parse(d.expr());
                if (ExprWalker.collect(e, Expr.Name.class).stream().noneMatch(n -> lacking.contains(n.name()))) {
                    exprs.put(field, e);
                }
            });
            // Every row is derived once for its findings, then again only when asked for: a large
            // sheet's derived values are never all held at once.
            for (Row r : t.rows()) {
                deriveRow(t, r, exprs, eval, findings, brief);
            }
            List<Row> rows = new DerivedRows(t.rows(), r -> deriveRow(t, r, exprs, eval, null, brief));
            List<String> fields = new ArrayList<>(t.fields());
            List<Integer> cols = new ArrayList<>(t.columns());
            for (String f : schema.derived().keySet()) {
                fields.add(f);
                cols.add(-1);
            }
            out.add(t.withRows(fields, cols, rows));
        }
        return new Dataset(out);
    }

    /** The row with its derived fields; what cannot be computed goes to {@code findings} (when given). */
    private static Row deriveRow(
            Table t, Row r, Map<String, Expr> exprs, ExprEvaluator eval, List<Finding> findings, BriefConfig brief) {
        Map<String, Object> values = new HashMap<>(r.values());
        for (Map.Entry<String, Expr> e : exprs.entrySet()) {
            try {
                Object v = eval.eval(e.getValue(), r);
                if (v != null) {
                    values.put(e.getKey(), v);
                }
            } catch (ExprException ex) {
                if (findings != null) {
                    findings.add(new Finding(
                            FindingCode.DERIVED_FAILED,
                            Severity.ERROR,
                            new CellRef(t.sheet(), r.sheetRow(), -1),
                            e.getKey(),
                            e.getKey(),
                            "",
                            "",
                            List.of(TemplateResolver.reason(ex, brief))));
                }
            }
        }
        return new Row(r.sheetRow(), values, new LinkedHashMap<>(r.cells()));
    }
}
