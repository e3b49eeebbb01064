package dev.briefpipe.load;

import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads an .xls (Excel 97–2003, BIFF8) into {@link RawSheet}s with POI's usermodel, opened read-only.
 * Cells keep their type and cached formula results; formulas are never evaluated. The format holds at
 * most 65,536 rows a sheet, so the whole file fits in memory.
 */
final class XlsReader {
    private XlsReader() {}

    static RawWorkbook read(Path file, String sha256, long size) throws IOException {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            boolean date1904 =
                    wb instanceof HSSFWorkbook h && h.getInternalWorkbook().isUsing1904DateWindowing();
            return new RawWorkbook(file, sha256, size, readSheets(wb), date1904, () -> {});
        }
    }

    private static List<RawSheet> readSheets(Workbook wb) {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        // A formula cell shows its cached result, as in Excel, not its formula text.
        fmt.setUseCachedValuesForFormulaCells(true);
        List<RawSheet> out = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet sheet = wb.getSheetAt(i);
            boolean hidden = wb.isSheetHidden(i) || wb.isSheetVeryHidden(i);
            List<RawSheet.RawRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<RawCell> cells = new ArrayList<>();
                int last = -1;
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    RawCell cell = convert(sheet.getSheetName(), row.getRowNum(), c, row.getCell(c), fmt);
                    cells.add(cell);
                    if (!cell.isBlank()) {
                        last = c;
                    }
                }
                if (last >= 0) {
                    rows.add(new RawSheet.RawRow(row.getRowNum(), row.getZeroHeight(), cells.subList(0, last + 1)));
                }
            }
            List<RawSheet.Merged> merged = new ArrayList<>();
            for (org.apache.poi.ss.util.CellRangeAddress m : sheet.getMergedRegions()) {
                merged.add(new RawSheet.Merged(m.getFirstRow(), m.getLastRow(), m.getFirstColumn(), m.getLastColumn()));
            }
            out.add(new RawSheet(sheet.getSheetName(), hidden, rows, merged));
        }
        return out;
    }

    private static RawCell convert(String sheet, int row, int col, Cell cell, DataFormatter fmt) {
        CellRef ref = new CellRef(sheet, row, col);
        if (cell == null) {
            return RawCell.blank(ref);
        }
        CellType type = cell.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            formula = cell.getCellFormula();
            type = cell.getCachedFormulaResultType();
        }
        String display = type == CellType.ERROR ? "" : fmt.formatCellValue(cell);
        switch (type) {
            case STRING:
                String s = cell.getStringCellValue();
                return new RawCell(ref, RawCell.Kind.TEXT, s, 0, null, formula, s);
            case NUMERIC:
                double d = cell.getNumericCellValue();
                if (DateUtil.isCellDateFormatted(cell)) {
                    return new RawCell(
                            ref, RawCell.Kind.DATE, display, d, cell.getLocalDateTimeCellValue(), formula, display);
                }
                return new RawCell(ref, RawCell.Kind.NUMBER, display, d, null, formula, display);
            case BOOLEAN:
                boolean b = cell.getBooleanCellValue();
                return new RawCell(
                        ref,
                        RawCell.Kind.BOOLEAN,
                        String.valueOf(b).toUpperCase(Locale.ROOT),
                        b ? 1 : 0,
                        null,
                        formula,
                        String.valueOf(b).toUpperCase(Locale.ROOT));
            case ERROR:
                String err = FormulaError.forInt(cell.getErrorCellValue()).getString();
                return new RawCell(ref, RawCell.Kind.ERROR, err, 0, null, formula, err);
            default:
                return formula == null
                        ? RawCell.blank(ref)
                        : new RawCell(ref, RawCell.Kind.BLANK, "", 0, null, formula, "");
        }
    }
}
