package dev.briefpipe.workbook;

import static dev.briefpipe.workbook.XmlInput.COLON;
import static dev.briefpipe.workbook.XmlInput.ILLEGAL;
import static dev.briefpipe.workbook.XmlInput.KIND;
import static dev.briefpipe.workbook.XmlInput.NAME;
import static dev.briefpipe.workbook.XmlInput.SPACE;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

/**
 * The tag {@link XmlScanner} is at: its name and, for a start tag, its attributes, all as offsets into
 * the input's buffer (kept true when the buffer moves), read into strings or numbers only when asked.
 * Namespace declarations are not attributes (StAX does not list them either); names are given without
 * their prefix.
 */
final class XmlTag {
  private final XmlInput in;
  private final XmlNames names;
  int nameStart;
  int localStart;
  int nameEnd;
  private int attributes;
  private int[] attrName = new int[8];
  private int[] attrLocal = new int[8];
  private int[] attrNameEnd = new int[8];
  private int[] attrValue = new int[8];
  private int[] attrValueEnd = new int[8];
  /** Where the last name {@link #scanName} read has its local part, after any prefix. */
  private int scannedLocal;

  XmlTag(XmlInput in, XmlNames names) {
    this.in = in;
    this.names = names;
  }

  /** The tag's name, without prefix. */
  String localName() {
    return names.of(in.buf, localStart, nameEnd);
  }

  int attributeCount() {
    return attributes;
  }

  /** The name of attribute {@code i}, without prefix. */
  String attributeName(int i) {
    return names.of(in.buf, attrLocal[i], attrNameEnd[i]);
  }

  /** The value of the attribute of this local name, or null. */
  String attribute(String local) throws XMLStreamException {
    for (int i = 0; i < attributes; i++) {
      if (attributeName(i).equals(local)) {
        return attributeValue(i);
      }
    }
    return null;
  }

  /** The value of attribute {@code i}, its references replaced and its white space made spaces. */
  String attributeValue(int i) throws XMLStreamException {
    byte[] buf = in.buf;
    int start = attrValue[i];
    int end = attrValueEnd[i];
    boolean plain = true;
    for (int p = start; p < end && plain; p++) {
      byte c = buf[p];
      plain = c != '&' && c != '\t' && c != '\n' && c != '\r';
    }
    if (plain) {
      return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }
    XmlText t = new XmlText();
    for (int p = start; p < end; ) {
      byte c = buf[p];
      if (c == '&') {
        p = t.appendReference(buf, p, end);
      } else {
        t.append(c == '\t' || c == '\n' || c == '\r' ? (byte) ' ' : c);
        p++;
      }
    }
    return t.toString();
  }

  /** The value of attribute {@code i} as one of a few recurring strings (a cell's type, say). */
  String attributeToken(int i) throws XMLStreamException {
    byte[] buf = in.buf;
    for (int p = attrValue[i]; p < attrValueEnd[i]; p++) {
      if (buf[p] == '&' || buf[p] < ' ') {
        return attributeValue(i);
      }
    }
    return names.of(buf, attrValue[i], attrValueEnd[i]);
  }

  /** The value of attribute {@code i} as a whole number of up to nine digits. */
  int attributeInt(int i) {
    byte[] buf = in.buf;
    int start = attrValue[i];
    int end = attrValueEnd[i];
    int v = 0;
    for (int p = start; p < end; p++) {
      int d = buf[p] - '0';
      if (d < 0 || d > 9 || end - start > 9) {
        throw new NumberFormatException("not a whole number: " + new String(buf, start, end - start, StandardCharsets.UTF_8));
      }
      v = v * 10 + d;
    }
    if (start == end) {
      throw new NumberFormatException("an empty number");
    }
    return v;
  }

  /** The column a cell address in attribute {@code i} names ("AB12" is 27), or -1 when it has no letters. */
  int attributeColumn(int i) {
    byte[] buf = in.buf;
    int c = 0;
    for (int p = attrValue[i], end = attrValueEnd[i]; p < end; p++) {
      int letter = buf[p] - 'A';
      if (letter < 0 || letter >= 26) {
        break;
      }
      c = c * 26 + letter + 1;
    }
    return c - 1;
  }

  /** The tag is an end tag, with this name; it has no attributes. */
  void ended(int start, int local, int end) {
    nameStart = start;
    localStart = local;
    nameEnd = end;
    attributes = 0;
  }

