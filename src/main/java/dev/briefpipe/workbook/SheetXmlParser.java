package dev.briefpipe.workbook;

import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;

/** The pass over one sheet's XML: rows of cells, as {@link WorkbookReader#convert} makes them. */
final class SheetXmlParser {
  private final String sheet;
  private final StreamedBook book;
  private final Consumer<RawSheet.RawRow> action;
  private final IntConsumer dimension;
  private final Map<String, String> sharedFormulas = new HashMap<>();
  /** The text of the cell's {@code <v>} in UTF-8: most are numbers and string indexes. */
  private byte[] valueBytes = new byte[64];
  private int valueLength;
  private boolean hasValue;

  /** @param dimension hears the last row of the sheet's {@code <dimension>}, when it has one */
  SheetXmlParser(String sheet, StreamedBook book, IntConsumer dimension, Consumer<RawSheet.RawRow> action) {
    this.sheet = sheet;
    this.book = book;
    this.dimension = dimension;
    this.action = action;
  }

  // Where the pass is, kept in fields: each tag is handled by its own call ({@link #step}), which the
  // JIT compiles as an ordinary method, instead of compiling the whole loop with all it inlines while
  // the loop runs (an on-stack replacement), which cost a large sheet some half a second of CPU.
  private final List<RawSheet.Merged> merged = new ArrayList<>();
  private final List<RawCell> cells = new ArrayList<>();
  private int rowIndex = -1;
  private boolean rowHidden;
  private int col = -1;
  private String type;
  private int style;
  private String formula;
  private StringBuilder inline;
  private boolean inCell;
  private int phonetic;

  /** Hands out the rows; returns the merged regions listed after them. */
  List<RawSheet.Merged> parse(InputStream in) throws IOException, XMLStreamException {
    try (XmlScanner x = new XmlScanner(in)) {
      while (step(x)) {
        // a tag a call
      }
    }
    return List.copyOf(merged);
  }

  /** Handles the next tag; false at the end, or once the rows and merged regions are read. */
  private boolean step(XmlScanner x) throws IOException, XMLStreamException {
    int ev = x.next();
    if (ev == XmlScanner.START) {
      switch (x.localName()) {
        case "row" -> {
          int r = -1;
          String h = null;
          for (int i = 0, n = x.attributeCount(); i < n; i++) {
            String a = x.attributeName(i);
            if (a.equals("r")) {
              r = x.attributeInt(i);
            } else if (a.equals("hidden")) {
              h = x.attributeValue(i);
            }
          }
          rowIndex = r >= 0 ? r - 1 : rowIndex + 1;
          rowHidden = "1".equals(h) || "true".equalsIgnoreCase(h);
          cells.clear();
          col = -1;
        }
        case "c" -> {
          int at = -1;
          type = null;
          style = 0;
          for (int i = 0, n = x.attributeCount(); i < n; i++) {
            switch (x.attributeName(i)) {
              case "r" -> at = x.attributeColumn(i);
              case "t" -> type = x.attributeToken(i);
              case "s" -> style = x.attributeInt(i);
              default -> { }
            }
          }
          col = at >= 0 ? at : col + 1;
          hasValue = false;
          formula = null;
          inline = null;
          inCell = true;
        }
        case "v" -> {
          XmlText v = x.readText();
          valueLength = v.length;
          if (valueLength > valueBytes.length) {
            valueBytes = new byte[Math.max(valueLength, valueBytes.length * 2)];
          }
          System.arraycopy(v.bytes, 0, valueBytes, 0, valueLength);
          hasValue = true;
        }
        case "f" -> {
          String si = x.attribute("si");
          String text = x.readText().toString();
          if (si != null && !text.isEmpty()) {
            sharedFormulas.put(si, text);
          }
          // A shared formula's other cells carry only its id: keep the first cell's text.
          formula = text.isEmpty() && si != null ? sharedFormulas.getOrDefault(si, "") : text;
        }
        case "is" -> inline = new StringBuilder();
        case "rPh" -> phonetic++;
        case "t" -> {
          if (inline != null && phonetic == 0) {
            inline.append(x.readText().toString());
          }
        }
        case "dimension" -> {
          int rows = lastRow(x.attribute("ref"));
          if (rows > 0) {
            dimension.accept(rows);
          }
        }
        case "mergeCell" -> {
          String ref = x.attribute("ref");
          if (ref != null && ref.contains(":")) {
            CellReference a = new CellReference(ref.substring(0, ref.indexOf(':')));
            CellReference b = new CellReference(ref.substring(ref.indexOf(':') + 1));
            merged.add(new RawSheet.Merged(a.getRow(), b.getRow(), a.getCol(), b.getCol()));
          }
        }
        case "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins", "pageSetup" -> {
          return false;
        }
        default -> { }
      }
    } else if (ev == XmlScanner.END) {
      String name = x.localName();
      if (name.equals("c") && inCell) {
        inCell = false;
        while (cells.size() < col) {
          cells.add(RawCell.blank(sheet, rowIndex, cells.size()));
        }
        RawCell cell = cell(rowIndex, col, type, style, formula, inline);
        if (col < cells.size()) {
          cells.set(col, cell);
        } else {
          cells.add(cell);
        }
      } else if (name.equals("rPh")) {
        phonetic--;
      } else if (name.equals("row")) {
        emit(rowIndex, rowHidden, cells);
      } else if (name.equals("mergeCells")) {
        return false;
      }
    }
    return ev != XmlScanner.EOF;
  }

