package dev.briefpipe.export.summary;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.ExcelFormulaCompiler;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.util.Map;
import java.util.Optional;

/** Tells the formula compiler where each table's columns and rows are in the workbook as read. */
final class DatasetLocator implements ExcelFormulaCompiler.SheetLocator {
    private final Dataset data;
    private final Map<String, String> figureCells;
    private final Map<String, SheetSchema> schemas;

    DatasetLocator(Dataset data, Map<String, String> figureCells, Map<String, SheetSchema> schemas) {
        this.data = data;
        this.figureCells = figureCells;
        this.schemas = schemas;
    }

    @Override
    public String sheetName(String table) {
        return data.table(table).sheet();
    }

    @Override
    public String columnLetters(String table, String field) {
        int col = data.table(table).columnOf(field).orElse(-1);
        if (col < 0) {
            throw new ExprException(-1, "not-a-column", field);
        }
        return CellRef.columnLetters(col);
    }

    @Override
    public int firstRow(String table) {
        return data.table(table).rows().stream().mapToInt(Row::sheetRow).min().orElse(1) + 1;
    }

    @Override
    public int lastRow(String table) {
        return data.table(table).rows().stream().mapToInt(Row::sheetRow).max().orElse(1) + 1;
    }

    @Override
    public String keyField(String table) {
        Table t = data.table(table);
        return t.key().isEmpty() ? t.fields().get(0) : t.key().get(0);
    }

    @Override
    public boolean numericKey(String table) {
        Table t = data.table(table);
        return !t.rows().isEmpty() && t.rows().get(0).get(keyField(table)) instanceof Long;
    }

    @Override
    public String valueField(String table) {
        String f = data.table(table).valueField();
        if (f == null) {
            throw new ExprException(-1, "no-value-field", table);
        }
        return f;
    }

    @Override
    public Optional<String> figureCell(String name) {
        return Optional.ofNullable(figureCells.get(name));
    }

    /** The absolute range of a field's data cells: 'Sheet'!$D$2:$D$8. */
    String range(String table, String field) {
        String col = columnLetters(table, field);
        return ExcelFormulaCompiler.sheetRef(sheetName(table)) + "!$" + col + "$" + firstRow(table) + ":$" + col + "$"
                + lastRow(table);
    }

    /** The header the analysts see for a field. */
    String header(String table, String field) {
        SheetSchema s = schemas.get(table);
        ColumnSpec c = s == null ? null : s.columns().get(field);
        return c == null ? field : c.title();
    }
}
