package dev.briefpipe.workbook;

import java.io.InputStream;
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

  static SharedStrings read(InputStream in) throws XMLStreamException {
    SharedStrings out = new SharedStrings();
    XMLStreamReader x = StreamingWorkbookReader.xmlFactory().createXMLStreamReader(in);
    try {
      StringBuilder item = null;
      int phonetic = 0;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          switch (x.getLocalName()) {
            case "sst" -> {
              String unique = x.getAttributeValue(null, "uniqueCount");
              if (unique != null && unique.matches("\\d{1,9}")) {
                out.starts = new int[Integer.parseInt(unique) + 2];
              }
            }
            case "si" -> item = new StringBuilder();
            case "rPh" -> phonetic++;
            case "t" -> {
              if (item != null && phonetic == 0) {
                item.append(x.getElementText());
              }
            }
            default -> { }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String name = x.getLocalName();
          if (name.equals("si") && item != null) {
            out.add(decode(item.toString()));
            item = null;
          } else if (name.equals("rPh")) {
            phonetic--;
          }
        }
      }
    } finally {
      x.close();
    }
    return out;
  }

  void add(String s) {
    if (count + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1) + 16);
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (length + utf8.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + utf8.length, bytes.length + (bytes.length >> 1)));
    }
    System.arraycopy(utf8, 0, bytes, length, utf8.length);
    starts[count++] = length;
    length += utf8.length;
    starts[count] = length;
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
      if (i + 7 <= s.length() && s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
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
