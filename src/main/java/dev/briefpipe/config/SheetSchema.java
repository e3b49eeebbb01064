package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema of one sheet: where it is, its columns (in order), its key and its row count.
 *
 * @param sheet the sheet's name in the workbook
 * @param headerRow one-based row of the header (default 1); data starts on the next row
 * @param key field ids that identify a row (unique together; may be empty)
 * @param derived fields computed from each row (not read from the sheet), by field id
 * @param export whether a CSV extract is written for this sheet (default true)
 * @param rules expressions each row must satisfy (e.g. a converted amount agrees with amount ÷ rate)
 * @param checks expressions over whole tables the sheet must satisfy (totals, shares)
 * @param rankOrder the rank field must follow the order of another field (see {@link RankOrder})
 * @param value the field a row stands for in expressions like {@code patents[CN]} (a lookup without
 *     a field), e.g. {@code families}
 */
public record SheetSchema(
        String sheet,
        String title,
        String help,
        Integer headerRow,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> key,

        RowCount rows,
        Map<String, ColumnSpec> columns,
        Map<String, DerivedField> derived,
        Boolean export,
        String value,
        java.util.List<RuleConfig> rules,
        java.util.List<RuleConfig> checks,
        RankOrder rankOrder) {

    public SheetSchema {
        headerRow = headerRow == null ? 1 : headerRow;
        key = key == null ? List.of() : List.copyOf(key);
        rows = rows == null ? new RowCount(null, null) : rows;
        columns = columns == null ? Map.of() : new LinkedHashMap<>(columns);
        derived = derived == null ? Map.of() : new LinkedHashMap<>(derived);
        export = export == null || export;
        rules = rules == null ? java.util.List.of() : java.util.List.copyOf(rules);
        checks = checks == null ? java.util.List.of() : java.util.List.copyOf(checks);
    }

    /** Whether the sheet must have rows: an empty one is then an error of its own (row-count). */
    public boolean requiresRows() {
        return rows.min() != null && rows.min() > 0;
    }

    /** A field's heading in print: its column's title, its derived field's header, or else its id. */
    public String heading(String field) {
        ColumnSpec c = columns.get(field);
        DerivedField d = derived.get(field);
        return c != null ? c.title() : d != null && d.header() != null ? d.header() : field;
    }

    /** A field's unit ("억 달러"): its column's or derived field's, or null. */
    public String unit(String field) {
        ColumnSpec c = columns.get(field);
        DerivedField d = derived.get(field);
        return c != null ? c.unit() : d != null ? d.unit() : null;
    }

    /**
     * How a field's numbers print ("#,##0", "0.0%"): its column's or derived field's format, else its
     * type's; a computed value as a key figure prints by default, to two decimals; null for a field that
     * holds no numbers.
     */
    public String printFormat(String field) {
        ColumnSpec c = columns.get(field);
        if (c != null) {
            return !c.type().isNumeric()
                    ? null
                    : c.format() != null ? c.format() : c.type().printFormat();
        }
        DerivedField d = derived.get(field);
        return d == null ? null : d.format() != null ? d.format() : dev.briefpipe.model.KeyFigure.DEFAULT_FORMAT;
    }

    /** Bounds on the number of data rows (null = unbounded). */
    public record RowCount(Integer min, Integer max) {}

    /**
     * Ranks must follow a value: with direction desc, rank 1 has the largest {@code by}.
     *
     * @param code the finding code (default rank-order)
     */
    public record RankOrder(String rank, String by, String direction, String code, String severity) {
        public RankOrder {
            direction = direction == null ? "desc" : direction;
            code = code == null ? "rank-order" : code;
            severity = severity == null ? "warning" : severity;
        }
    }

    /** A field computed per row, e.g. {@code amount / fx_per_usd}. */
    public record DerivedField(String expr, String header, String unit, String format) {}
}
