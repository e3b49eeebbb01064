package dev.briefpipe.workbook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

/** Text read from XML, as UTF-8 bytes, with XML's five entities and character references replaced. */
final class XmlText {
  /** The longest text read: some 250 times Excel's longest cell (32,767 characters). */
  static final int MAX = 1 << 23;

  byte[] bytes = new byte[256];
  int length;

  void clear() {
    length = 0;
  }

  void append(byte c) throws XMLStreamException {
    if (length == bytes.length) {
      grow(1);
    }
    bytes[length++] = c;
  }

  void append(byte[] b, int from, int n) throws XMLStreamException {
    if (length + n > bytes.length) {
      grow(n);
    }
    System.arraycopy(b, from, bytes, length, n);
    length += n;
  }

  /**
   * Appends the character of the reference at {@code b[p]} ({@code &}), which ends with a {@code ;}
   * before {@code end}; returns the offset after it.
   */
  int appendReference(byte[] b, int p, int end) throws XMLStreamException {
    int semicolon = p;
    while (semicolon < end && b[semicolon] != ';') {
      semicolon++;
    }
    if (semicolon >= end) {
      throw new XMLStreamException("a malformed reference: "
          + new String(b, p, Math.min(end - p, 12), StandardCharsets.UTF_8));
    }
    String name = new String(b, p + 1, semicolon - p - 1, StandardCharsets.ISO_8859_1);
    int cp = switch (name) {
      case "lt" -> '<';
      case "gt" -> '>';
      case "amp" -> '&';
      case "quot" -> '"';
      case "apos" -> '\'';
      default -> name.startsWith("#x") ? codePoint(name.substring(2), 16)
          : name.startsWith("#") ? codePoint(name.substring(1), 10) : -1;
    };
    if (cp < 0) {
      throw new XMLStreamException("undeclared entity &" + name + "; (XML's five and character references only)");
    }
    if (cp < 0x80) {
      append((byte) cp);
    } else {
      byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      append(utf8, 0, utf8.length);
    }
    return semicolon + 1;
  }

  /** The character a reference's digits name, or -1 when XML allows none such. */
  private static int codePoint(String digits, int radix) {
    if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
      return -1;
    }
    try {
      int cp = Integer.parseInt(digits, radix);
      boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      return legal ? cp : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void grow(int more) throws XMLStreamException {
    if (length + more > MAX) {
      throw new XMLStreamException("a text in the XML exceeds the maximum of " + MAX + " bytes");
    }
    bytes = Arrays.copyOf(bytes, Math.min(MAX, Math.max(length + more, bytes.length * 2)));
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
