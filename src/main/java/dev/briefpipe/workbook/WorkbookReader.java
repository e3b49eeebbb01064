package dev.briefpipe.workbook;

import dev.briefpipe.io.FileHashes;

import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every sheet of a workbook into {@link RawSheet}s with POI's usermodel, opened read-only so the
 * file is never written. Cells keep their type and cached formula results; formulas are never
 * evaluated. Fine for the small workbooks analysts keep; not for sheets of a million rows.
 */
public final class WorkbookReader {
  private static final Logger log = LoggerFactory.getLogger(WorkbookReader.class);
  private final long maxBytes;
  private final long maxPartBytes;
  private final long timeoutMillis;

  /** Default limits: 512 MB per file, 1 GB per unpacked part, two minutes per file. */
  public WorkbookReader() {
    this(512L * 1024 * 1024, PoiHardening.DEFAULT_MAX_PART_BYTES, 120_000);
  }

  /**
   * @param maxBytes a larger file is refused before it is opened
   * @param maxPartBytes a part (one sheet's XML, the shared strings) that unpacks larger is refused
   * @param timeoutMillis reading longer than this is abandoned (a hostile file must not hang a run)
   */
  public WorkbookReader(long maxBytes, long maxPartBytes, long timeoutMillis) {
    this.maxBytes = maxBytes;
    this.maxPartBytes = maxPartBytes;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Reads the workbook in a worker thread bounded by the time limit.
   *
   * @throws WorkbookReadException when the file cannot be read, with a reason of its own
   */
  public RawWorkbook read(Path file) {
    java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "workbook-reader");
      t.setDaemon(true);
      return t;
    });
    try {
      return worker.submit(() -> readNow(file)).get(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new WorkbookReadException(file, "timeout", timeoutMillis / 1000 + " s", e);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof WorkbookReadException w) {
        throw w;
      }
      if (c instanceof Error err) {
        // Hostile files can exhaust the stack or memory inside POI: one clear sentence, not a crash.
        throw new WorkbookReadException(file, "unreadable", err.toString(), err);
      }
      throw new WorkbookReadException(file, "unreadable", String.valueOf(c), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkbookReadException(file, "unreadable", "interrupted", e);
    } finally {
      worker.shutdownNow();
    }
  }

  private RawWorkbook readNow(Path file) {
    PoiHardening.apply(maxPartBytes);
    if (!Files.isRegularFile(file)) {
      throw new WorkbookReadException(file, "not-found", null, null);
    }
    try {
      FileSniffer.check(file, maxBytes);
      String before = FileHashes.sha256(file);
      long size = Files.size(file);
      List<RawSheet> sheets;
      boolean date1904;
      try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
        sheets = readSheets(wb);
        date1904 = wb instanceof org.apache.poi.xssf.usermodel.XSSFWorkbook x ? x.isDate1904()
            : wb instanceof org.apache.poi.hssf.usermodel.HSSFWorkbook h && h.getInternalWorkbook().isUsing1904DateWindowing();
      }
      if (!before.equals(FileHashes.sha256(file))) {
        throw new WorkbookReadException(file, "changed-while-reading", null, null);
      }
      log.info("read {} ({} bytes, {} sheets)", file, size, sheets.size());
      return new RawWorkbook(file, before, size, sheets, date1904);
    } catch (WorkbookReadException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw new WorkbookReadException(file, "encrypted", e.getMessage(), e);
    } catch (OldExcelFormatException e) {
      throw new WorkbookReadException(file, "old-format", e.getMessage(), e);
    } catch (NotOfficeXmlFileException e) {
      throw new WorkbookReadException(file, "not-a-workbook", e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      String reason = reason(e);
      String detail = "too-large".equals(reason) ? "> " + maxPartBytes / (1024 * 1024) + " MB" : e.getMessage();
      throw new WorkbookReadException(file, reason, detail, e);
    }
  }

  /** A stable reason for what POI threw, from its type or (where POI has no type) its message. */
  static String reason(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
    }
    String msg = all.toString().toLowerCase(Locale.ROOT);
    if (msg.contains("xlsbunsupported") || msg.contains(".xlsb")) {
      return "xlsb";
    }
    if (msg.contains("strict ooxml")) {
      return "strict-ooxml";
    }
    if (msg.contains("max. ratio")) {
      return "zip-bomb";
    }
    if (msg.contains("max size of the expanded") || msg.contains("exceeds the maximum")) {
      return "too-large";
    }
    if (msg.contains("doctype") || msg.contains("entity")) {
      return "unsafe-xml";
    }
    if (msg.contains("odfnotofficexml") || msg.contains("opendocument")) {
      return "ods";
    }
    if (msg.contains("truncated") || msg.contains("unexpected end") || msg.contains("failed to read the file input")) {
      return "truncated";
    }
    if (msg.contains("valid ole2") || msg.contains("no valid entries") || msg.contains("unsupported file type")
        || msg.contains("notofficexml")) {
      return "not-a-workbook";
    }
    return "unreadable";
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

  static RawCell convert(String sheet, int row, int col, Cell cell, DataFormatter fmt) {
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
          return new RawCell(ref, RawCell.Kind.DATE, display, d, cell.getLocalDateTimeCellValue(), formula, display);
        }
        return new RawCell(ref, RawCell.Kind.NUMBER, display, d, null, formula, display);
      case BOOLEAN:
        boolean b = cell.getBooleanCellValue();
        return new RawCell(ref, RawCell.Kind.BOOLEAN, String.valueOf(b).toUpperCase(Locale.ROOT), b ? 1 : 0, null, formula,
            String.valueOf(b).toUpperCase(Locale.ROOT));
      case ERROR:
        String err = FormulaError.forInt(cell.getErrorCellValue()).getString();
        return new RawCell(ref, RawCell.Kind.ERROR, err, 0, null, formula, err);
      default:
        return formula == null ? RawCell.blank(ref) : new RawCell(ref, RawCell.Kind.BLANK, "", 0, null, formula, "");
    }
  }
}
