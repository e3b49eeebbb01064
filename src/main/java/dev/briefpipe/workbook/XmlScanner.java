package dev.briefpipe.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

/**
 * A pull reader of a workbook part's XML, parsed in place from its UTF-8 bytes: start and end tags with
 * their attributes, and the text of elements that hold text only ({@code <v>}, {@code <t>}, {@code <f>}).
 * A sheet's XML is some 20 million tags of a few bytes each for a million rows; read so, without a
 * character or a string made per name, the parsing thread of a large workbook does about a fifth less
 * work than through a StAX parser. It is one file because its hot path is one piece: split into a tag
 * object and a name table, reading through another object's buffer, the same code took 8 % more time on
 * the million-row benchmark sheet (eight paired runs on a 2-vCPU AMD EPYC), and on a 2-vCPU Intel Xeon
 * a median 2.5 % more (slower in six pairs of eight, user CPU 5.17 s against 5.24 s).
 *
 * <p>It is strict where a workbook's safety or meaning depends on it: a DTD (and so any entity
 * expansion) is refused, tags must nest and match, attributes must be well formed and not repeated,
 * references are XML's five entities and character references, and a part that ends early is an
 * error. Text the caller does not ask for, between and around tags, is skipped unchecked.
 * Namespace declarations are not attributes; names are given without their prefix, as the same few
 * {@code String}s each time.
 */
final class XmlScanner extends XmlInput implements AutoCloseable {
  static final int START = 1;
  static final int END = 2;
  static final int EOF = -1;

  /** How much is kept read ahead of a tag: the parsing below then seldom meets the buffer's end. */
  private static final int AHEAD = 4096;
  /** The longest tag, with its attributes, read whole. */
  private static final int MAX_TAG = 1 << 20;

  private boolean started;
  private boolean done;
  private boolean pendingEnd;

  /** The current tag, as offsets into {@link #buf}; kept true when the buffer moves. */
  private int nameStart;
  private int localStart;
  private int nameEnd;
  private int attributes;
  private int[] attrName = new int[8];
  private int[] attrLocal = new int[8];
  private int[] attrNameEnd = new int[8];
  private int[] attrValue = new int[8];
  private int[] attrValueEnd = new int[8];

  /** Open elements' qualified names, end to end, and where each one's local part starts. */
  private byte[] open = new byte[256];
  private int[] openEnds = new int[32];
  private int[] openLocal = new int[32];
  private int depth;

  private final XmlText text = new XmlText();
  private final String[] internedNames = new String[256];
  private final byte[][] internedBytes = new byte[256][];

  XmlScanner(InputStream in) throws IOException, XMLStreamException {
    super(in);
  }

  /**
   * Moves to the next start or end tag and returns {@link #START} or {@link #END}, or {@link #EOF}
   * after the root element's end. An empty element ({@code <c/>}) is a start and then an end.
   */
  int next() throws IOException, XMLStreamException {
    if (pendingEnd) {
      pendingEnd = false;
      return END;
    }
    if (done) {
      return EOF;
    }
    while (true) {
      if (limit - pos < AHEAD && !eof) {
        fill();
      }
      int p = pos;
      while (true) {
        byte[] b = buf;
        int l = limit;
        while (p < l && b[p] != '<') {
          p++;
        }
        if (p < l) {
          break;
        }
        pos = p;
        if (!fill()) {
          if (depth > 0 || !started) {
            throw unexpectedEnd();
          }
          done = true;
          return EOF;
        }
        p = pos;
      }
      pos = p;
      require(2);
      byte second = buf[pos + 1];
      if (second == '/') {
        endTag();
        return END;
      } else if (second == '?') {
        skipPast(QUESTION_GT);
      } else if (second == '!') {
        declaration(false);
      } else {
        startTag();
        return START;
      }
    }
  }

  /** The current tag's name, without prefix. */
  String localName() {
    return intern(localStart, nameEnd);
  }

