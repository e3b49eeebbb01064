package dev.briefpipe.model;

import java.util.List;

/**
 * A sheet as read: every non-blank row with its cells, each cell keeping its address. Which row is
 * the header is the schema's business, not the reader's.
 */
public record RawSheet(String name, boolean hidden, List<RawRow> rows, List<Merged> merged) implements SheetRows {

    public RawSheet {
        rows = List.copyOf(rows);
        merged = List.copyOf(merged);
    }

    public RawSheet(String name, boolean hidden, List<RawRow> rows) {
        this(name, hidden, rows, List.of());
    }

    @Override
    public void forEachRow(java.util.function.Consumer<RawRow> action) {
        rows.forEach(action);
    }

    /** A merged region, zero-based and inclusive; only its top-left cell holds a value. */
    public record Merged(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        public boolean contains(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }
    }

    /**
     * One non-blank row.
     *
     * @param index zero-based sheet row
     * @param cells cells from column A to the row's last non-blank cell (blanks filled in)
     */
    public record RawRow(int index, boolean hidden, List<RawCell> cells) {
        public RawRow {
            cells = List.copyOf(cells);
        }

        /** The cell at a zero-based column, a blank one beyond the row's end. */
        public RawCell cell(String sheet, int column) {
            return column < cells.size() ? cells.get(column) : RawCell.blank(sheet, index, column);
        }
    }
}
