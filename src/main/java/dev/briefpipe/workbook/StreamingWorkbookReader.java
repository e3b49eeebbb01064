package dev.briefpipe.workbook;

import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.SheetRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a large .xlsx one row at a time: POI's package layer (with its zip-bomb and size limits) opens
 * the parts, and a StAX pass (Aalto) reads each sheet's XML, so memory does not grow with the sheet.
 * The cells it hands out are the same as {@link WorkbookReader}'s for the same file: same kinds,
 * values, dates and displayed text.
 *
 * <p>Shared strings are kept in one character array. Merged regions are listed at the end of a
 * sheet's XML, so a quick byte scan finds them before the rows are read.
 */
public final class StreamingWorkbookReader {
  private static final Logger log = LoggerFactory.getLogger(StreamingWorkbookReader.class);
  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  /** Opens the workbook and reads its list of sheets, styles and shared strings; rows come later. */
  public RawWorkbook open(Path file, long maxBytes, long maxPartBytes) {
    PoiHardening.apply(maxPartBytes);
    if (!Files.isRegularFile(file)) {
      throw new WorkbookReadException(file, "not-found", null, null);
    }
    try {
      FileSniffer.check(file, maxBytes);
      String sha = FileHashes.sha256(file);
      long size = Files.size(file);
      long modified = Files.getLastModifiedTime(file).toMillis();
      Book book;
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        XSSFReader reader = new XSSFReader(pkg);
        book = readWorkbookXml(reader);
        book.styles = Formats.of(reader.getStylesTable());
        try (InputStream sst = reader.getSharedStringsData()) {
          book.strings = sst == null ? new SharedStrings() : SharedStrings.read(sst);
        } catch (IllegalArgumentException | IOException e) {
          // No shared strings part: a workbook of numbers and inline strings only.
          book.strings = new SharedStrings();
        }
      }
      List<SheetRows> sheets = new ArrayList<>();
      for (SheetEntry e : book.sheets) {
        sheets.add(new StreamedSheet(file, size, modified, e, book));
      }
      log.info("opened {} for streaming ({} bytes, {} sheets, {} shared strings)", file, size, sheets.size(),
          book.strings.size());
      return new RawWorkbook(file, sha, size, sheets, book.date1904);
    } catch (WorkbookReadException e) {
      throw e;
    } catch (org.apache.poi.EncryptedDocumentException e) {
      throw new WorkbookReadException(file, "encrypted", e.getMessage(), e);
    } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
      throw failure(file, e, maxPartBytes);
    }
  }

  static WorkbookReadException failure(Path file, Throwable e, long maxPartBytes) {
    String reason = WorkbookReader.reason(e);
    String detail = "too-large".equals(reason) ? "> " + maxPartBytes / (1024 * 1024) + " MB" : e.getMessage();
    return new WorkbookReadException(file, reason, detail, e);
  }

  static XMLInputFactory xmlFactory() {
    XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private static Book readWorkbookXml(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
    Book book = new Book();
    try (InputStream in = reader.getWorkbookData()) {
      XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
      try {
        while (x.hasNext()) {
          if (x.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = x.getLocalName();
          if (name.equals("workbookPr")) {
            String v = x.getAttributeValue(null, "date1904");
            book.date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
          } else if (name.equals("sheet")) {
            String state = x.getAttributeValue(null, "state");
            book.sheets.add(new SheetEntry(x.getAttributeValue(null, "name"), x.getAttributeValue(REL_NS, "id"),
                state != null && !state.equals("visible")));
          }
        }
      } finally {
        x.close();
      }
    }
    return book;
  }

  private static final class Book {
    final List<SheetEntry> sheets = new ArrayList<>();
    boolean date1904;
    Formats styles;
    SharedStrings strings;
  }

  private record SheetEntry(String name, String relId, boolean hidden) {}

  /** One sheet, read from the file each time its rows are asked for. */
  private static final class StreamedSheet implements SheetRows {
    private static final Pattern MERGE_REF = Pattern.compile("<(?:\\w+:)?mergeCell\\s[^>]*?ref=\"([A-Z]+\\d+):([A-Z]+\\d+)\"");
    private final Path file;
    private final long size;
    private final long modified;
    private final SheetEntry entry;
    private final Book book;
    private List<RawSheet.Merged> merged;

    StreamedSheet(Path file, long size, long modified, SheetEntry entry, Book book) {
      this.file = file;
      this.size = size;
      this.modified = modified;
      this.entry = entry;
      this.book = book;
    }

    @Override
    public String name() {
      return entry.name();
    }

    @Override
    public boolean hidden() {
      return entry.hidden();
    }

    @Override
    public boolean streamed() {
      return true;
    }

    @Override
    public List<RawSheet.Merged> merged() {
      if (merged == null) {
        merged = withPart(this::scanMerges);
      }
      return merged;
    }

    @Override
    public void forEachRow(Consumer<RawSheet.RawRow> action) {
      merged();
      withPart(in -> {
        new SheetParser(entry.name(), book, action).parse(in);
        return null;
      });
    }

    private interface PartReader<T> {
      T read(InputStream in) throws IOException, XMLStreamException;
    }

    private <T> T withPart(PartReader<T> reader) {
      try {
        if (Files.size(file) != size || Files.getLastModifiedTime(file).toMillis() != modified) {
          throw new WorkbookReadException(file, "changed-while-reading", null, null);
        }
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            InputStream in = new XSSFReader(pkg).getSheet(entry.relId())) {
          return reader.read(in);
        }
      } catch (WorkbookReadException e) {
        throw e;
      } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
        throw failure(file, e, PoiHardening.partLimit());
      }
    }

    /** The merged regions: a byte scan for the {@code <mergeCells>} list after the sheet data. */
    private List<RawSheet.Merged> scanMerges(InputStream in) throws IOException {
      byte[] needle = "mergeCells".getBytes(StandardCharsets.US_ASCII);
      byte[] buf = new byte[1 << 16];
      int keep = needle.length + 2;
      int carry = 0;
      ByteArrayOutputStream tail = null;
      int n;
      while ((n = in.read(buf, carry, buf.length - carry)) > 0) {
        int len = carry + n;
        if (tail != null) {
          tail.write(buf, 0, len);
          carry = 0;
          continue;
        }
        int at = indexOf(buf, len, needle);
        if (at >= 0) {
          tail = new ByteArrayOutputStream();
          int from = Math.max(0, at - 2);
          tail.write(buf, from, len - from);
          carry = 0;
        } else {
          carry = Math.min(keep, len);
          System.arraycopy(buf, len - carry, buf, 0, carry);
        }
      }
      List<RawSheet.Merged> out = new ArrayList<>();
      if (tail != null) {
        Matcher m = MERGE_REF.matcher(tail.toString(StandardCharsets.UTF_8));
        while (m.find()) {
          CellReference a = new CellReference(m.group(1));
          CellReference b = new CellReference(m.group(2));
          out.add(new RawSheet.Merged(a.getRow(), b.getRow(), a.getCol(), b.getCol()));
        }
      }
      return List.copyOf(out);
    }

    private static int indexOf(byte[] buf, int len, byte[] needle) {
      outer:
      for (int i = 0; i + needle.length <= len; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (buf[i + j] != needle[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  /** The StAX pass over one sheet's XML: rows of cells, as {@link WorkbookReader#convert} makes them. */
  private static final class SheetParser {
    private final String sheet;
    private final Book book;
    private final Consumer<RawSheet.RawRow> action;
    private final DataFormatter fmt = new DataFormatter(Locale.ROOT);
    private final Map<String, String> sharedFormulas = new HashMap<>();

    SheetParser(String sheet, Book book, Consumer<RawSheet.RawRow> action) {
      this.sheet = sheet;
      this.book = book;
      this.action = action;
    }

    void parse(InputStream in) throws XMLStreamException {
      XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
      try {
        int rowIndex = -1;
        boolean rowHidden = false;
        List<RawCell> cells = new ArrayList<>();
        int col = -1;
        String type = null;
        int style = 0;
        String value = null;
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
                String r = x.getAttributeValue(null, "r");
                rowIndex = r != null ? Integer.parseInt(r) - 1 : rowIndex + 1;
                String h = x.getAttributeValue(null, "hidden");
                rowHidden = "1".equals(h) || "true".equalsIgnoreCase(h);
                cells.clear();
                col = -1;
              }
              case "c" -> {
                String r = x.getAttributeValue(null, "r");
                col = r != null ? column(r) : col + 1;
                type = x.getAttributeValue(null, "t");
                String s = x.getAttributeValue(null, "s");
                style = s == null ? 0 : Integer.parseInt(s);
                value = null;
                formula = null;
                inline = null;
                inCell = true;
              }
              case "v" -> value = x.getElementText();
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
              case "mergeCells", "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins" -> {
                return;
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
              RawCell cell = cell(rowIndex, col, type, style, value, formula, inline);
              if (col < cells.size()) {
                cells.set(col, cell);
              } else {
                cells.add(cell);
              }
            } else if (name.equals("rPh")) {
              phonetic--;
            } else if (name.equals("row")) {
              emit(rowIndex, rowHidden, cells);
            } else if (name.equals("sheetData")) {
              return;
            }
          }
        }
      } finally {
        x.close();
      }
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

    private RawCell cell(int row, int col, String type, int style, String value, String formula, StringBuilder inline) {
      CellRef ref = new CellRef(sheet, row, col);
      String f = formula;
      if (type == null || type.equals("n")) {
        if (value == null || value.isEmpty()) {
          // A formula without a cached result reads as 0, as POI's usermodel has it.
          return f == null ? RawCell.blank(ref) : number(ref, 0, style, f);
        }
        return number(ref, Double.parseDouble(value), style, f);
      }
      switch (type) {
        case "s" -> {
          String s = book.strings.get(Integer.parseInt(value.trim()));
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

    private RawCell number(CellRef ref, double d, int style, String formula) {
      short idx = book.styles.index(style);
      String pattern = book.styles.pattern(style);
      String display = fmt.formatRawCellContents(d, idx, pattern, book.date1904);
      if (DateUtil.isValidExcelDate(d) && DateUtil.isADateFormat(idx, pattern)) {
        return new RawCell(ref, RawCell.Kind.DATE, display, d, DateUtil.getLocalDateTime(d, book.date1904), formula,
            display);
      }
      return new RawCell(ref, RawCell.Kind.NUMBER, display, d, null, formula, display);
    }

    private static int column(String a1) {
      int c = 0;
      for (int i = 0; i < a1.length(); i++) {
        char ch = a1.charAt(i);
        if (ch < 'A' || ch > 'Z') {
          break;
        }
        c = c * 26 + (ch - 'A' + 1);
      }
      return c - 1;
    }
  }

  /** Number formats by cell style index, looked up once each. */
  private static final class Formats {
    private final StylesTable styles;
    private final Map<Integer, Short> indexes = new HashMap<>();
    private final Map<Integer, String> patterns = new HashMap<>();

    private Formats(StylesTable styles) {
      this.styles = styles;
    }

    static Formats of(StylesTable styles) {
      return new Formats(styles);
    }

    short index(int style) {
      return indexes.computeIfAbsent(style, s -> style(s) == null ? 0 : style(s).getDataFormat());
    }

    String pattern(int style) {
      return patterns.computeIfAbsent(style, s -> style(s) == null ? "General" : style(s).getDataFormatString());
    }

    private XSSFCellStyle style(int s) {
      return styles == null || styles.getNumCellStyles() == 0 || s >= styles.getNumCellStyles() ? null : styles.getStyleAt(s);
    }
  }
}
