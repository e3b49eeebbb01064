package dev.briefpipe.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small real .xlsx files for tests: sheets of rows, cells typed by their Java value. */
public final class TinyWorkbook {
    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final CellStyle dateStyle;

    public TinyWorkbook() {
        dateStyle = wb.createCellStyle();
        dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    /** Adds a sheet; each row is an array of String, Number, Boolean, LocalDate, "=formula" or null. */
    public TinyWorkbook sheet(String name, Object[]... rows) {
        Sheet s = wb.createSheet(name);
        for (int r = 0; r < rows.length; r++) {
            Row row = s.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    cell.setCellValue(b);
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(dateStyle);
                } else if (v.toString().startsWith("=")) {
                    cell.setCellFormula(v.toString().substring(1));
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
        return this;
    }

    public Path write(Path file) throws IOException {
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    public static Object[] row(Object... cells) {
        return cells;
    }
}
