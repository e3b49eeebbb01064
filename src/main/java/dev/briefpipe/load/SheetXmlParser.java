package dev.briefpipe.load;

import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.typed.TypedXMLStreamException;

/**
 * One pass over a sheet's XML with a StAX reader: its non-blank rows, in sheet order, with every
 * cell's kind, value, cached formula result and displayed text as Excel shows it; then the merged
 * regions, which the XML lists after the rows. An address beyond Excel's grid (row 1,048,576, column
 * XFD) is refused as a broken file.
 */
final class SheetXmlParser {

    /** Hears how far the pass is: the byte offset in the sheet's XML, every few thousand rows. */
    interface Offset {
        void at(long bytes);
    }

    private final String sheet;
    private final BookParts book;
    private final Map<String, String> sharedFormulas = new HashMap<>();
    private final List<RawSheet.Merged> merged = new ArrayList<>();
    private final List<RawCell> cells = new ArrayList<>();
    private final CellAddresses addresses;
    private final CellAddresses.TypeDecoder types = new CellAddresses.TypeDecoder();
    private int rowIndex = -1;
    private int col = -1;
    /** The cell's number (or shared-string index), when {@link #hasNumber}. */
    private double number;

    private boolean hasNumber;

    SheetXmlParser(Path file, String sheet, BookParts book) {
        this.sheet = sheet;
        this.book = book;
        this.addresses = new CellAddresses(file, sheet);
    }

    /** Hands each non-blank row to {@code rows}; returns the merged regions. */
    List<RawSheet.Merged> parse(XMLStreamReader2 x, Consumer<RawSheet.RawRow> rows, Offset offset)
            throws XMLStreamException {
        int read = 0;
        while (x.hasNext()) {
            if (x.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (x.getLocalName()) {
                case "row" -> {
                    readRow(x, rows);
                    if (++read % 4096 == 0) {
                        offset.at(x.getLocation().getCharacterOffset());
                    }
                }
                case "mergeCell" -> merge(x.getAttributeValue(null, "ref"));
                default -> {}
            }
        }
        return List.copyOf(merged);
    }

    /** At a {@code <row>}: reads its cells up to {@code </row>}. */
    private void readRow(XMLStreamReader2 x, Consumer<RawSheet.RawRow> rows) throws XMLStreamException {
        String r = x.getAttributeValue(null, "r");
        rowIndex = r == null ? rowIndex + 1 : addresses.row(r) - 1;
        String h = x.getAttributeValue(null, "hidden");
        boolean hidden = "1".equals(h) || "true".equalsIgnoreCase(h);
        cells.clear();
        col = -1;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (x.getLocalName().equals("c")) {
                readCell(x);
            } else {
                skip(x);
            }
        }
        int last = cells.size() - 1;
        while (last >= 0 && cells.get(last).isBlank()) {
            last--;
        }
        if (last >= 0) {
            rows.accept(new RawSheet.RawRow(rowIndex, hidden, cells.subList(0, last + 1)));
        }
    }

