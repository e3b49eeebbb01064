package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RuleCode;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The orders a sheet's rows must keep: ranks by a value ({@code rankOrder}), a column's values going up. */
final class SheetOrder {
    private SheetOrder() {}

    static void check(Table t, SheetSchema schema, List<Finding> out) {
        if (schema.rankOrder() != null) {
            rankOrder(t, schema, out);
        }
        schema.columns().forEach((field, spec) -> {
            if (spec.ascending()) {
                rowOrder(t, field, spec, out);
            }
        });
    }

    private static void rankOrder(Table t, SheetSchema schema, List<Finding> out) {
        SheetSchema.RankOrder o = schema.rankOrder();
        List<Row> ranked = new ArrayList<>(t.rows().stream()
                .filter(r -> r.get(o.rank()) != null && r.get(o.by()) != null)
                .toList());
        ranked.sort(Comparator.comparing(r -> RuleChecker.number(r.get(o.rank()))));
        boolean desc = !"asc".equals(o.direction());
        for (int i = 1; i < ranked.size(); i++) {
            int cmp = RuleChecker.number(ranked.get(i).get(o.by()))
                    .compareTo(RuleChecker.number(ranked.get(i - 1).get(o.by())));
            if (desc ? cmp > 0 : cmp < 0) {
                Row r = ranked.get(i);
                out.add(new Finding(
                        new RuleCode(o.code()),
                        RuleChecker.severity(o.severity()),
                        r.cell(o.rank()).orElseThrow(),
                        o.rank(),
                        schema.columns().get(o.rank()).title(),
                        r.text(o.rank()),
                        o.by() + " " + o.direction(),
                        List.of(ranked.get(i - 1).text(o.rank()), o.by())));
            }
        }
    }

    /**
     * A column whose values go up down the sheet (a bullet's number, in a sheet printed in its rows'
     * order): the first row out of that order, as a sort by another column leaves them.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void rowOrder(Table t, String field, ColumnSpec spec, List<Finding> out) {
        Row before = null;
        for (Row r : t.rows()) {
            if (r.get(field) instanceof Comparable v) {
                if (before != null && v.compareTo(before.get(field)) < 0) {
                    out.add(new Finding(
                            FindingCode.ROW_ORDER,
                            Severity.WARNING,
                            r.cell(field).orElseThrow(),
                            field,
                            spec.title(),
                            r.text(field),
                            "",
                            List.of(before.text(field))));
                    return;
                }
                before = r;
            }
        }
    }
}