  private void emit(int rowIndex, boolean hidden, List<RawCell> cells) {
    int last = -1;
    for (int i = cells.size() - 1; i >= 0; i--) {
      if (!cells.get(i).isBlank()) {
        last = i;
        break;
      }
    }
    if (last >= 0) {
      action.accept(new RawSheet.RawRow(rowIndex, hidden, cells.subList(0, last + 1)));
    }
  }

  /** The row number that ends a range such as {@code A1:J1000001} (or a single cell), or -1. */
  static int lastRow(String ref) {
    if (ref == null) {
      return -1;
    }
    int end = ref.length();
    int start = end;
    while (start > 0 && Character.isDigit(ref.charAt(start - 1)) && end - start < 8) {
      start--;
    }
    return start == end || (start > 0 && Character.isDigit(ref.charAt(start - 1))) ? -1
        : Integer.parseInt(ref, start, end, 10);
  }

  private String value() {
    return hasValue ? new String(valueBytes, 0, valueLength, java.nio.charset.StandardCharsets.UTF_8) : null;
  }

  private RawCell cell(int row, int col, String type, int style, String formula, StringBuilder inline) {
    String f = formula;
    if (type == null || type.equals("n")) {
      if (!hasValue || valueLength == 0) {
        // A formula without a cached result reads as 0, as POI's usermodel has it.
        return f == null ? RawCell.blank(sheet, row, col) : number(row, col, 0, style, f);
      }
      return number(row, col, CellText.parseNumber(valueBytes, valueLength), style, f);
    }
    String value = type.equals("s") ? null : value();
    switch (type) {
      case "s" -> {
        String s = book.strings.get((int) CellText.parseNumber(valueBytes, valueLength));
        return new RawCell(sheet, row, col, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
      case "inlineStr" -> {
        String s = inline == null ? (value == null ? "" : SharedStrings.decode(value)) : SharedStrings.decode(inline.toString());
        return new RawCell(sheet, row, col, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
      case "str" -> {
        String s = value == null ? "" : SharedStrings.decode(value);
        return new RawCell(sheet, row, col, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
      case "b" -> {
        boolean b = "1".equals(value) || "true".equalsIgnoreCase(value);
        String t = b ? "TRUE" : "FALSE";
        return new RawCell(sheet, row, col, RawCell.Kind.BOOLEAN, t, b ? 1 : 0, null, f, t);
      }
      case "e" -> {
        String err = value == null ? "" : value;
        try {
          err = FormulaError.forString(err).getString();
        } catch (IllegalArgumentException ignored) {
          // an error text POI does not know: kept as written
        }
        return new RawCell(sheet, row, col, RawCell.Kind.ERROR, err, 0, null, f, err);
      }
      default -> {
        String s = value == null ? "" : value;
        return new RawCell(sheet, row, col, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
    }
  }

  /** POI's conversion, with whole days of the 1900 system done directly (they are most dates). */
  private LocalDateTime dateOf(double d) {
    if (!book.date1904 && d >= 61 && d == Math.rint(d) && d < 2_958_466) {
      // Serial 61 is 1900-03-01: Excel counts a 29 February 1900 that never was.
      return EPOCH_1900.plusDays((long) d - 61).atStartOfDay();
    }
    return DateUtil.getLocalDateTime(d, book.date1904);
  }

  private static final java.time.LocalDate EPOCH_1900 = java.time.LocalDate.of(1900, 3, 1);

  private RawCell number(int row, int col, double d, int style, String formula) {
    if (book.styles.isDate(style) && DateUtil.isValidExcelDate(d)) {
      return RawCell.formatted(sheet, row, col, RawCell.Kind.DATE, d, dateOf(d), formula, book.styles.display(style));
    }
    return RawCell.formatted(sheet, row, col, RawCell.Kind.NUMBER, d, null, formula, book.styles.display(style));
  }
}