    /** At a {@code <c>}: reads its value, formula or inline string up to {@code </c>}. */
    private void readCell(XMLStreamReader2 x) throws XMLStreamException {
        String type = null;
        int style = 0;
        int at = -1;
        for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
            switch (x.getAttributeLocalName(i)) {
                case "r" -> {
                    x.getAttributeAs(i, addresses);
                    at = addresses.column;
                }
                case "t" -> {
                    x.getAttributeAs(i, types);
                    type = types.type;
                }
                case "s" -> style = x.getAttributeAsInt(i);
                default -> {}
            }
        }
        col = at < 0 ? col + 1 : at;
        boolean numeric = type == null || type.equals("n") || type.equals("s");
        String value = null;
        String formula = null;
        String inline = null;
        boolean cached = false;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (x.getLocalName()) {
                case "v" -> {
                    cached = true;
                    // Numbers and string indexes are decoded where they lie in the parser's buffer.
                    if (numeric) {
                        hasNumber = readNumber(x);
                    } else {
                        value = x.getElementText();
                    }
                }
                case "f" -> {
                    String si = x.getAttributeValue(null, "si");
                    String text = x.getElementText();
                    if (si != null && !text.isEmpty()) {
                        sharedFormulas.put(si, text);
                    }
                    // A shared formula's other cells carry only its id: they show the first cell's text.
                    formula = text.isEmpty() && si != null ? sharedFormulas.getOrDefault(si, "") : text;
                }
                case "is" -> inline = SharedStrings.itemText(x);
                default -> skip(x);
            }
        }
        while (cells.size() < col) {
            cells.add(RawCell.blank(sheet, rowIndex, cells.size()));
        }
        // A formula whose result the file does not hold (a program that does not calculate saved it).
        RawCell cell = formula != null && (!cached || (numeric && !hasNumber))
                ? RawCell.uncomputed(sheet, rowIndex, col, formula)
                : numeric ? numeric(type, style, formula) : cell(type, value, formula, inline);
        hasNumber = false;
        if (col < cells.size()) {
            cells.set(col, cell);
        } else {
            cells.add(cell);
        }
    }

    /** At a {@code <v>} of a number or a shared string: reads it into {@link #number}; false when it is empty. */
    private boolean readNumber(XMLStreamReader2 x) throws XMLStreamException {
        try {
            number = x.getElementAsDouble();
            return true;
        } catch (TypedXMLStreamException e) {
            if (e.getLexical() == null || e.getLexical().isBlank()) {
                return false;
            }
            throw e;
        }
    }

    /** A number, or a shared string by its index. */
    private RawCell numeric(String type, int style, String formula) {
        if (type != null && type.equals("s")) {
            if (!hasNumber || number != Math.rint(number)) {
                throw new IllegalArgumentException("shared string index " + number);
            }
            return text(book.strings().get((int) number), formula);
        }
        if (!hasNumber) {
            return RawCell.blank(sheet, rowIndex, col);
        }
        return number(number, style, formula);
    }

    private RawCell cell(String type, String value, String formula, String inline) {
        int row = rowIndex;
        return switch (type) {
            case "inlineStr" ->
                text(SharedStrings.decode(inline != null ? inline : value == null ? "" : value), formula);
            case "str" -> text(value == null ? "" : SharedStrings.decode(value), formula);
            case "b" -> {
                boolean b = "1".equals(value) || "true".equalsIgnoreCase(value);
                String t = b ? "TRUE" : "FALSE";
                yield new RawCell(sheet, row, col, RawCell.Kind.BOOLEAN, t, b ? 1 : 0, null, formula, t);
            }
            case "e" -> {
                String err = value == null ? "" : value;
                try {
                    err = FormulaError.forString(err).getString();
                } catch (IllegalArgumentException unknown) {
                    // an error text Excel does not define: kept as written
                }
                yield new RawCell(sheet, row, col, RawCell.Kind.ERROR, err, 0, null, formula, err);
            }
            default -> text(value == null ? "" : value, formula);
        };
    }

    private RawCell text(String s, String formula) {
        return new RawCell(sheet, rowIndex, col, RawCell.Kind.TEXT, s, 0, null, formula, s);
    }

    private RawCell number(double d, int style, String formula) {
        CellFormats styles = book.styles();
        if (styles.isDate(style) && DateUtil.isValidExcelDate(d)) {
            return RawCell.formatted(
                    sheet, rowIndex, col, RawCell.Kind.DATE, d, date(d), formula, styles.display(style));
        }
        return RawCell.formatted(sheet, rowIndex, col, RawCell.Kind.NUMBER, d, null, formula, styles.display(style));
    }

    /** POI's conversion, with whole days of the 1900 date system (most dates) counted directly. */
    private LocalDateTime date(double d) {
        if (!book.date1904() && d >= 61 && d == Math.rint(d) && d < 2_958_466) {
            // Serial 61 is 1900-03-01: Excel counts a 29 February 1900 that never was.
            return MARCH_1900.plusDays((long) d - 61).atStartOfDay();
        }
        return DateUtil.getLocalDateTime(d, book.date1904());
    }

    private static final LocalDate MARCH_1900 = LocalDate.of(1900, 3, 1);

    private void merge(String ref) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon > 0) {
            String a = ref.substring(0, colon);
            String b = ref.substring(colon + 1);
            merged.add(new RawSheet.Merged(
                    addresses.row(a) - 1, addresses.row(b) - 1, addresses.column(a), addresses.column(b)));
        }
    }

    /** Skips the element the reader is at, with everything in it. */
    static void skip(XMLStreamReader2 x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
