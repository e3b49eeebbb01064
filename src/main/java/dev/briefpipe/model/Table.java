package dev.briefpipe.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated sheet: its schema id, sheet name, field ids in column order, and typed rows.
 *
 * @param key the primary-key field ids (possibly empty)
 * @param columns for each field id, the zero-based column it was read from (same order as fields);
 *     -1 for a field computed by briefpipe
 * @param valueField the field a row stands for in a lookup without a field ({@code patents[CN]}), or null
 */
public record Table(
        String id,
        String sheet,
        List<String> fields,
        List<Integer> columns,
        List<String> key,
        List<Row> rows,
        String valueField) {

    public Table {
        fields = List.copyOf(fields);
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        // Large sheets' rows are already immutable and compact; copying them would undo that.
        rows = rows instanceof CompactRows || rows instanceof DerivedRows ? rows : List.copyOf(rows);
    }

    public Table(
            String id, String sheet, List<String> fields, List<Integer> columns, List<String> key, List<Row> rows) {
        this(id, sheet, fields, columns, key, rows, null);
    }

    /** The same table with other rows (and the fields of a derived column appended). */
    public Table withRows(List<String> fields, List<Integer> columns, List<Row> rows) {
        return new Table(id, sheet, fields, columns, key, rows, valueField);
    }

    /** The row whose single-field key equals {@code keyValue} (compared as text). */
    public Optional<Row> findByKey(String keyValue) {
        if (key.size() != 1) {
            return Optional.empty();
        }
        String k = key.get(0);
        return rows.stream().filter(r -> Objects.equals(r.text(k), keyValue)).findFirst();
    }

    /** Zero-based sheet column of a field. */
    public Optional<Integer> columnOf(String field) {
        int i = fields.indexOf(field);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }
}
