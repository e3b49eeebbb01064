package dev.briefpipe.workbook;

import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.SheetRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
 * <p>Shared strings are kept in one character array. Merged regions are listed after the rows in a
 * sheet's XML, so they are known once the rows have been read (see {@link SheetRows#mergedKnown()}).
 */
public final class StreamingWorkbookReader {
  private static final Logger log = LoggerFactory.getLogger(StreamingWorkbookReader.class);
  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private final dev.briefpipe.model.WorkMeter meter;

  public StreamingWorkbookReader() {
    this(dev.briefpipe.model.WorkMeter.NONE);
  }

  /** @param meter hears how many bytes of sheet XML have been read, of all the sheets' */
  public StreamingWorkbookReader(dev.briefpipe.model.WorkMeter meter) {
    this.meter = meter;
  }

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
        book.meter = meter;
        var parts = pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        long sstSize = parts.isEmpty() ? -1 : parts.get(0).getSize();
        // As the in-memory reader would: a part that says it unpacks larger than the limit is refused
        // up front, read or not (one that lies is stopped as it is read).
        for (var part : pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.WORKSHEET.getContentType())) {
          book.sheetBytes += Math.max(0, part.getSize());
          if (part.getSize() > PoiHardening.partLimit()) {
            throw new IOException(part.getPartName() + " exceeds the maximum part size");
          }
        }
        if (sstSize > PoiHardening.partLimit()) {
          throw new IOException("the shared strings exceed the maximum part size");
        }
        InputStream sst;
        try {
          sst = reader.getSharedStringsData();
        } catch (IllegalArgumentException | IOException e) {
          // No shared strings part: a workbook of numbers and inline strings only.
          sst = null;
        }
        if (sst == null) {
          book.strings = new SharedStrings();
        } else {
          try (InputStream in = new MeteredInput(sst, new Book(), PoiHardening.partLimit())) {
            book.strings = SharedStrings.read(in, sstSize);
          }
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
    dev.briefpipe.model.WorkMeter meter = dev.briefpipe.model.WorkMeter.NONE;
    long sheetBytes;
    final java.util.concurrent.atomic.AtomicLong readBytes = new java.util.concurrent.atomic.AtomicLong();
  }

  /**
   * Counts the sheet XML read, for the progress display, and refuses a sheet that unpacks larger than
   * the part limit (however its zip entry describes itself).
   */
  private static final class MeteredInput extends java.io.FilterInputStream {
    private final Book book;
    private final long limit;
    private long read;

    MeteredInput(InputStream in, Book book, long limit) {
      super(in);
      this.book = book;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        if (read > limit) {
          throw new IOException("the sheet's XML exceeds the maximum part size (" + limit + " bytes)");
        }
        book.meter.advance(book.readBytes.addAndGet(n), book.sheetBytes);
      }
      return n;
    }
  }

  private record SheetEntry(String name, String relId, boolean hidden) {}

  /** One sheet, read from the file each time its rows are asked for. */
  private static final class StreamedSheet implements SheetRows {
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

    /**
     * The merged regions the last pass over the rows found (they follow the rows in the XML), or
     * none before the first pass. A reader that needs them up front reads the rows again when they
     * turn out to exist, which costs only sheets that have merged cells.
     */
    @Override
    public List<RawSheet.Merged> merged() {
      return merged == null ? List.of() : merged;
    }

    @Override
    public boolean mergedKnown() {
      return merged != null;
    }

    @Override
    public void forEachRow(Consumer<RawSheet.RawRow> action) {
      // The XML is parsed on a second thread while this one hands the rows out, in batches through
      // a short queue: reading and validating overlap, and memory stays bounded.
      RowPipe pipe = new RowPipe();
      Thread parser = new Thread(() -> {
        try {
          pipe.finish(withPart(in -> new SheetParser(entry.name(), book, pipe::put).parse(in)), null);
        } catch (RuntimeException | Error e) {
          pipe.finish(null, e);
        }
      }, "sheet-parser");
      parser.setDaemon(true);
      parser.start();
      try {
        merged = pipe.drain(action);
      } finally {
        pipe.cancel();
        parser.interrupt();
      }
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
          return reader.read(new MeteredInput(in, book, PoiHardening.partLimit()));
        }
      } catch (WorkbookReadException e) {
        throw e;
      } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
        throw failure(file, e, PoiHardening.partLimit());
      }
    }
  }

  /** Rows from the parsing thread to the reading one, a batch at a time. */
  private static final class RowPipe {
    private static final int BATCH = 256;
    private static final List<RawSheet.RawRow> END = new ArrayList<>();
    private final java.util.concurrent.BlockingQueue<List<RawSheet.RawRow>> queue =
        new java.util.concurrent.ArrayBlockingQueue<>(4);
    private List<RawSheet.RawRow> batch = new ArrayList<>(BATCH);
    private volatile boolean cancelled;
    private volatile List<RawSheet.Merged> merged;
    private volatile Throwable failure;

    /** On the parsing thread. */
    void put(RawSheet.RawRow row) {
      batch.add(row);
      if (batch.size() == BATCH) {
        send(batch);
        batch = new ArrayList<>(BATCH);
      }
    }

    /** On the parsing thread, once: the merged regions, or what went wrong. */
    void finish(List<RawSheet.Merged> merged, Throwable failure) {
      this.merged = merged;
      this.failure = failure;
      if (failure == null && !batch.isEmpty()) {
        send(batch);
      }
      send(END);
    }

    private void send(List<RawSheet.RawRow> rows) {
      try {
        while (!cancelled && !queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          // the reader is busy: wait
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("row reading stopped");
      }
    }

    /** On the reading thread: hands out every row, then returns the merged regions. */
    List<RawSheet.Merged> drain(Consumer<RawSheet.RawRow> action) {
      try {
        while (true) {
          List<RawSheet.RawRow> rows = queue.take();
          if (rows == END) {
            break;
          }
          rows.forEach(action);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("interrupted");
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return merged;
    }

    void cancel() {
      cancelled = true;
    }
  }

  /** The StAX pass over one sheet's XML: rows of cells, as {@link WorkbookReader#convert} makes them. */
  private static final class SheetParser {
    private final String sheet;
    private final Book book;
    private final Consumer<RawSheet.RawRow> action;
    private final DataFormatter fmt = new DataFormatter(Locale.ROOT);
    private final Map<String, String> sharedFormulas = new HashMap<>();
    private char[] valueChars = new char[64];
    private int valueLength;
    private boolean hasValue;

    SheetParser(String sheet, Book book, Consumer<RawSheet.RawRow> action) {
      this.sheet = sheet;
      this.book = book;
      this.action = action;
    }

    /** Hands out the rows; returns the merged regions listed after them. */
    List<RawSheet.Merged> parse(InputStream in) throws XMLStreamException {
      List<RawSheet.Merged> merged = new ArrayList<>();
      XMLStreamReader x = xmlFactory().createXMLStreamReader(in);
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
                String r = null;
                type = null;
                style = 0;
                // Attributes by position: looking each up by name costs a search per cell.
                for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
                  String a = x.getAttributeLocalName(i);
                  if (a.length() == 1) {
                    switch (a.charAt(0)) {
                      case 'r' -> r = x.getAttributeValue(i);
                      case 't' -> type = x.getAttributeValue(i);
                      case 's' -> style = Integer.parseInt(x.getAttributeValue(i));
                      default -> { }
                    }
                  }
                }
                col = r != null ? column(r) : col + 1;
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
        return number(ref, parseNumber(valueChars, valueLength), style, f);
      }
      String value = type.equals("s") ? null : value();
      switch (type) {
        case "s" -> {
          String s = book.strings.get((int) parseNumber(valueChars, valueLength));
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

    /** Most numbers in a sheet are whole: those skip the general (and slower) conversion. */
    private static double parseNumber(char[] v, int n) {
      int start = 0;
      while (start < n && v[start] <= ' ') {
        start++;
      }
      while (n > start && v[n - 1] <= ' ') {
        n--;
      }
      int len = n - start;
      if (len > 0 && len <= 15) {
        int i = start + (v[start] == '-' ? 1 : 0);
        long x = 0;
        boolean digits = i < n;
        for (int j = i; j < n && digits; j++) {
          char c = v[j];
          digits = c >= '0' && c <= '9';
          x = x * 10 + (c - '0');
        }
        if (digits) {
          return v[start] == '-' ? -x : x;
        }
      }
      return Double.parseDouble(new String(v, start, len));
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
      short idx = book.styles.index(style);
      String pattern = book.styles.pattern(style);
      java.util.function.Supplier<String> display = () -> fmt.formatRawCellContents(d, idx, pattern, book.date1904);
      if (book.styles.isDate(style) && DateUtil.isValidExcelDate(d)) {
        return RawCell.formatted(ref, RawCell.Kind.DATE, d, dateOf(d), formula,
            display);
      }
      return RawCell.formatted(ref, RawCell.Kind.NUMBER, d, null, formula, display);
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

    private final Map<Integer, Boolean> dates = new HashMap<>();

    boolean isDate(int style) {
      return dates.computeIfAbsent(style, s -> DateUtil.isADateFormat(index(s), pattern(s)));
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
