package dev.briefpipe.model;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A row's cell addresses, field by field, made when asked for from the sheet, the row and each
 * field's column: a million rows need no million maps of addresses.
 */
public final class RowCells extends AbstractMap<String, CellRef> implements ReadOnlyView {
    private final String sheet;
    private final int row;
    private final Map<String, Integer> columns;

    /** @param columns each field's zero-based column, shared by every row of the sheet */
    public RowCells(String sheet, int row, Map<String, Integer> columns) {
        this.sheet = sheet;
        this.row = row;
        this.columns = columns;
    }

    @Override
    public CellRef get(Object field) {
        Integer c = columns.get(field);
        return c == null ? null : new CellRef(sheet, row, c);
    }

    @Override
    public boolean containsKey(Object field) {
        return columns.containsKey(field);
    }

    @Override
    public int size() {
        return columns.size();
    }

    @Override
    public Set<Entry<String, CellRef>> entrySet() {
        Map<String, CellRef> all = new LinkedHashMap<>();
        columns.forEach((f, c) -> all.put(f, new CellRef(sheet, row, c)));
        return all.entrySet();
    }
}
