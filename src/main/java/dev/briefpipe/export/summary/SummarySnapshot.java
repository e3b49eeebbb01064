package dev.briefpipe.export.summary;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/** The content of a summary sheet as comparable text, the refresh-time cell (A2) left out. */
final class SummarySnapshot {
    private SummarySnapshot() {}

    /** The cells {@code before} holds something in and {@code after} does not, by row then column. */
    static List<String> dropped(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream()
                .filter(a1 -> filled(before.get(a1)) && !filled(after.get(a1)))
                .map(CellReference::new)
                .sorted(Comparator.comparingInt(CellReference::getRow).thenComparingInt(CellReference::getCol))
                .map(CellReference::formatAsString)
                .toList();
    }

    private static boolean filled(String content) {
        return content != null && !content.startsWith(CellType.BLANK + "|") && !content.startsWith("STRING||");
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
