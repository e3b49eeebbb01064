package dev.briefpipe.validate;

import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet.RawRow;
import dev.briefpipe.model.SheetRows;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a sheet's header is. It is on the schema's row (1 unless {@code headerRow} says otherwise) when
 * that row names any column of the schema. When it names none, or is blank, an analyst has most often
 * typed a title above the table or inserted a row: the next {@value #ROWS} rows are held, and the first
 * that names at least half of the columns is the header, the rows above it left unread. When none does,
 * the schema's row is the header after all and the held rows are data, read as they would have been.
 */
final class HeaderSearch {
    static final int ROWS = 10;

    /** Told once where the header is, and whether that is below the schema's row. */
    interface Found {
        void header(List<RawCell> cells, int index, boolean moved);
    }

    private final SheetSchema schema;
    private final int declared;
    private final Found found;
    private final Consumer<RawRow> data;
    private final List<RawRow> held = new ArrayList<>();
    private List<RawCell> declaredCells = List.of();
    private boolean done;

    HeaderSearch(SheetSchema schema, Found found, Consumer<RawRow> data) {
        this.schema = schema;
        this.declared = schema.headerRow() - 1;
        this.found = found;
        this.data = data;
    }

    /** A row read before the header is known. */
    void offer(RawRow row) {
        if (done || row.index() < declared) {
            return;
        }
        if (row.index() == declared
                && !HeaderMatcher.match(schema.columns(), row.cells()).isEmpty()) {
            settle(row.cells(), declared, false);
        } else if (row.index() == declared) {
            declaredCells = row.cells();
        } else if (row.index() <= declared + ROWS && names(schema, row)) {
            held.clear();
            settle(row.cells(), row.index(), true);
        } else {
            held.add(row);
            if (row.index() >= declared + ROWS) {
                finish();
            }
        }
    }

    /** Whether a row names at least half of the schema's columns: a header. */
    private static boolean names(SheetSchema schema, RawRow row) {
        int named = HeaderMatcher.match(schema.columns(), row.cells()).size();
        return named > 0 && 2 * named >= schema.columns().size();
    }

    /** Whether a sheet has the schema's header on its row or one of the {@value #ROWS} below. */
    static boolean headed(SheetSchema schema, SheetRows sheet) {
        int last = schema.headerRow() - 1 + ROWS;
        boolean[] found = {false};
        sheet.forEachRow(r -> found[0] |= !found[0] && r.index() <= last && names(schema, r));
        return found[0];
    }

    /** No header below the schema's row: that row is the header, and the rows held are data. */
    void finish() {
        if (!done) {
            settle(declaredCells, declared, false);
            List<RawRow> rows = List.copyOf(held);
            held.clear();
            rows.forEach(data);
        }
    }

    private void settle(List<RawCell> cells, int index, boolean moved) {
        done = true;
        found.header(cells, index, moved);
    }
}
