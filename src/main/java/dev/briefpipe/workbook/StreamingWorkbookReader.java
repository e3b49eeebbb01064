package dev.briefpipe.workbook;

import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.SheetRows;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a large .xlsx one row at a time: POI's package layer (with its zip-bomb and size limits) opens
 * the parts, and {@link XmlScanner} reads each sheet's XML from its bytes, so memory does not grow with
 * the sheet (the small parts, workbook and styles, are read with a StAX parser, Aalto). The cells it
 * hands out are the same as {@link WorkbookReader}'s for the same file: same kinds, values, dates and
 * displayed text.
 *
 * <p>Shared strings are kept in one byte array, as UTF-8. Merged regions are listed after the rows in a
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

  /**
   * Opens the workbook and reads its list of sheets, styles and shared strings; rows come later.
   *
   * @param hashAhead work out the file's hash beside the reading, for a caller that will need it (to
   *     write back, say); otherwise it is worked out only if asked for, as validating alone never does
   *     (for a million rows it is a fifth of a second of a core that the reading can use)
   */
  public RawWorkbook open(Path file, long maxBytes, long maxPartBytes, boolean hashAhead) {
    PoiHardening.apply(maxPartBytes);
    if (!Files.isRegularFile(file)) {
      throw new WorkbookReadException(file, "not-found", null, null);
    }
    try {
      FileSniffer.check(file, maxBytes);
      OpenedFile opened = OpenedFile.of(file);
      long size = opened.size();
      Supplier<String> sha = hashAhead ? opened.hashBeside() : opened.hashWhenAsked();
      StreamedBook book;
      try (PackageParts parts = PackageParts.open(file)) {
        try (InputStream in = parts.workbook()) {
          book = readWorkbookXml(in);
        }
        InputStream stylesXml = parts.styles();
        if (stylesXml == null) {
          book.styles = CellFormats.none(book.date1904);
        } else {
          try (InputStream in = new LimitedInput(stylesXml, PoiHardening.partLimit(), n -> { })) {
            book.styles = CellFormats.read(in, book.date1904);
          }
        }
        book.meter = meter;
        long sstSize = parts.sharedStringsSize();
        // As the in-memory reader would: a part that says it unpacks larger than the limit is refused
        // up front, read or not (one that lies is stopped as it is read).
        for (SheetEntry e : book.sheets) {
          long partSize = parts.partSize(e.relId());
          book.sheetBytes += Math.max(0, partSize);
          if (partSize > PoiHardening.partLimit()) {
            throw new IOException("sheet " + e.name() + " exceeds the maximum part size");
          }
        }
        if (sstSize > PoiHardening.partLimit()) {
          throw new IOException("the shared strings exceed the maximum part size");
        }
        // No shared strings part: a workbook of numbers and inline strings only.
        InputStream sst = parts.sharedStrings();
        if (sst == null) {
          book.strings = new SharedStrings();
        } else {
          try (InputStream in = new LimitedInput(sst, PoiHardening.partLimit(), n -> { })) {
            book.strings = SharedStrings.read(in, sstSize);
          }
        }
      }
      List<SheetRows> sheets = new ArrayList<>();
      for (SheetEntry e : book.sheets) {
        sheets.add(new StreamedSheet(opened, e, book));
      }
      log.info("opened {} for streaming ({} bytes, {} sheets, {} shared strings)", file, size, sheets.size(),
          book.strings.size());
      return new RawWorkbook(file, sha, size, sheets, book.date1904);
    } catch (WorkbookReadException e) {
      throw e;
    } catch (IOException | XMLStreamException | RuntimeException e) {
      throw failure(file, e, maxPartBytes);
    }
  }

  static WorkbookReadException failure(Path file, Throwable e, long maxPartBytes) {
    String reason = WorkbookReader.reason(e);
    String detail = "too-large".equals(reason) ? "> " + maxPartBytes / (1024 * 1024) + " MB" : e.getMessage();
    return new WorkbookReadException(file, reason, detail, e);
  }

  /** A StAX factory for the small parts (workbook, styles, relationships), DTDs off. */
  static XMLInputFactory xmlFactory() {
    XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }

  private static StreamedBook readWorkbookXml(InputStream in) throws XMLStreamException {
    StreamedBook book = new StreamedBook();
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
    return book;
  }


  /** One sheet, read from the file each time its rows are asked for. */
  private static final class StreamedSheet implements SheetRows {
    /** What the sheet's dimension says, once the parsing thread has read it; -1 until then. */
    private volatile int rowsHint = -1;
    private final OpenedFile opened;
    private final SheetEntry entry;
    private final StreamedBook book;
    private List<RawSheet.Merged> merged;

    StreamedSheet(OpenedFile opened, SheetEntry entry, StreamedBook book) {
      this.opened = opened;
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
      forEachRow(row -> row, action);
    }

    @Override
    public int rowsHint() {
      return rowsHint;
    }

    @Override
    public <T> void forEachRow(java.util.function.Function<RawSheet.RawRow, T> prepare, Consumer<T> action) {
      // The XML is parsed, and each row prepared, on a second thread while this one hands the results
      // out, in batches through a short queue: reading and validating overlap, and memory stays bounded.
      RowPipe<T> pipe = new RowPipe<>();
      Thread parser = new Thread(() -> {
        try {
          pipe.finish(withPart(in -> new SheetXmlParser(entry.name(), book, rows -> {
            // No more rows than the sheets' XML could hold at some 32 bytes a row with a cell.
            rowsHint = (int) Math.min(rows, book.sheetBytes / 32);
          }, row -> {
            T t;
            try {
              t = prepare.apply(row);
            } catch (RuntimeException e) {
              throw new PrepareFailed(e);
            }
            if (t != null) {
              pipe.put(t);
            }
          }).parse(in)), null);
        } catch (PrepareFailed e) {
          pipe.finish(null, e.getCause());
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

    /**
     * What the caller's preparing threw, carried past the reading's own error handling: it is the
     * caller's failure, to be thrown to it as it was, not a sign of an unreadable file.
     */
    private static final class PrepareFailed extends RuntimeException {
      PrepareFailed(RuntimeException cause) {
        super(cause);
      }
    }

    private interface PartReader<T> {
      T read(InputStream in) throws IOException, XMLStreamException;
    }

    private <T> T withPart(PartReader<T> reader) {
      try {
        opened.requireUnchanged();
        try (PackageParts parts = PackageParts.open(opened.file());
            InputStream in = new ReadAheadInput(parts.part(entry.relId()), "sheet-inflater")) {
          return reader.read(new LimitedInput(in, PoiHardening.partLimit(),
              n -> book.meter.advance(book.readBytes.addAndGet(n), book.sheetBytes)));
        }
      } catch (WorkbookReadException | PrepareFailed e) {
        throw e;
      } catch (IOException | XMLStreamException | RuntimeException e) {
        throw failure(opened.file(), e, PoiHardening.partLimit());
      }
    }
  }

}
