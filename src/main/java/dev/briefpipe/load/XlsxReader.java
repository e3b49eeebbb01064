package dev.briefpipe.load;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.model.WorkMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * Reads an .xlsx or .xlsm of any size one row at a time. POI's package layer opens the zip and finds
 * the parts, under its limits on inflate ratio, entry size and entry count ({@link PoiHardening});
 * Aalto, a StAX parser with DTDs and external entities turned off, reads their XML. Memory does not
 * grow with the sheets: shared strings are kept compactly, rows are handed out as they are read.
 */
final class XlsxReader {
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final XMLInputFactory XML = xmlFactory();

    private XlsxReader() {}

    /** Opens the package and reads its sheet list, formats and shared strings; the rows come later. */
    static RawWorkbook open(Path file, String sha256, long size, WorkMeter meter)
            throws IOException, XMLStreamException, OpenXML4JException {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            new XSSFReader(pkg); // refuses Strict OOXML and a package without a workbook, each in its own words
            PackageRelationship core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)
                    .getRelationship(0);
            PackagePart workbook = pkg.getPart(core);
            List<SheetEntry> entries = new ArrayList<>();
            boolean date1904 = readWorkbook(workbook, entries);
            Optional<PackagePart> stylesPart = related(workbook, XSSFRelation.STYLES.getRelation());
            CellFormats styles = stylesPart.isEmpty()
                    ? CellFormats.none(date1904)
                    : read(stylesPart.get(), x -> CellFormats.read(x, date1904));
            Optional<PackagePart> stringsPart = related(workbook, XSSFRelation.SHARED_STRINGS.getRelation());
            SharedStrings strings = stringsPart.isEmpty()
                    ? new SharedStrings()
                    : read(
                            stringsPart.get(),
                            x -> SharedStrings.read(x, stringsPart.get().getSize()));
            BookParts book = new BookParts(date1904, styles, strings);
            List<PackagePart> parts = new ArrayList<>();
            long total = 0;
            for (SheetEntry e : entries) {
                PackagePart part = workbook.getRelatedPart(workbook.getRelationship(e.relId()));
                // A sheet that says it unpacks past the limit is refused now, whether or not a brief reads it.
                if (part.getSize() > PoiHardening.partLimit()) {
                    throw new WorkbookReadException(
                            file, "too-large", "> " + PoiHardening.partLimit() / (1024 * 1024) + " MB", null);
                }
                parts.add(part);
                total += Math.max(0, part.getSize());
            }
            Progress progress = new Progress(meter, total);
            List<SheetRows> sheets = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                sheets.add(new Sheet(file, entries.get(i), parts.get(i), book, progress));
            }
            return new RawWorkbook(file, sha256, size, sheets, date1904, pkg::revert);
        } catch (IOException | XMLStreamException | OpenXML4JException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    /** The sheets, in workbook order; whether the workbook counts dates from 1904. */
    private static boolean readWorkbook(PackagePart workbook, List<SheetEntry> entries)
            throws IOException, XMLStreamException {
        return read(workbook, x -> {
            boolean date1904 = false;
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (x.getLocalName().equals("workbookPr")) {
                    String v = x.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                } else if (x.getLocalName().equals("sheet")) {
                    String state = x.getAttributeValue(null, "state");
                    entries.add(new SheetEntry(
                            x.getAttributeValue(null, "name"),
                            x.getAttributeValue(REL_NS, "id"),
                            state != null && !state.equals("visible")));
                }
            }
            return date1904;
        });
    }

    private static Optional<PackagePart> related(PackagePart from, String type) throws OpenXML4JException {
        for (PackageRelationship rel : from.getRelationshipsByType(type)) {
            return Optional.ofNullable(from.getRelatedPart(rel));
        }
        return Optional.empty();
    }

    private interface PartReader<T> {
        T read(XMLStreamReader x) throws XMLStreamException;
    }

    private static <T> T read(PackagePart part, PartReader<T> reader) throws IOException, XMLStreamException {
        try (InputStream in = part.getInputStream()) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            try {
                return reader.read(x);
            } finally {
                x.close();
            }
        }
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** Bytes of sheet XML read so far, of all the sheets'. */
    private static final class Progress {
        private final WorkMeter meter;
        private final long total;
        private long done;

        Progress(WorkMeter meter, long total) {
            this.meter = meter;
            this.total = total;
        }
    }

    /** One sheet, read from the open package each time its rows are asked for. */
    private static final class Sheet implements SheetRows {
        private final Path file;
        private final SheetEntry entry;
        private final PackagePart part;
        private final BookParts book;
        private final Progress progress;
        private List<RawSheet.Merged> merged;

        Sheet(Path file, SheetEntry entry, PackagePart part, BookParts book, Progress progress) {
            this.file = file;
            this.entry = entry;
            this.part = part;
            this.book = book;
            this.progress = progress;
        }

        @Override
        public String name() {
            return entry.name();
        }

        @Override
        public boolean hidden() {
            return entry.hidden();
        }

        /** The merged regions the last pass found (they follow the rows in the XML); none before it. */
        @Override
        public List<RawSheet.Merged> merged() {
            return merged == null ? List.of() : merged;
        }

        @Override
        public boolean mergedKnown() {
            return merged != null;
        }

        /**
         * Reads the rows again from the package. The XML is parsed on a second thread while this one
         * hands the rows out, a batch at a time through a short queue: parsing and what the caller does
         * with each row overlap, and memory stays bounded. What {@code action} throws reaches the caller
         * as it was; anything that goes wrong in the parsing is the file's, and is told as such.
         */
        @Override
        public void forEachRow(Consumer<RawSheet.RawRow> action) {
            long before = progress.done;
            RowQueue queue = new RowQueue();
            Thread parser = new Thread(
                    () -> {
                        try {
                            queue.finish(
                                    read(
                                            part,
                                            x -> new SheetXmlParser(file, entry.name(), book)
                                                    .parse(
                                                            (XMLStreamReader2) x,
                                                            queue::put,
                                                            at -> progress.meter.advance(before + at, progress.total))),
                                    null);
                        } catch (Throwable e) { // a hostile file may exhaust the stack or the heap: still one sentence
                            queue.finish(null, Workbooks.failure(file, e));
                        }
                    },
                    "sheet-reader");
            parser.setDaemon(true);
            parser.start();
            try {
                merged = queue.drain(action);
            } finally {
                queue.cancel();
                parser.interrupt();
            }
            progress.done = before + Math.max(0, part.getSize());
        }
    }
}
