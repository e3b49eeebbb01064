package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bar chart draws one bar per category. Rows that share a category add up into its bar when their
 * value is a count or an amount (an integer or decimal column), as a pivot chart does; a percent or a
 * computed value cannot be added, nor can bars of two series be one bar, so such a repeat is an error
 * at the repeated cell: the chart would show one of the rows and drop the others.
 */
public final class RepeatedBars {
    private RepeatedBars() {}

    public static List<Finding> check(BriefConfig brief, Dataset data) {
        List<Finding> findings = new ArrayList<>();
        for (LayoutBlock block : brief.layout()) {
            if (!(block instanceof LayoutBlock.Chart c) || "timeline".equals(c.kind())) {
                continue;
            }
            Table table = data.findTable(c.sheet()).orElse(null);
            SheetSchema schema = brief.sheets().get(c.sheet());
            if (table == null || schema == null) {
                continue;
            }
            ColumnSpec value = schema.columns().get(c.value());
            boolean adds = value != null && (value.type() == ColumnType.INTEGER || value.type() == ColumnType.DECIMAL);
            String where = brief.editorial().caption(data, c.id(), c.caption(), "caption");
            Map<String, Row> first = new HashMap<>();
            for (Row r : table.rows()) {
                String category = r.text(c.category());
                if (r.get(c.value()) == null) {
                    continue; // not drawn
                }
                Row earlier = first.putIfAbsent(category, r);
                if (earlier == null
                        || (adds
                                && (c.series() == null
                                        || Objects.equals(r.text(c.series()), earlier.text(c.series()))))) {
                    continue;
                }
                CellRef at = r.cell(c.category()).orElse(new CellRef(table.sheet(), r.sheetRow(), -1));
                CellRef before = earlier.cell(c.category()).orElse(new CellRef(table.sheet(), earlier.sheetRow(), -1));
                findings.add(new Finding(
                        FindingCode.CHART_CATEGORY_REPEATED,
                        Severity.ERROR,
                        at,
                        c.category(),
                        "",
                        category,
                        "",
                        List.of(before.excel(), where != null ? where : c.sheet(), adds ? 1 : 0)));
            }
        }
        return findings;
    }
}
