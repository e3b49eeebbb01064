package dev.briefpipe.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared strings as UTF-8 in one byte array with an offset per string: a byte or three a
 * character and four a string, where a {@code String} each would cost some fifty bytes more.
 */
final class SharedStrings {
    private byte[] bytes = new byte[1 << 12];
    private int length;
    private int[] starts = new int[1 << 10];
    private int count;
    /** The first strings as objects: they are the repeated ones (a column's few values), met first. */
    private final String[] recent = new String[1 << 14];

    /**
     * Reads the shared strings part.
     *
     * @param sizeHint the part's unpacked size, or -1: the text is about half of it, so the array is
     *     sized once instead of grown step by step
     */
    static SharedStrings read(XMLStreamReader x, long sizeHint) throws XMLStreamException {
        SharedStrings out = new SharedStrings();
        if (sizeHint > 0) {
            out.bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, sizeHint / 2 + 1024)];
        }
        while (x.hasNext()) {
            if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("si")) {
                out.begin();
                byte[] b = decode(itemText(x)).getBytes(StandardCharsets.UTF_8);
                out.append(b, b.length);
                out.end();
            }
        }
        return out;
    }

    /**
     * At an {@code <si>} or {@code <is>}: the text of its runs up to its end tag, phonetic readings
     * ({@code <rPh>}) left out, Excel's escapes still in.
     */
    static String itemText(XMLStreamReader x) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int phonetic = 0;
        while (depth > 0) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = x.getLocalName();
                if (name.equals("rPh")) {
                    phonetic++;
                    depth++;
                } else if (name.equals("t") && phonetic == 0) {
                    text.append(x.getElementText());
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (x.getLocalName().equals("rPh")) {
                    phonetic--;
                }
            }
        }
        return text.toString();
    }

    /** Starts a string at the end of the array. */
    private void begin() {
        if (count + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1) + 16);
        }
        starts[count] = length;
    }

    /** Ends the string begun. */
    private void end() {
        starts[++count] = length;
    }

    /** Adds UTF-8 bytes to the string begun. */
    private void append(byte[] b, int n) {
        ensure(n);
        System.arraycopy(b, 0, bytes, length, n);
        length += n;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length + (bytes.length >> 1)));
        }
    }

    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shared string " + index + " of " + count);
        }
        if (index < recent.length) {
            String s = recent[index];
            if (s == null) {
                s = new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.UTF_8);
                recent[index] = s;
            }
            return s;
        }
        return new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.UTF_8);
    }

    int size() {
        return count;
    }

    /** Excel's escapes for characters XML cannot hold: {@code _x000D_} is a carriage return. */
    static String decode(String s) {
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (i + 7 <= s.length()
                    && s.charAt(i) == '_'
                    && s.charAt(i + 1) == 'x'
                    && s.charAt(i + 6) == '_'
                    && hex(s, i + 2, i + 6)) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                b.append(s.charAt(i++));
            }
        }
        return b.toString();
    }

    private static boolean hex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
