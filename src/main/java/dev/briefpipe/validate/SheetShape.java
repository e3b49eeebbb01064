package dev.briefpipe.validate;

import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a sheet's shape can have wrong, beside its cells: its header, and how many rows it has. */
final class SheetShape {
    private SheetShape() {}

    /** The schema's columns missing from the header, and the header's columns the schema does not know. */
    static void header(
            SheetSchema schema,
            String sheet,
            List<RawCell> header,
            Map<String, Integer> columns,
            int headerIndex,
            List<Finding> out) {
        schema.columns().forEach((field, spec) -> {
            if (!columns.containsKey(field)) {
                int at = header.size();
                out.add(new Finding(
                        FindingCode.COLUMN_MISSING,
                        spec.required() ? Severity.ERROR : Severity.WARNING,
                        new CellRef(sheet, headerIndex, at),
                        field,
                        spec.title(),
                        "",
                        String.join(" / ", spec.header()),
                        List.of()));
            }
        });
        Set<Integer> known = new HashSet<>(columns.values());
        for (int c = 0; c < header.size(); c++) {
            RawCell h = header.get(c);
            if (!known.contains(c) && !h.isBlank()) {
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