  /** Parses the start tag at the input's position; returns the offset after it, or -1 when it is not all read. */
  int parseStart() throws XMLStreamException {
    byte[] b = in.buf;
    int l = in.limit;
    int p = scanName(b, in.pos + 1, l);
    if (p < 0) {
      return -1;
    }
    nameStart = in.pos + 1;
    localStart = scannedLocal;
    nameEnd = p;
    if (KIND[b[p] & 0xFF] == ILLEGAL || b[p] == '=' || nameEnd == nameStart || localStart == nameEnd) {
      throw in.malformed();
    }
    int n = 0;
    while (true) {
      int gap = p;
      while (p < l && KIND[b[p] & 0xFF] == SPACE) {
        p++;
      }
      if (p >= l) {
        return -1;
      }
      if (b[p] == '>') {
        break;
      }
      if (b[p] == '/') {
        if (p + 1 >= l) {
          return -1;
        }
        if (b[p + 1] != '>') {
          throw in.malformed();
        }
        p++;
        break;
      }
      if (p == gap) {
        // attributes are set apart by white space
        throw in.malformed();
      }
      // An attribute: name, '=', quoted value.
      int an = p;
      p = scanName(b, p, l);
      if (p < 0) {
        return -1;
      }
      int local = scannedLocal;
      int anEnd = p;
      while (p < l && KIND[b[p] & 0xFF] == SPACE) {
        p++;
      }
      if (p >= l) {
        return -1;
      }
      if (b[p] != '=' || anEnd == an || local == anEnd) {
        throw in.malformed();
      }
      p++;
      while (p < l && KIND[b[p] & 0xFF] == SPACE) {
        p++;
      }
      if (p >= l) {
        return -1;
      }
      byte quote = b[p];
      if (quote != '"' && quote != '\'') {
        throw in.malformed();
      }
      int v = ++p;
      byte c;
      while (p < l && (c = b[p]) != quote) {
        if (c == '<') {
          throw in.malformed();
        }
        p++;
      }
      if (p >= l) {
        return -1;
      }
      p++;
      if (isNamespace(b, an, anEnd)) {
        continue;
      }
      if (n == attrValue.length) {
        growAttributes();
      }
      for (int k = 0; k < n; k++) {
        if (XmlNames.same(b, attrName[k], attrNameEnd[k], b, an, anEnd)) {
          throw new XMLStreamException("attribute " + names.of(b, an, anEnd) + " repeated in <" + localName() + ">");
        }
      }
      attrName[n] = an;
      attrLocal[n] = local;
      attrNameEnd[n] = anEnd;
      attrValue[n] = v;
      attrValueEnd[n] = p - 1;
      n++;
    }
    attributes = n;
    return p + 1;
  }

  /**
   * Reads a name, with or without a prefix, from {@code p}: returns where it ends, or -1 when the
   * buffer ends first.
   */
  private int scanName(byte[] b, int p, int l) {
    scannedLocal = p;
    while (true) {
      while (p < l && KIND[b[p] & 0xFF] == NAME) {
        p++;
      }
      if (p >= l) {
        return -1;
      }
      if (KIND[b[p] & 0xFF] != COLON) {
        return p;
      }
      scannedLocal = ++p;
    }
  }

  /** {@code xmlns} or {@code xmlns:prefix}: a namespace declaration. */
  private static boolean isNamespace(byte[] b, int from, int to) {
    return to - from >= 5 && b[from] == 'x' && b[from + 1] == 'm' && b[from + 2] == 'l' && b[from + 3] == 'n'
        && b[from + 4] == 's' && (to - from == 5 || b[from + 5] == ':');
  }

  private void growAttributes() {
    int n = attrValue.length * 2;
    attrName = Arrays.copyOf(attrName, n);
    attrLocal = Arrays.copyOf(attrLocal, n);
    attrNameEnd = Arrays.copyOf(attrNameEnd, n);
    attrValue = Arrays.copyOf(attrValue, n);
    attrValueEnd = Arrays.copyOf(attrValueEnd, n);
  }

  /** The buffer's bytes moved down by {@code by}. */
  void moved(int by) {
    nameStart -= by;
    localStart -= by;
    nameEnd -= by;
    for (int i = 0; i < attributes; i++) {
      attrName[i] -= by;
      attrLocal[i] -= by;
      attrNameEnd[i] -= by;
      attrValue[i] -= by;
      attrValueEnd[i] -= by;
    }
  }
}
