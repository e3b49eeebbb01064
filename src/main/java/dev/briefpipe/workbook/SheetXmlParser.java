package dev.briefpipe.workbook;

import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;

/** The StAX pass over one sheet's XML: rows of cells, as {@link WorkbookReader#convert} makes them. */
final class SheetXmlParser {
  private final String sheet;
  private final StreamedBook book;
  private final Consumer<RawSheet.RawRow> action;
  private final IntConsumer dimension;
  private final Map<String, String> sharedFormulas = new HashMap<>();
  private final CellText.ColumnOf address = new CellText.ColumnOf();
  private final CellText.TypeOf cellType = new CellText.TypeOf();
  private char[] valueChars = new char[64];
  private int valueLength;
  private boolean hasValue;

  /** @param dimension hears the last row of the sheet's {@code <dimension>}, when it has one */
  SheetXmlParser(String sheet, StreamedBook book, IntConsumer dimension, Consumer<RawSheet.RawRow> action) {
    this.sheet = sheet;
    this.book = book;
    this.dimension = dimension;
    this.action = action;
  }

  /** Hands out the rows; returns the merged regions listed after them. */
  List<RawSheet.Merged> parse(InputStream in) throws XMLStreamException {
    List<RawSheet.Merged> merged = new ArrayList<>();
    XMLStreamReader x = StreamingWorkbookReader.xmlFactory().createXMLStreamReader(in);
    org.codehaus.stax2.XMLStreamReader2 typed = (org.codehaus.stax2.XMLStreamReader2) x;
    try {
      int rowIndex = -1;
      boolean rowHidden = false;
      List<RawCell> cells = new ArrayList<>();
      int col = -1;
      String type = null;
      int style = 0;
      String formula = null;
      StringBuilder inline = null;
      boolean inCell = false;
      int phonetic = 0;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          switch (name) {
            case "row" -> {
              String r = null;
              String h = null;
              for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
                String a = x.getAttributeLocalName(i);
                if (a.equals("r")) {
                  r = x.getAttributeValue(i);
                } else if (a.equals("hidden")) {
                  h = x.getAttributeValue(i);
                }
              }
              rowIndex = r != null ? Integer.parseInt(r) - 1 : rowIndex + 1;
              rowHidden = "1".equals(h) || "true".equalsIgnoreCase(h);
              cells.clear();
              col = -1;
            }
            case "c" -> {
              int at = -1;
              type = null;
              style = 0;
              // Attributes by position (looking each up by name costs a search per cell), and the
              // address and style decoded from the parser's characters: no strings made for them.
              for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
                String a = x.getAttributeLocalName(i);
                if (a.length() == 1) {
                  switch (a.charAt(0)) {
                    case 'r' -> {
                      typed.getAttributeAs(i, address);
                      at = address.column;
                    }
                    case 't' -> {
                      typed.getAttributeAs(i, cellType);
                      type = cellType.type;
                    }
                    case 's' -> style = typed.getAttributeAsInt(i);
                    default -> { }
                  }
                }
              }
              col = at >= 0 ? at : col + 1;
              hasValue = false;
              formula = null;
              inline = null;
              inCell = true;
            }
            case "v" -> readValue(x);
            case "f" -> {
              String si = x.getAttributeValue(null, "si");
              String text = x.getElementText();
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
                inline.append(x.getElementText());
              }
            }
            case "dimension" -> {
              int rows = lastRow(x.getAttributeValue(null, "ref"));
              if (rows > 0) {
                dimension.accept(rows);
              }
            }
            case "mergeCell" -> {
              String ref = x.getAttributeValue(null, "ref");
              if (ref != null && ref.contains(":")) {
                CellReference a = new CellReference(ref.substring(0, ref.indexOf(':')));
                CellReference b = new CellReference(ref.substring(ref.indexOf(':') + 1));
                merged.add(new RawSheet.Merged(a.getRow(), b.getRow(), a.getCol(), b.getCol()));
              }
            }
            case "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins", "pageSetup" -> {
              return List.copyOf(merged);
            }
            default -> { }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String name = x.getLocalName();
          if (name.equals("c") && inCell) {
            inCell = false;
            while (cells.size() < col) {
              cells.add(RawCell.blank(new CellRef(sheet, rowIndex, cells.size())));
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
            return List.copyOf(merged);
          }
        }
      }
    } finally {
      x.close();
    }
    return List.copyOf(merged);
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

  /** The text of a {@code <v>}, kept as characters: most are numbers and string indexes. */
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

  private void readValue(XMLStreamReader x) throws XMLStreamException {
    valueLength = 0;
    hasValue = true;
    int ev;
    while ((ev = x.next()) != XMLStreamConstants.END_ELEMENT) {
      if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
        int n = x.getTextLength();
        if (valueLength + n > valueChars.length) {
          valueChars = java.util.Arrays.copyOf(valueChars, Math.max(valueLength + n, valueChars.length * 2));
        }
        System.arraycopy(x.getTextCharacters(), x.getTextStart(), valueChars, valueLength, n);
        valueLength += n;
      }
    }
  }

  private String value() {
    return hasValue ? new String(valueChars, 0, valueLength) : null;
  }

  private RawCell cell(int row, int col, String type, int style, String formula, StringBuilder inline) {
    CellRef ref = new CellRef(sheet, row, col);
    String f = formula;
    if (type == null || type.equals("n")) {
      if (!hasValue || valueLength == 0) {
        // A formula without a cached result reads as 0, as POI's usermodel has it.
        return f == null ? RawCell.blank(ref) : number(ref, 0, style, f);
      }
      return number(ref, CellText.parseNumber(valueChars, valueLength), style, f);
    }
    String value = type.equals("s") ? null : value();
    switch (type) {
      case "s" -> {
        String s = book.strings.get((int) CellText.parseNumber(valueChars, valueLength));
        return new RawCell(ref, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
      case "inlineStr" -> {
        String s = inline == null ? (value == null ? "" : SharedStrings.decode(value)) : SharedStrings.decode(inline.toString());
        return new RawCell(ref, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
      case "str" -> {
        String s = value == null ? "" : SharedStrings.decode(value);
        return new RawCell(ref, RawCell.Kind.TEXT, s, 0, null, f, s);
      }
      case "b" -> {
        boolean b = "1".equals(value) || "true".equalsIgnoreCase(value);
        String t = b ? "TRUE" : "FALSE";
        return new RawCell(ref, RawCell.Kind.BOOLEAN, t, b ? 1 : 0, null, f, t);
      }
      case "e" -> {
        String err = value == null ? "" : value;
        try {
          err = FormulaError.forString(err).getString();
        } catch (IllegalArgumentException ignored) {
          // an error text POI does not know: kept as written
        }
        return new RawCell(ref, RawCell.Kind.ERROR, err, 0, null, f, err);
      }
      default -> {
        String s = value == null ? "" : value;
        return new RawCell(ref, RawCell.Kind.TEXT, s, 0, null, f, s);
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

  private RawCell number(CellRef ref, double d, int style, String formula) {
    if (book.styles.isDate(style) && DateUtil.isValidExcelDate(d)) {
      return RawCell.formatted(ref, RawCell.Kind.DATE, d, dateOf(d), formula, book.styles.display(style));
    }
    return RawCell.formatted(ref, RawCell.Kind.NUMBER, d, null, formula, book.styles.display(style));
  }
}
