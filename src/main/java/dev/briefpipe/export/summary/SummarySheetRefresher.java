package dev.briefpipe.export.summary;

import dev.briefpipe.expr.ExcelFormulaCompiler;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the summary sheet into a copy of the workbook: one row per key figure with a live formula
 * over the data sheets (INDEX/MATCH, SUMIFS, COUNTIFS, references to other figures), its cached
 * value computed by POI's evaluator so viewers that do not recalculate still show numbers, and when
 * it was refreshed. Only the summary sheet changes: an existing one is cleared and rewritten in
 * place (sheet order and sheet-scoped names stay put), a new one is appended at the end.
 */
public final class SummarySheetRefresher {
  private static final Logger log = LoggerFactory.getLogger(SummarySheetRefresher.class);
  private static final int FIRST_FIGURE_ROW = 4;

  /**
   * @return the refreshed workbook's bytes; {@code original} is not changed
   */
  public byte[] refresh(byte[] original, String sheetName, String title, List<KeyFigure> figures, Dataset data,
      ZonedDateTime refreshedAt) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(original))) {
      Sheet sheet = clearOrCreate(wb, sheetName);
      Styles st = new Styles(wb);
      cell(sheet, 0, 0, title, st.title);
      cell(sheet, 1, 0, "갱신: " + refreshedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"))
          + " (" + refreshedAt.getZone() + ", briefpipe)", st.note);
      String[] header = {"항목", "값", "단위", "식", "비고"};
      for (int c = 0; c < header.length; c++) {
        cell(sheet, 3, c, header[c], st.header);
      }
      Map<String, String> cells = new HashMap<>();
      for (int i = 0; i < figures.size(); i++) {
        cells.put(figures.get(i).id(), "$B$" + (FIRST_FIGURE_ROW + i + 1));
      }
      ExcelFormulaCompiler compiler = new ExcelFormulaCompiler(new DatasetLocator(data, cells));
      FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
      for (int i = 0; i < figures.size(); i++) {
        KeyFigure f = figures.get(i);
        int r = FIRST_FIGURE_ROW + i;
        cell(sheet, r, 0, f.label(), null);
        Cell value = sheet.getRow(r).createCell(1);
        value.setCellStyle(st.number(f.format()));
        writeValue(value, f, compiler, eval);
        cell(sheet, r, 2, f.unit() == null ? "" : f.unit(), null);
        cell(sheet, r, 3, f.expr(), st.note);
        cell(sheet, r, 4, f.note() == null ? "" : f.note(), st.note);
      }
      int[] widths = {44, 16, 10, 60, 30};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, FIRST_FIGURE_ROW);
      ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 16 * 1024);
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static void writeValue(Cell cell, KeyFigure f, ExcelFormulaCompiler compiler, FormulaEvaluator eval) {
    String formula;
    try {
      formula = compiler.compile(ExprParser.parse(f.expr()));
    } catch (ExprException e) {
      log.info("figure {} has no Excel form ({}); writing its value", f.id(), e.getMessage());
      if (f.value() != null) {
        cell.setCellValue(f.value().doubleValue());
      }
      return;
    }
    cell.setCellFormula(formula);
    try {
      eval.evaluateFormulaCell(cell);
      double cached = cell.getNumericCellValue();
      if (f.value() != null && Math.abs(cached - f.value().doubleValue()) > 1e-9 * Math.max(1, Math.abs(cached))) {
        log.warn("figure {}: Excel formula gives {} but briefpipe computed {}", f.id(), cached, f.value());
      }
    } catch (RuntimeException e) {
      log.info("figure {}: POI cannot evaluate {} ({}); caching briefpipe's value", f.id(), formula, e.getMessage());
      if (f.value() != null) {
        cell.setCellValue(f.value().doubleValue());
      }
    }
  }

  private static Sheet clearOrCreate(XSSFWorkbook wb, String name) {
    Sheet s = wb.getSheet(name);
    if (s == null) {
      return wb.createSheet(name);
    }
    for (int i = s.getNumMergedRegions() - 1; i >= 0; i--) {
      s.removeMergedRegion(i);
    }
    for (int r = s.getLastRowNum(); r >= 0; r--) {
      Row row = s.getRow(r);
      if (row != null) {
        s.removeRow(row);
      }
    }
    return s;
  }

  private static void cell(Sheet s, int r, int c, String text, CellStyle style) {
    Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
    Cell cell = row.createCell(c);
    cell.setCellValue(text);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  /** The few cell styles the sheet uses, created once per workbook. */
  private static final class Styles {
    final XSSFWorkbook wb;
    final CellStyle title;
    final CellStyle header;
    final CellStyle note;
    final Map<String, CellStyle> numbers = new HashMap<>();

    Styles(XSSFWorkbook wb) {
      this.wb = wb;
      Font bold = wb.createFont();
      bold.setBold(true);
      Font big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(big);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      Font grey = wb.createFont();
      grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
      note = wb.createCellStyle();
      note.setFont(grey);
    }

    CellStyle number(String format) {
      return numbers.computeIfAbsent(format == null ? "General" : format, f -> {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.createDataFormat().getFormat(f));
        return s;
      });
    }
  }
}
