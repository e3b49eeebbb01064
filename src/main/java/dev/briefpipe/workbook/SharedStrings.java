package dev.briefpipe.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

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
   * @param sizeHint the part's unpacked size, or -1: the text is about half of it, so the array is
   *     sized once instead of grown (and copied) step by step
   */
  static SharedStrings read(InputStream in, long sizeHint) throws IOException, XMLStreamException {
    SharedStrings out = new SharedStrings();
    if (sizeHint > 0) {
      out.bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, sizeHint / 2 + 1024)];
    }
    try (XmlScanner x = new XmlScanner(in)) {
      // The text of an item (its runs' texts, phonetic readings left out) goes straight into the array.
      boolean inItem = false;
      int phonetic = 0;
      int ev;
      while ((ev = x.next()) != XmlScanner.EOF) {
        if (ev == XmlScanner.START) {
          switch (x.localName()) {
            case "sst" -> {
              String unique = x.attribute("uniqueCount");
              if (unique != null && unique.matches("\\d{1,9}")) {
                // Sized once, but only as far as the part could hold: an empty item takes five bytes.
                long most = sizeHint > 0 ? sizeHint / 5 : 1 << 16;
                out.starts = new int[(int) Math.min(Integer.parseInt(unique), most) + 2];
              }
            }
            case "si" -> {
              inItem = true;
              out.begin();
            }
            case "rPh" -> phonetic++;
            case "t" -> {
              if (inItem && phonetic == 0) {
                XmlText t = x.readText();
                out.append(t.bytes, t.length);
              }
            }
            default -> { }
          }
        } else {
          String name = x.localName();
          if (name.equals("si") && inItem) {
            inItem = false;
            out.end();
          } else if (name.equals("rPh")) {
            phonetic--;
          }
        }
      }
    }
    return out;
  }

  /** Starts a string at the end of the array. */
  private void begin() {
    if (count + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1) + 16);
    }
    starts[count] = length;
  }

  /** Ends the string begun: Excel's _xHHHH_ escapes, if any, are replaced. */
  private void end() {
    int from = starts[count];
    boolean escaped = false;
    for (int i = from; i + 1 < length && !escaped; i++) {
      escaped = bytes[i] == '_' && bytes[i + 1] == 'x';
    }
    if (escaped) {
      byte[] decoded = decode(new String(bytes, from, length - from, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      length = from;
      append(decoded, decoded.length);
    }
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
