package dev.briefpipe.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Everything an analyst could lose in a sheet, as comparable text: each cell's type, value, formula,
 * number format, font, fill and comment, plus column widths, frozen panes, merged regions and
 * visibility. Two snapshots are equal when nothing of that changed.
 */
public final class SheetSnapshot {
    private SheetSnapshot() {}

    /** Snapshot of every sheet except {@code skip}, by sheet name. */
    public static Map<String, Map<String, String>> of(Path file, String skip) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                Workbook wb = new XSSFWorkbook(in)) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                Sheet s = wb.getSheetAt(i);
                if (!s.getSheetName().equals(skip)) {
                    all.put(s.getSheetName(), sheet(wb, i));
                }
            }
            return all;
        }
    }

    private static Map<String, String> sheet(Workbook wb, int index) {
        Sheet s = wb.getSheetAt(index);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("hidden", String.valueOf(wb.isSheetHidden(index)));
        m.put(
                "pane",
                String.valueOf(
                        s.getPaneInformation() == null
                                ? ""
                                : s.getPaneInformation().getHorizontalSplitPosition()));
        m.put("merged", s.getMergedRegions().toString());
        for (int c = 0; c < 30; c++) {
            m.put("width" + c, String.valueOf(s.getColumnWidth(c)));
        }
        for (Row r : s) {
            for (Cell c : r) {
                CellStyle st = c.getCellStyle();
                String font = wb.getFontAt(st.getFontIndex()).toString();
                String fill = st instanceof XSSFCellStyle x && x.getFillForegroundXSSFColor() != null
                        ? x.getFillForegroundXSSFColor().getARGBHex()
                        : "";
                String formula = "";
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    var result = c.getCachedFormulaResultType();
                    formula = c.getCellFormula() + "="
                            + (result == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    ? String.valueOf(c.getNumericCellValue())
                                    : result == org.apache.poi.ss.usermodel.CellType.STRING
                                            ? c.getStringCellValue()
                                            : result.name());
                }
                m.put(
                        c.getAddress().formatAsString(),
                        c.getCellType() + "|" + c + "|" + formula + "|" + st.getDataFormatString() + "|" + font + "|"
                                + fill + "|"
                                + (c.getCellComment() == null
                                        ? ""
                                        : c.getCellComment().getString().getString()));
            }
        }
        return m;
    }
}
