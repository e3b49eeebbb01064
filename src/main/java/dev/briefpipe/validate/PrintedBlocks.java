package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import dev.briefpipe.model.ValidationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the PDF's figures, tables and lists will show of their rows. One with no row to show (its
 * sheet empty this month, which its schema allows) is a warning at the sheet: it would print empty.
 * A bar chart draws one bar per category (per category and series, or column of its values), and none for a
 * row whose value is blank (a warning at the cell: the row goes missing from the chart); a row drawn
 * with its category blank is a warning at that cell (its bar or marker has no name). Rows that share
 * a bar add up into it when their value is a count or an amount (an integer or decimal column), as a
 * pivot chart does; a percent or a computed value cannot be added, so such a repeat is an error at
 * the repeated cell: the chart would show one of the rows and drop the others.
 */
public final class PrintedBlocks {
    private PrintedBlocks() {}

    public static List<Finding> check(BriefConfig brief, Dataset data) {
        List<Finding> findings = new ArrayList<>();
        for (LayoutBlock block : brief.layout()) {
            String sheet = block instanceof LayoutBlock.Chart c
                    ? c.sheet()
                    : block instanceof LayoutBlock.Table t
                            ? t.sheet()
                            : block instanceof LayoutBlock.ListBlock l ? l.sheet() : null;
            Table table = sheet == null ? null : data.findTable(sheet).orElse(null);
            SheetSchema schema = sheet == null ? null : brief.sheets().get(sheet);
            if (table == null || (table.rows().isEmpty() && schema != null && schema.requiresRows())) {
                continue; // no sheet, or too few rows: that is the error (row-count) to tell
            }
            List<String> drawn = block instanceof LayoutBlock.Chart c ? c.drawn() : List.of();
            if (table.rows().stream()
                    .allMatch(r -> !drawn.isEmpty() && drawn.stream().allMatch(v -> v != null && r.get(v) == null))) {
                findings.add(new Finding(
                        FindingCode.PRINTED_EMPTY,
                        Severity.WARNING,
                        CellRef.ofSheet(table.sheet()),
                        "",
                        "",
                        "",
                        "",
                        List.of(where(brief, data, block))));
            } else if (block instanceof LayoutBlock.Chart c && !missingColumn(c, schema, table)) {
                String where = where(brief, data, c);
                for (Row r : table.rows()) { // drawn, but with no name beside it
                    String v = c.drawn().stream()
                            .filter(f -> r.get(f) != null)
                            .findFirst()
                            .orElse(null);
                    if (v != null && r.get(c.category()) == null) {
                        findings.add(warning(
                                FindingCode.CHART_LABEL_BLANK, table, r, c.category(), schema, r.text(v), where));
                    }
                }
                if (!"timeline".equals(c.kind())) {
                    bars(c, schema, table, where, findings);
                }
            }
        }
        return findings;
    }

    /**
     * Whether a column the chart draws from is missing from its sheet's header: that one finding
     * (column-missing or column-renamed) is the error, not each row's blank or repeat that follows from it.
     */
    private static boolean missingColumn(LayoutBlock.Chart c, SheetSchema schema, Table table) {
        return schema != null
                && Stream.concat(c.drawn().stream(), Stream.of(c.category(), c.series()))
                        .filter(Objects::nonNull)
                        .anyMatch(f -> schema.columns().containsKey(f)
                                && table.columnOf(f).isEmpty());
    }

    /**
     * A blank the PDF would show at a cell already in error (a required value missing, a number that is
     * not one), a row it would leave out for the section its cell names wrong (a 장 not in 목차), or a
     * placeholder or key figure with no value because the cell it reads is one of these: the error
     * tells it, once, at its cell.
     */
    public static Predicate<Finding> toldBy(ValidationReport report) {
        Set<CellRef> wrong = report.findings().stream()
                .filter(Finding::isError)
                .map(Finding::at)
                .collect(Collectors.toSet());
        Set<String> named = wrong.stream().map(CellRef::excel).collect(Collectors.toSet());
        return f -> f.code() instanceof FindingCode code
                && switch (code) {
                    case BAR_BLANK, FIGURE_BLANK, CHART_LABEL_BLANK, ROW_UNPRINTED -> wrong.contains(f.at());
                    case PLACEHOLDER_INVALID, FIGURE_FAILED ->
                        f.args().stream().anyMatch(a -> a instanceof Phrase p && named.contains(blankCell(p)));
                    default -> false;
                };
    }

    /** The cell a reason says was read blank ("읽는 셀 X이(가) 비어 있거나…"), or null. */
    private static String blankCell(Phrase reason) {
        return switch (reason.key()) {
            case "expr.blank-cell" -> String.valueOf(reason.args().get(0));
            case "expr.figure-blank-cell" -> String.valueOf(reason.args().get(1));
            default -> null;
        };
    }

    /** The block as readers know it: its caption (the layout's or the workbook's), title, or sheet. */
    public static String where(BriefConfig brief, Dataset data, LayoutBlock block) {
        String caption = null;
        String fallback = null;
        if (block instanceof LayoutBlock.Chart c) {
            caption = brief.editorial().caption(data, c.id(), c.caption(), "caption");
            fallback = c.sheet();
        } else if (block instanceof LayoutBlock.Table t) {
            caption = brief.editorial().caption(data, t.id(), t.caption(), "caption");
            fallback = t.title() != null ? t.title() : t.sheet();
        } else if (block instanceof LayoutBlock.ListBlock l) {
            fallback = l.title() != null ? l.title() : l.sheet();
        }
        return caption != null ? caption : fallback;
    }

    /** A warning at a row's cell of {@code field}, its arguments {@code what} and the chart's {@code where}. */
    private static Finding warning(
            FindingCode code, Table table, Row r, String field, SheetSchema schema, String what, String where) {
        String heading = schema == null ? field : schema.heading(field);
        return new Finding(
                code, Severity.WARNING, Placements.at(table, r, field), field, heading, "", "", List.of(what, where));
    }

    /** @param where the chart as readers know it */
    private static void bars(
            LayoutBlock.Chart c, SheetSchema schema, Table table, String where, List<Finding> findings) {
        for (String field : c.drawn()) {
            bars(c, field, schema, table, where, findings);
        }
    }

    /** One field's bars, or points on its line. */
    private static void bars(
            LayoutBlock.Chart c, String field, SheetSchema schema, Table table, String where, List<Finding> findings) {
        ColumnSpec value = schema == null ? null : schema.columns().get(field);
        boolean adds = value != null && (value.type() == ColumnType.INTEGER || value.type() == ColumnType.DECIMAL);
        boolean bySeries = c.series() != null; // a category once on each line, or in each colour of bars
        Map<String, Row> first = new HashMap<>();
        for (Row r : table.rows()) {
            String category = r.text(c.category());
            if (r.get(field) == null) { // not drawn: the chart would leave the row out unannounced
                findings.add(warning(FindingCode.BAR_BLANK, table, r, field, schema, category, where));
                continue;
            }
            Row earlier = first.putIfAbsent(bySeries ? r.text(c.series()) + '\u0000' + category : category, r);
            if (earlier == null || adds || c.drawn().indexOf(field) > 0) { // a repeat is told once, not a field each
                continue;
            }
            CellRef at = Placements.at(table, r, c.category());
            CellRef before = Placements.at(table, earlier, c.category());
            findings.add(new Finding(
                    FindingCode.CHART_CATEGORY_REPEATED,
                    Severity.ERROR,
                    at,
                    c.category(),
                    "",
                    category,
                    "",
                    List.of(before.excel(), where)));
        }
    }
}
