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

  /**
   * @param sizeHint the part's unpacked size, or -1: the text is about half of it, so the array is
   *     sized once instead of grown (and copied) step by step
   */
  static SharedStrings read(InputStream in, long sizeHint) throws XMLStreamException {
    SharedStrings out = new SharedStrings();
    if (sizeHint > 0) {
      out.bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, sizeHint / 2 + 1024)];
    }
    XMLStreamReader x = StreamingWorkbookReader.xmlFactory().createXMLStreamReader(in);
    try {
      char[] item = new char[256];
      int length = -1;
      int phonetic = 0;
      boolean inText = false;
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
            case "si" -> length = 0;
            case "rPh" -> phonetic++;
            case "t" -> inText = length >= 0 && phonetic == 0;
            default -> { }
          }
        } else if (inText && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
            || ev == XMLStreamConstants.SPACE)) {
          int n = x.getTextLength();
          if (length + n > item.length) {
            item = java.util.Arrays.copyOf(item, Math.max(length + n, item.length * 2));
          }
          System.arraycopy(x.getTextCharacters(), x.getTextStart(), item, length, n);
          length += n;
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String name = x.getLocalName();
          if (name.equals("t")) {
            inText = false;
          } else if (name.equals("si") && length >= 0) {
            out.add(item, length);
            length = -1;
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

  /** Adds one string, given as characters (Excel's _xHHHH_ escapes still in). */
  void add(char[] chars, int length) {
    boolean escaped = false;
    for (int i = 0; i + 1 < length && !escaped; i++) {
      escaped = chars[i] == '_' && chars[i + 1] == 'x';
    }
    if (escaped) {
      char[] decoded = decode(new String(chars, 0, length)).toCharArray();
      addRaw(decoded, decoded.length);
    } else {
      addRaw(chars, length);
    }
  }

  private void addRaw(char[] chars, int length) {
    if (count + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length + (starts.length >> 1) + 16);
    }
    ensure(length * 3);
    int at = this.length;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c < 0x80) {
        bytes[at++] = (byte) c;
      } else if (c < 0x800) {
        bytes[at++] = (byte) (0xC0 | (c >> 6));
        bytes[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
        int cp = Character.toCodePoint(c, chars[++i]);
        bytes[at++] = (byte) (0xF0 | (cp >> 18));
        bytes[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[at++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        bytes[at++] = (byte) (0xE0 | (c >> 12));
        bytes[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    starts[count++] = this.length;
    this.length = at;
    starts[count] = at;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length + (bytes.length >> 1)));
    }
  }

  void add(String s) {
    addRaw(s.toCharArray(), s.length());
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
