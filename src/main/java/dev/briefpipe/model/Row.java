package dev.briefpipe.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One typed data row: field id to value, and field id to the cell the value came from.
 *
 * <p>Values are {@code String}, {@code Long}, {@code java.math.BigDecimal}, {@code Boolean},
 * {@code java.time.LocalDate}, {@code java.time.YearMonth} or absent (blank cell).
 */
public record Row(int sheetRow, Map<String, Object> values, Map<String, CellRef> cells) {

    public Row {
        values = values instanceof ReadOnlyView ? values : Collections.unmodifiableMap(values);
        cells = cells instanceof ReadOnlyView ? cells : Collections.unmodifiableMap(cells);
    }

    public Optional<Object> find(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** The value, or null for a blank cell. */
    public Object get(String field) {
        return values.get(field);
    }

    public String text(String field) {
        Object v = values.get(field);
        return v == null ? "" : v.toString();
    }

    /**
     * {@link #text} on one line: a line break typed in the cell (Alt+Enter, to fit Excel's column) is a
     * space, for a name or a title that what prints it sets or wraps itself.
     */
    public String line(String field) {
        String t = text(field);
        return t.indexOf('\n') < 0 && t.indexOf('\r') < 0 ? t : t.replaceAll("\\s*\\R\\s*", " ");
    }

    public Optional<CellRef> cell(String field) {
        return Optional.ofNullable(cells.get(field));
    }
}
