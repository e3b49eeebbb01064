package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** What a sheet's shape can have wrong, beside its cells: its header, and how many rows it has. */
final class SheetShape {
    private SheetShape() {}

    /**
     * The schema's columns missing from the header, and the header's columns the schema does not know.
     * When exactly one column is missing and exactly one header is unknown, the two are very likely one
     * renamed column: a single finding at that header says both, and how to name it.
     */
    static void header(
            SheetSchema schema,
            String sheet,
            List<RawCell> header,
            Map<String, Integer> columns,
            int headerIndex,
            List<Finding> out) {
        List<String> missing = schema.columns().keySet().stream()
                .filter(field -> !columns.containsKey(field))
                .toList();
        Set<Integer> known = new HashSet<>(columns.values());
        List<RawCell> unread = IntStream.range(0, header.size())
                .filter(c -> !known.contains(c) && !header.get(c).isBlank())
                .mapToObj(header::get)
                .toList();
        // A second column headed as one already read (a second 출처, say): its cells are not read.
        List<RawCell> unknown = new ArrayList<>();
        for (RawCell h : unread) {
            Set<String> twin = HeaderMatcher.match(schema.columns(), List.of(h)).keySet();
            if (twin.isEmpty()) {
                unknown.add(h);
            } else {
                String field = twin.iterator().next();
                out.add(new Finding(
                        FindingCode.COLUMN_TWICE,
                        Severity.WARNING,
                        h.ref(),
                        field,
                        h.display(),
                        h.display(),
                        "",
                        List.of(CellRef.columnLetters(columns.get(field)))));
            }
        }
        if (missing.size() == 1 && unknown.size() == 1) {
            RawCell renamed = unknown.get(0);
            out.add(missing(schema, missing.get(0), FindingCode.COLUMN_RENAMED, renamed.ref(), renamed.display()));
            return;
        }
        for (String field : missing) {
            out.add(missing(
                    schema, field, FindingCode.COLUMN_MISSING, new CellRef(sheet, headerIndex, header.size()), ""));
        }
        for (RawCell h : unknown) {
            out.add(new Finding(
                    FindingCode.COLUMN_UNKNOWN,
                    Severity.WARNING,
                    h.ref(),
                    "",
                    h.display(),
                    h.display(),
                    "",
                    List.of()));
        }
    }

    /** A schema column not found in the header: an error when the column is required, else a warning. */
    private static Finding missing(SheetSchema schema, String field, FindingCode code, CellRef at, String value) {
        ColumnSpec spec = schema.columns().get(field);
        return new Finding(
                code,
                spec.required() ? Severity.ERROR : Severity.WARNING,
                at,
                field,
                spec.title(),
                value,
                String.join(" / ", spec.header()),
                List.of());
    }

    /**
     * A row with one cell filled and required cells blank: most often a note typed under the table ("※
     * 출처: …"). It is one finding at that cell, saying so, not an error at every blank.
     *
     * @param cells the row's cells, one per field found ({@code fields}), a blank one in a merged region
     *     holding the region's value
     */
    static Finding note(SheetSchema schema, String[] fields, List<RawCell> cells) {
        RawCell only = null;
        for (RawCell c : cells) { // at every row: a plain loop, which most rows leave at their second cell
            if (!c.isBlank()) {
                if (only != null) {
                    return null;
                }
                only = c;
            }
        }
        List<String> blank = IntStream.range(0, fields.length)
                .filter(i -> cells.get(i).isBlank()
                        && schema.columns().get(fields[i]).required())
                .mapToObj(i -> schema.heading(fields[i]))
                .toList();
        if (only == null || blank.isEmpty()) {
            return null;
        }
        return new Finding(
                FindingCode.ROW_NOTE,
                Severity.ERROR,
                only.ref(),
                "",
                "",
                only.display(),
                "",
                List.of(String.join(", ", blank)));
    }

    /** What analysts label a row of totals with, spaces aside and in lower case. */
    private static final Set<String> TOTALS = Set.of("합계", "총계", "소계", "계", "total", "subtotal", "grandtotal");

    /**
     * A row of totals typed under the table ("합계", its figures summed by formulas), which a sheet of one
     * item a row cannot hold: when the row has errors, they become one finding at its label, saying so,
     * and the row is not read.
     *
     * @param found the row's findings (only a row with an error is looked at), replaced if it is one
     * @return whether the row is one of totals
     */
    static boolean totalRow(RawSheet.RawRow raw, List<Finding> found) {
        long errors = found.stream().filter(f -> f.severity() == Severity.ERROR).count();
        RawCell label = errors == 0
                ? null
                : raw.cells().stream()
                        .filter(c -> c.kind() == RawCell.Kind.TEXT
                                && TOTALS.contains(
                                        c.display().replaceAll("\\s+", "").toLowerCase(Locale.ROOT)))
                        .findFirst()
                        .orElse(null);
        if (label == null) {
            return false;
        }
        found.clear();
        found.add(new Finding(
                FindingCode.TOTAL_ROW,
                Severity.ERROR,
                label.ref(),
                "",
                "",
                label.display(),
                "",
                List.of(String.valueOf(errors))));
        return true;
    }

    /** A row count outside the schema's range. */
    static void rowCount(SheetSchema schema, String sheet, int n, List<Finding> out) {
        SheetSchema.RowCount rc = schema.rows();
        if ((rc.min() != null && n < rc.min()) || (rc.max() != null && n > rc.max())) {
            String range = rc.max() == null
                    ? "≥ " + rc.min()
                    : rc.min() == null
                            ? "≤ " + rc.max()
                            : rc.min().equals(rc.max()) ? String.valueOf(rc.min()) : rc.min() + "–" + rc.max();
            out.add(new Finding(
                    FindingCode.ROW_COUNT,
                    Severity.ERROR,
                    CellRef.ofSheet(sheet),
                    "",
                    "",
                    String.valueOf(n),
                    range,
                    List.of()));
        }
    }
}
