package dev.briefpipe.export.summary;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A group-by table: one row per value of the {@code by} field (sorted and cut to the top N as
 * configured), one value column, or one per value of the {@code across} field, each a live COUNTIFS
 * or SUMIFS over the data sheet whose criteria point at the key cells, so the table follows edits.
 * Cached values are the same totals, computed here (the data sheets are not loaded into POI).
 */
final class GroupTableWriter {
    private GroupTableWriter() {}

    /** Where a written table's keys and first value column are, for a chart, with what they hold. */
    record Placed(
            int firstRow,
            int lastRow,
            int keyColumn,
            int valueColumn,
            String title,
            List<String> keys,
            List<Double> values) {}

    /** @param count the header of a count column, in the brief's language */
    static Placed write(
            Sheet sheet,
            int startRow,
            BriefConfig.GroupTable g,
            Dataset data,
            DatasetLocator loc,
            SummaryStyles st,
            String count) {
        Table t = data.table(g.sheet());
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        // With an across field, each cell's own total (by key and across value): its cached value.
        Map<String, BigDecimal> cellTotals = new java.util.HashMap<>();
        List<String> across = new ArrayList<>();
        for (Row r : t.rows()) {
            String key = r.text(g.by());
            BigDecimal v = value(r, g);
            totals.merge(key, v, BigDecimal::add);
            if (g.across() != null) {
                String column = r.text(g.across());
                cellTotals.merge(key + '\u0000' + column, v, BigDecimal::add);
                if (!across.contains(column)) {
                    across.add(column);
                }
            }
        }
        List<String> keys = new ArrayList<>(totals.keySet());
        if ("desc".equals(g.sort())) {
            keys.sort(Comparator.comparing(totals::get).reversed());
        } else if ("asc".equals(g.sort())) {
            keys.sort(Comparator.comparing(totals::get));
        }
        if (g.top() != null && keys.size() > g.top()) {
            keys = keys.subList(0, g.top());
        }
        int r = startRow;
        SummarySheetRefresher.cell(sheet, r++, 0, g.title() != null ? g.title() : g.sheet(), st.section);
        String byHeader = header(g.by(), loc, t);
        SummarySheetRefresher.cell(sheet, r, 0, byHeader, st.header);
        List<String> columns = g.across() == null ? List.of("") : across;
        for (int c = 0; c < columns.size(); c++) {
            String h = g.across() == null ? (g.sum() == null ? count : header(g.sum(), loc, t)) : columns.get(c);
            SummarySheetRefresher.cell(sheet, r, 1 + c, h, st.header);
        }
        r++;
        int first = r;
        List<Double> firstColumn = new ArrayList<>(keys.size());
        String byRange = loc.range(g.sheet(), g.by());
        String acrossRange = g.across() == null ? null : loc.range(g.sheet(), g.across());
        String sumRange = g.sum() == null ? null : loc.range(g.sheet(), g.sum());
        for (String key : keys) {
            SummarySheetRefresher.cell(sheet, r, 0, key, null);
            String keyCell = "$A" + (r + 1);
            for (int c = 0; c < columns.size(); c++) {
                StringBuilder criteria = new StringBuilder(byRange).append(',').append(keyCell);
                if (acrossRange != null) {
                    String acrossCell = "$" + dev.briefpipe.model.CellRef.columnLetters(1 + c) + "$" + first;
                    criteria.append(',').append(acrossRange).append(',').append(acrossCell);
                }
                String formula =
                        sumRange == null ? "COUNTIFS(" + criteria + ")" : "SUMIFS(" + sumRange + "," + criteria + ")";
                Cell cell = sheet.getRow(r).createCell(1 + c);
                cell.setCellStyle(st.number(g.format()));
                cell.setCellFormula(formula);
                BigDecimal total =
                        g.across() == null ? totals.get(key) : cellTotals.get(key + '\u0000' + columns.get(c));
                cell.setCellValue(total == null ? 0 : total.doubleValue());
                if (c == 0) {
                    firstColumn.add(total == null ? 0 : total.doubleValue());
                }
            }
            r++;
        }
        return new Placed(first, r - 1, 0, 1, g.title(), keys, firstColumn);
    }

    private static BigDecimal value(Row r, BriefConfig.GroupTable g) {
        if (g.sum() == null) {
            return BigDecimal.ONE;
        }
        Object v = r.get(g.sum());
        return v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal b ? b : BigDecimal.ZERO;
    }

    private static String header(String field, DatasetLocator loc, Table t) {
        return loc.header(t.id(), field);
    }
}
