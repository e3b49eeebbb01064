package dev.briefpipe.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The number format of each cell style, read from the styles part with a StAX pass (POI's styles
 * table would load its whole schema for the few attributes needed), and each style's display
 * formatter: a sheet of a million numbers has a few styles, so a cell needs no formatter of its own.
 */
final class CellFormats {
    private final boolean date1904;
    private final DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
    /** Each style's number format id, by style index (the position in {@code cellXfs}). */
    private final short[] formatIds;

    private final Map<Integer, String> customFormats;
    private final Style[] known;
    private final Style general;

    /** One style's number format. */
    private record Style(boolean date, DoubleFunction<String> display) {}

    private CellFormats(short[] formatIds, Map<Integer, String> customFormats, boolean date1904) {
        this.formatIds = formatIds;
        this.customFormats = customFormats;
        this.date1904 = date1904;
        this.known = new Style[formatIds.length];
        this.general = make((short) 0, "General");
    }

    /** No styles part: every cell is General. */
    static CellFormats none(boolean date1904) {
        return new CellFormats(new short[0], Map.of(), date1904);
    }

    /** Reads {@code numFmts} and the {@code numFmtId} of each {@code cellXfs/xf}, as POI's styles table has them. */
    static CellFormats read(XMLStreamReader x, boolean date1904) throws XMLStreamException {
        Map<Integer, String> custom = new HashMap<>();
        List<Short> ids = new ArrayList<>();
        boolean inCellXfs = false;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (x.getLocalName()) {
                    case "numFmt" -> {
                        String id = x.getAttributeValue(null, "numFmtId");
                        String code = x.getAttributeValue(null, "formatCode");
                        if (id != null && code != null) {
                            custom.put(Integer.parseInt(id.strip()), code);
                        }
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs) {
                            String id = x.getAttributeValue(null, "numFmtId");
                            ids.add(id == null ? 0 : (short) Integer.parseInt(id.strip()));
                        }
                    }
                    default -> {}
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && x.getLocalName().equals("cellXfs")) {
                break;
            }
        }
        short[] formatIds = new short[ids.size()];
        for (int i = 0; i < formatIds.length; i++) {
            formatIds[i] = ids.get(i);
        }
        return new CellFormats(formatIds, custom, date1904);
    }

    boolean isDate(int style) {
        return style(style).date();
    }

    /** What the cell shows, worked out only when asked for (most numbers are never shown). */
    DoubleFunction<String> display(int style) {
        return style(style).display();
    }

    private Style style(int s) {
        if (s < 0 || s >= known.length) {
            return general;
        }
        Style st = known[s];
        if (st == null) {
            short id = formatIds[s];
            String pattern = customFormats.get(id & 0xFFFF);
            st = make(id, pattern != null ? pattern : BuiltinFormats.getBuiltinFormat(id));
            known[s] = st;
        }
        return st;
    }

    private Style make(short index, String pattern) {
        String p = pattern == null ? "General" : pattern;
        // POI's formatter keeps caches of its own: a cell shown from another thread waits its turn.
        DoubleFunction<String> display = d -> {
            synchronized (fmt) {
                return fmt.formatRawCellContents(d, index, p, date1904);
            }
        };
        return new Style(DateUtil.isADateFormat(index, p), display);
    }
}
