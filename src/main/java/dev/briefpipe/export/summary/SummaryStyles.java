package dev.briefpipe.export.summary;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles the summary sheet uses, created once per refresh. */
final class SummaryStyles {
    private final Workbook wb;
    final CellStyle title;
    final CellStyle header;
    final CellStyle note;
    final CellStyle section;
    private final Map<String, CellStyle> numbers = new HashMap<>();

    SummaryStyles(Workbook wb) {
        this.wb = wb;
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        section = wb.createCellStyle();
        section.setFont(bold);
        Font grey = wb.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        note = wb.createCellStyle();
        note.setFont(grey);
    }

    /** A number style for an Excel format ("#,##0", "0.0%"); null = General. */
    CellStyle number(String format) {
        return numbers.computeIfAbsent(format == null ? "General" : format, f -> {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(wb.createDataFormat().getFormat(f));
            return s;
        });
    }
}
