package dev.briefpipe.export.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** The content of a summary sheet as comparable text, the refresh-time cell (A2) left out. */
final class SummarySnapshot {
    private SummarySnapshot() {}

    /** The cells holding something (not blank, not an empty text), by row then column. */
    static List<String> filled(Sheet sheet) {
        List<String> out = new ArrayList<>();
        if (sheet == null) {
            return out;
        }
        for (Row r : sheet) {
            for (Cell c : r) {
                boolean empty = c.getCellType() == CellType.BLANK
                        || (c.getCellType() == CellType.STRING
                                && c.getStringCellValue().isEmpty());
                if (!empty) {
                    out.add(c.getAddress().formatAsString());
                }
            }
        }
        return out;
    }

    static Map<String, String> of(Sheet sheet) {
        Map<String, String> m = new HashMap<>();
        if (sheet == null) {
            return m;
        }
        for (Row r : sheet) {
            for (Cell c : r) {
                String a1 = c.getAddress().formatAsString();
                if (a1.equals("A2")) {
                    continue;
                }
                String content;
                if (c.getCellType() == CellType.FORMULA) {
                    // A formula's text says nothing of its value: compare the cached result too.
                    CellType result = c.getCachedFormulaResultType();
                    String cached = result == CellType.NUMERIC
                            ? String.valueOf(c.getNumericCellValue())
                            : result == CellType.STRING ? c.getStringCellValue() : result.name();
                    content = "=" + c.getCellFormula() + "|" + cached;
                } else {
                    content = c.getCellType() + "|" + c;
                }
                m.put(a1, content + "|" + c.getCellStyle().getDataFormatString());
            }
        }
        return m;
    }
}
