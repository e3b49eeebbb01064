package dev.briefpipe.export.summary;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.expr.ExcelFormulaCompiler;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the summary sheet into a copy of the workbook: one row per key figure as a live formula
 * over the data sheets (with the previous period's value and the change when known), group-by tables
 * of COUNTIFS/SUMIFS, and one native chart. Cached values come from POI's evaluator, so viewers that
 * do not recalculate still show numbers. Only the summary sheet changes; when its content is what
 * it was (the refresh time aside), the original bytes are returned unchanged.
 */
public final class SummarySheetRefresher {
  private static final Logger log = LoggerFactory.getLogger(SummarySheetRefresher.class);
  private static final int FIRST_FIGURE_ROW = 4;
  private static final String[] HEADERS = {"항목", "값", "단위", "전기", "증감", "식", "비고"};

  /** The workbook's bytes after the refresh, and whether the summary's content changed. */
  public record Refreshed(byte[] bytes, boolean changed) {}

  /**
   * @param previous the previous period's figure values by id (empty when unknown)
   * @param previousPeriod its label, for the header ("2025-02"), or null
   */
  public Refreshed refresh(byte[] original, BriefConfig brief, List<KeyFigure> figures, Map<String, BigDecimal> previous,
      String previousPeriod, Dataset data, ZonedDateTime refreshedAt) throws IOException {
    BriefConfig.SummaryConfig cfg = brief.summary();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(original))) {
      Map<String, String> before = SummarySnapshot.of(wb.getSheet(cfg.sheet()));
      XSSFSheet sheet = replaceSheet(wb, cfg.sheet());
      SummaryStyles st = new SummaryStyles(wb);
      cell(sheet, 0, 0, brief.title(), st.title);
      cell(sheet, 1, 0, "갱신: " + refreshedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"))
          + " (" + refreshedAt.getZone() + ", briefpipe)", st.note);
      for (int c = 0; c < HEADERS.length; c++) {
        String h = c == 3 && previousPeriod != null ? "전기 (" + previousPeriod + ")" : HEADERS[c];
        cell(sheet, 3, c, h, st.header);
      }
      Map<String, String> cells = new HashMap<>();
      for (int i = 0; i < figures.size(); i++) {
        cells.put(figures.get(i).id(), "$B$" + (FIRST_FIGURE_ROW + i + 1));
      }
      DatasetLocator loc = new DatasetLocator(data, cells, brief.sheets());
      ExcelFormulaCompiler compiler = new ExcelFormulaCompiler(loc);
      FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
      for (int i = 0; i < figures.size(); i++) {
        KeyFigure f = figures.get(i);
        int r = FIRST_FIGURE_ROW + i;
        cell(sheet, r, 0, f.label(), null);
        Cell value = sheet.getRow(r).createCell(1);
        value.setCellStyle(st.number(f.format()));
        writeValue(value, f, compiler, eval);
        cell(sheet, r, 2, f.unit() == null ? "" : f.unit(), null);
        BigDecimal prev = previous.get(f.id());
        if (prev != null) {
          Cell p = sheet.getRow(r).createCell(3);
          p.setCellValue(prev.doubleValue());
          p.setCellStyle(st.number(f.format()));
          Cell change = sheet.getRow(r).createCell(4);
          change.setCellFormula("B" + (r + 1) + "-D" + (r + 1));
          change.setCellStyle(st.number(f.format()));
          eval.evaluateFormulaCell(change);
        }
        cell(sheet, r, 5, f.expr(), st.note);
        cell(sheet, r, 6, f.note() == null ? "" : f.note(), st.note);
      }
      int row = FIRST_FIGURE_ROW + figures.size() + 1;
      List<GroupTableWriter.Placed> placed = new ArrayList<>();
      for (BriefConfig.GroupTable g : cfg.tables()) {
        GroupTableWriter.Placed p = GroupTableWriter.write(sheet, row, g, data, loc, st, eval);
        placed.add(p);
        row = p.lastRow() + 2;
      }
      int[] widths = {44, 16, 10, 16, 14, 60, 30};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, FIRST_FIGURE_ROW);
      if (cfg.chart() != null && cfg.chart().table() <= placed.size()) {
        GroupTableWriter.Placed t = placed.get(cfg.chart().table() - 1);
        SummaryChart.add(sheet, t, cfg.chart().kind(), cfg.chart().title() != null ? cfg.chart().title() : t.title(),
            HEADERS.length + 1, FIRST_FIGURE_ROW - 1);
      }
      if (SummarySnapshot.of(sheet).equals(before)) {
        return new Refreshed(original, false);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 32 * 1024);
      wb.write(out);
      return new Refreshed(out.toByteArray(), true);
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

  /**
   * A fresh summary sheet at the old one's position (or appended). Removing and re-creating drops
   * its old chart; other sheets' order and sheet-scoped names are kept by POI's reordering.
   */
  private static XSSFSheet replaceSheet(XSSFWorkbook wb, String name) {
    int index = wb.getSheetIndex(name);
    int active = wb.getActiveSheetIndex();
    if (index < 0) {
      return wb.createSheet(name);
    }
    wb.removeSheetAt(index);
    XSSFSheet s = wb.createSheet(name);
    wb.setSheetOrder(name, index);
    wb.setActiveSheet(Math.min(active, wb.getNumberOfSheets() - 1));
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      wb.getSheetAt(i).setSelected(i == wb.getActiveSheetIndex());
    }
    return s;
  }

  static void cell(Sheet s, int r, int c, String text, CellStyle style) {
    Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
    Cell cell = row.createCell(c);
    cell.setCellValue(text);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }
}