  int attributeCount() {
    return attributes;
  }

  /** The name of attribute {@code i} of the current start tag, without prefix. */
  String attributeName(int i) {
    return intern(attrLocal[i], attrNameEnd[i]);
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
    for (int p = attrValue[i]; p < attrValueEnd[i]; p++) {
      if (buf[p] == '&' || buf[p] < ' ') {
        return attributeValue(i);
      }
    }
    return intern(attrValue[i], attrValueEnd[i]);
  }

  /** The value of attribute {@code i} as a whole number of up to nine digits. */
  int attributeInt(int i) {
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

  /**
   * Reads the text of the element just started, up to and with its end tag: references replaced,
   * CDATA kept, comments left out, line ends made {@code \n}. An element inside it is an error, as in
   * StAX's {@code getElementText}. The text is {@link #text()}'s until the next read.
   */
  XmlText readText() throws IOException, XMLStreamException {
    XmlText t = text;
    t.clear();
    if (pendingEnd) {
      pendingEnd = false;
      return t;
    }
    while (true) {
      int p = pos;
      byte[] b = buf;
      int l = limit;
      while (p < l) {
        byte c = b[p];
        if (c == '<' || c == '&' || c == '\r') {
          break;
        }
        p++;
      }
      t.append(b, pos, p - pos);
      pos = p;
      if (p == l) {
        if (!fill()) {
          throw unexpectedEnd();
        }
        continue;
      }
      byte c = b[p];
      if (c == '&') {
        while (limit - pos < 12 && fill()) {
          // a reference is a few bytes: all of it read, or the input's end
        }
        pos = t.appendReference(buf, pos, Math.min(limit, pos + 12));
      } else if (c == '\r') {
        require(2);
        pos += buf[pos + 1] == '\n' ? 2 : 1;
        t.append((byte) '\n');
      } else {
        require(2);
        byte second = buf[pos + 1];
        if (second == '/') {
          endTag();
          return t;
        } else if (second == '?') {
          skipPast(QUESTION_GT);
        } else if (second == '!') {
          declaration(true);
        } else {
          throw new XMLStreamException("an element of text only (<" + localName() + ">) holds an element");
        }
      }
    }
  }

  /** What {@link #readText()} read last. */
  XmlText text() {
    return text;
  }

  @Override
  public void close() throws IOException {
    super.close();
  }

  // --- tags

  private static final byte NAME = 0;
  private static final byte SPACE = 1;
  private static final byte COLON = 2;
  /** Ends a name: {@code > / =}. */
  private static final byte STOP = 3;
  /** Cannot be in a tag outside a quoted value: {@code < " '}. */
  private static final byte ILLEGAL = 4;
  /** What each byte is to a tag. */
  private static final byte[] KIND = new byte[256];

  static {
    for (char c : new char[] {' ', '\t', '\n', '\r'}) {
      KIND[c] = SPACE;
    }
    KIND[':'] = COLON;
    for (char c : new char[] {'>', '/', '='}) {
      KIND[c] = STOP;
    }
    for (char c : new char[] {'<', '"', '\''}) {
      KIND[c] = ILLEGAL;
    }
  }

  private void startTag() throws IOException, XMLStreamException {
    // Most tags are whole in what is read; a longer one is read on and parsed again from its start.
    int end;
    while ((end = parseStart()) < 0) {
      if (limit - pos >= MAX_TAG) {
        throw new XMLStreamException("an XML tag exceeds the maximum of " + MAX_TAG + " bytes");
      }
      if (!fill()) {
        throw unexpectedEnd();
      }
    }
    pos = end;
    started = true;
    if (buf[end - 2] == '/') {
      pendingEnd = true;
      done = depth == 0;
    } else {
      push();
    }
  }

  /** Parses the start tag at {@link #pos}; returns the offset after it, or -1 when it is not all read. */
  private int parseStart() throws XMLStreamException {
    byte[] b = buf;
    int l = limit;
    int p = scanName(b, pos + 1, l);
    if (p < 0) {
      return -1;
    }
    nameStart = pos + 1;
    localStart = scannedLocal;
    nameEnd = p;
    int kind = KIND[b[p] & 0xFF];
    if (kind == ILLEGAL || b[p] == '=' || nameEnd == nameStart || localStart == nameEnd) {
      throw malformed();
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
          throw malformed();
        }
        p++;
        break;
      }
      if (p == gap) {
        // attributes are set apart by white space
        throw malformed();
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
        throw malformed();
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
        throw malformed();
      }
      int v = ++p;
      byte c;
      while (p < l && (c = b[p]) != quote) {
        if (c == '<') {
          throw malformed();
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
        if (same(b, attrName[k], attrNameEnd[k], b, an, anEnd)) {
          throw new XMLStreamException("attribute " + intern(an, anEnd) + " repeated in <" + localName() + ">");
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

  /** Where the last name {@link #scanName} read has its local part, after any prefix. */
  private int scannedLocal;

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

  /** {@code xmlns} or {@code xmlns:prefix}: a namespace declaration, which StAX does not list either. */
  private static boolean isNamespace(byte[] b, int from, int to) {
    return to - from >= 5 && b[from] == 'x' && b[from + 1] == 'm' && b[from + 2] == 'l' && b[from + 3] == 'n'
        && b[from + 4] == 's' && (to - from == 5 || b[from + 5] == ':');
  }

  private void endTag() throws IOException, XMLStreamException {
    if (depth > 0) {
      // Mostly the end tag is the open element's name and '>', all read: compared in place.
      int from = depth == 1 ? 0 : openEnds[depth - 2];
      int n = openEnds[depth - 1] - from;
      int p = pos + 2;
      if (p + n < limit && buf[p + n] == '>' && same(open, from, from + n, buf, p, p + n)) {
        closeTag(p, p + n, p + n + 1);
        return;
      }
    }
    int p;
    while ((p = parseEnd()) < 0) {
      if (limit - pos >= MAX_TAG) {
        throw new XMLStreamException("an XML tag exceeds the maximum of " + MAX_TAG + " bytes");
      }
      if (!fill()) {
        throw unexpectedEnd();
      }
    }
    String name = new String(buf, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    if (depth == 0) {
      throw new XMLStreamException("an end tag </" + name + "> without its start");
    }
    int from = depth == 1 ? 0 : openEnds[depth - 2];
    if (!same(open, from, openEnds[depth - 1], buf, nameStart, nameEnd)) {
      throw new XMLStreamException("the end tag </" + name + "> does not match <"
          + new String(open, from, openEnds[depth - 1] - from, StandardCharsets.UTF_8) + ">");
    }
    closeTag(nameStart, nameEnd, p);
  }

  private void closeTag(int start, int end, int after) {
    nameStart = start;
    nameEnd = end;
    localStart = start + openLocal[depth - 1];
    attributes = 0;
    pos = after;
    if (--depth == 0) {
      done = true;
    }
  }

  private int parseEnd() throws XMLStreamException {
    byte[] b = buf;
    int l = limit;
    int p = pos + 2;
    nameStart = p;
    while (p < l && KIND[b[p] & 0xFF] != SPACE && b[p] != '>') {
      p++;
    }
    nameEnd = p;
    while (p < l && KIND[b[p] & 0xFF] == SPACE) {
      p++;
    }
    if (p >= l) {
      return -1;
    }
    if (b[p] != '>' || nameEnd == nameStart) {
      throw malformed();
    }
    return p + 1;
  }

  private void push() {
    int from = depth == 0 ? 0 : openEnds[depth - 1];
    int length = nameEnd - nameStart;
    if (from + length > open.length) {
      open = Arrays.copyOf(open, Math.max(open.length * 2, from + length));
    }
    if (depth == openEnds.length) {
      openEnds = Arrays.copyOf(openEnds, depth * 2);
      openLocal = Arrays.copyOf(openLocal, depth * 2);
    }
    for (int i = 0; i < length; i++) {
      open[from + i] = buf[nameStart + i];
    }
    openLocal[depth] = localStart - nameStart;
    openEnds[depth++] = from + length;
  }

  private void growAttributes() {
    int n = attrValue.length * 2;
    attrName = Arrays.copyOf(attrName, n);
    attrLocal = Arrays.copyOf(attrLocal, n);
    attrNameEnd = Arrays.copyOf(attrNameEnd, n);
    attrValue = Arrays.copyOf(attrValue, n);
    attrValueEnd = Arrays.copyOf(attrValueEnd, n);
  }

  @Override
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

  // --- comments, CDATA, processing instructions

  private static final byte[] QUESTION_GT = {'?', '>'};
  private static final byte[] COMMENT_END = {'-', '-', '>'};
  private static final byte[] CDATA_END = {']', ']', '>'};
  private static final byte[] CDATA_START = "<![CDATA[".getBytes(StandardCharsets.US_ASCII);

  /** At {@code <!}: a comment is skipped, CDATA skipped or kept as text; anything else is a DTD. */
  private void declaration(boolean keepCdata) throws IOException, XMLStreamException {
    require(4);
    if (buf[pos + 2] == '-' && buf[pos + 3] == '-') {
      pos += 4;
      skipPast(COMMENT_END);
      return;
    }
    while (limit - pos < CDATA_START.length && fill()) {
      // "<![CDATA[" whole, or the input's end
    }
    if (limit - pos < CDATA_START.length
        || !Arrays.equals(buf, pos, pos + CDATA_START.length, CDATA_START, 0, CDATA_START.length)) {
      throw new XMLStreamException("a DOCTYPE or other declaration in a workbook part: not allowed");
    }
    pos += CDATA_START.length;
    if (!keepCdata) {
      skipPast(CDATA_END);
      return;
    }
    while (true) {
      int at = indexOf(CDATA_END);
      if (at >= 0) {
        text.append(buf, pos, at - pos);
        pos = at + CDATA_END.length;
        return;
      }
      int keep = Math.max(pos, limit - (CDATA_END.length - 1));
      text.append(buf, pos, keep - pos);
      pos = keep;
      if (!fill()) {
        throw unexpectedEnd();
      }
    }
  }

  private XMLStreamException malformed() {
    int end = Math.min(limit, pos + 80);
    return new XMLStreamException("malformed XML at \"" + new String(buf, pos, end - pos, StandardCharsets.UTF_8) + "\"");
  }

  // --- names

  /** One-letter names and values ({@code <c>}, {@code <v>}, {@code r}, {@code t="s"}) are most of them. */
  private static final String[] ASCII = new String[128];

  static {
    for (int c = 0; c < ASCII.length; c++) {
      ASCII[c] = String.valueOf((char) c).intern();
    }
  }

  /** The same String for the same bytes, mostly: a small table, each slot holding the last name met. */
  private String intern(int start, int end) {
    if (end - start == 1 && buf[start] >= 0) {
      return ASCII[buf[start]];
    }
    int h = 0;
    for (int p = start; p < end; p++) {
      h = 31 * h + buf[p];
    }
    int slot = (h ^ (h >>> 8)) & (internedNames.length - 1);
    byte[] k = internedBytes[slot];
    if (k != null && same(k, 0, k.length, buf, start, end)) {
      return internedNames[slot];
    }
    String s = new String(buf, start, end - start, StandardCharsets.UTF_8);
    internedBytes[slot] = Arrays.copyOfRange(buf, start, end);
    internedNames[slot] = s;
    return s;
  }

  private static boolean same(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    if (aTo - aFrom != bTo - bFrom) {
      return false;
    }
    for (int i = aFrom, j = bFrom; i < aTo; i++, j++) {
      if (a[i] != b[j]) {
        return false;
      }
    }
    return true;
  }
}
