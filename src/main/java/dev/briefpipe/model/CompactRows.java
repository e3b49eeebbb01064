package dev.briefpipe.model;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The rows of a large sheet, kept column by column in primitive arrays (five to ten bytes a value
 * plus the text itself, a repeated text once) instead of a map per row. Only the fields the brief needs after reading are kept;
 * every field still has its cell address. A {@link Row} is made each time one is asked for.
 * Immutable once built.
 */
public final class CompactRows extends AbstractList<Row> implements RandomAccess {

    private final String sheet;
    private final String[] kept;
    private final Map<String, Integer> allColumns;
    private int size;
    private int[] sheetRows = new int[1024];
    private final CompactColumn[] columns;

    /**
     * @param sheet the sheet name, for cell addresses
     * @param fields every field read from the sheet, with its zero-based column
     * @param kept the fields whose values are kept
     */
    public CompactRows(String sheet, Map<String, Integer> fields, List<String> kept) {
        this.sheet = sheet;
        this.allColumns = Collections.unmodifiableMap(new LinkedHashMap<>(fields)); // in the sheet's order
        this.kept = kept.stream().map(String::intern).toArray(String[]::new);
        this.columns = new CompactColumn[this.kept.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new CompactColumn();
        }
    }

    /** Adds a row (while building; not once the rows are handed to a {@link Table}). */
    public void add(int sheetRow, Map<String, Object> values) {
        if (size == sheetRows.length) {
            int n = size + (size >> 1);
            sheetRows = Arrays.copyOf(sheetRows, n);
            for (CompactColumn c : columns) {
                c.grow(n);
            }
        }
        sheetRows[size] = sheetRow;
        for (int i = 0; i < kept.length; i++) {
            columns[i].set(size, values.get(kept[i]));
        }
        size++;
    }

    @Override
    public boolean add(Row row) {
        add(row.sheetRow(), row.values());
        return true;
    }

    @Override
    public Row get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        // Views over the arrays: a rule that reads two fields of a row makes two values, not ten.
        return new Row(sheetRows[index], new Values(index), new RowCells(sheet, sheetRows[index], allColumns));
    }

    private int keptIndex(Object field) {
        for (int i = 0; i < kept.length; i++) {
            if (kept[i].equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** One row's kept values, decoded when asked for. */
    private final class Values extends AbstractMap<String, Object> implements ReadOnlyView {
        private final int row;

        Values(int row) {
            this.row = row;
        }

        @Override
        public Object get(Object key) {
            int i = keptIndex(key);
            return i < 0 ? null : columns[i].get(row);
        }

        @Override
        public boolean containsKey(Object key) {
            return get(key) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < kept.length; i++) {
                Object v = columns[i].get(row);
                if (v != null) {
                    all.put(kept[i], v);
                }
            }
            return all.entrySet();
        }
    }

    @Override
    public int size() {
        return size;
    }
}
