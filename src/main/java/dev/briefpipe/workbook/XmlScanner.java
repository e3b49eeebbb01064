package dev.briefpipe.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;

/**
 * A pull reader of a workbook part's XML, parsed in place from its UTF-8 bytes: start and end tags
 * ({@link #tag()}, with their attributes), and the text of elements that hold text only ({@code <v>},
 * {@code <t>}, {@code <f>}). A sheet's XML is some 20 million tags of a few bytes each for a million
 * rows; read so, without a character or a string made per name, the parsing thread of a large workbook
 * does about a fifth less work than through a StAX parser.
 *
 * <p>It is strict where a workbook's safety or meaning depends on it: a DTD (and so any entity
 * expansion) is refused, tags must nest and match, attributes must be well formed and not repeated,
 * references are XML's five entities and character references, and a part that ends early is an
 * error. Text the caller does not ask for, between and around tags, is skipped unchecked.
 */
final class XmlScanner extends XmlInput {
  static final int START = 1;
  static final int END = 2;
  static final int EOF = -1;

  /** How much is kept read ahead of a tag: the parsing then seldom meets the buffer's end. */
  private static final int AHEAD = 4096;
  /** The longest tag, with its attributes, read whole. */
  private static final int MAX_TAG = 1 << 20;

  private static final byte[] QUESTION_GT = {'?', '>'};

  private boolean started;
  private boolean done;
  private boolean pendingEnd;
  private final XmlTag tag = new XmlTag(this, new XmlNames());

  /** Open elements' qualified names, end to end, and where each one's local part starts. */
  private byte[] open = new byte[256];
  private int[] openEnds = new int[32];
  private int[] openLocal = new int[32];
  private int depth;

  private final XmlText text = new XmlText();

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
      int ev = markup(false);
      if (ev != 0) {
        return ev;
      }
    }
  }

  /** The tag just read. */
  XmlTag tag() {
    return tag;
  }

  /** The name of the tag just read, without prefix. */
  String localName() {
    return tag.localName();
  }

  /**
   * Reads the text of the element just started, up to and with its end tag: references replaced,
   * CDATA kept, comments left out, line ends made {@code \n}. An element inside it is an error, as in
   * StAX's {@code getElementText}. The text is the returned one's until the next read.
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
      } else if (b[p] == '&') {
        while (limit - pos < 12 && fill()) {
          // a reference is a few bytes: all of it read, or the input's end
        }
        pos = t.appendReference(buf, pos, Math.min(limit, pos + 12));
      } else if (b[p] == '\r') {
        require(2);
        pos += buf[pos + 1] == '\n' ? 2 : 1;
        t.append((byte) '\n');
      } else if (markup(true) == END) {
        return t;
      }
    }
  }

  /**
   * At a {@code <}: reads an end tag ({@link #END}) or a start tag ({@link #START}, an error inside
   * text), or passes a processing instruction, a comment or CDATA (0; CDATA kept as text inside text).
   */
  private int markup(boolean inText) throws IOException, XMLStreamException {
    require(2);
    byte second = buf[pos + 1];
    if (second == '/') {
      endTag();
      return END;
    } else if (second == '?') {
      skipPast(QUESTION_GT);
      return 0;
    } else if (second == '!') {
      declaration(inText ? text : null);
      return 0;
    } else if (inText) {
      throw new XMLStreamException("an element of text only (<" + localName() + ">) holds an element");
    }
    startTag();
    return START;
  }

  private void startTag() throws IOException, XMLStreamException {
    // Most tags are whole in what is read; a longer one is read on and parsed again from its start.
    int end;
    while ((end = tag.parseStart()) < 0) {
      readOnInTag();
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

  private void readOnInTag() throws IOException, XMLStreamException {
    if (limit - pos >= MAX_TAG) {
      throw new XMLStreamException("an XML tag exceeds the maximum of " + MAX_TAG + " bytes");
    }
    if (!fill()) {
      throw unexpectedEnd();
    }
  }

  private void endTag() throws IOException, XMLStreamException {
    if (depth > 0) {
      // Mostly the end tag is the open element's name and '>', all read: compared in place.
      int from = depth == 1 ? 0 : openEnds[depth - 2];
      int n = openEnds[depth - 1] - from;
      int p = pos + 2;
      if (p + n < limit && buf[p + n] == '>' && XmlNames.same(open, from, from + n, buf, p, p + n)) {
        close(p, p + n, p + n + 1);
        return;
      }
    }
    int after;
    while ((after = parseEnd()) < 0) {
      readOnInTag();
    }
    int start = pos + 2;
    int end = after - 1;
    while (KIND[buf[end - 1] & 0xFF] == SPACE) {
      end--;
    }
    String name = new String(buf, start, end - start, StandardCharsets.UTF_8);
    if (depth == 0) {
      throw new XMLStreamException("an end tag </" + name + "> without its start");
    }
    int from = depth == 1 ? 0 : openEnds[depth - 2];
    if (!XmlNames.same(open, from, openEnds[depth - 1], buf, start, end)) {
      throw new XMLStreamException("the end tag </" + name + "> does not match <"
          + new String(open, from, openEnds[depth - 1] - from, StandardCharsets.UTF_8) + ">");
    }
    close(start, end, after);
  }

  /** The offset after the end tag at {@link #pos}, or -1 when it is not all read. */
  private int parseEnd() throws XMLStreamException {
    byte[] b = buf;
    int l = limit;
    int p = pos + 2;
    while (p < l && KIND[b[p] & 0xFF] != SPACE && b[p] != '>') {
      p++;
    }
    int nameEnd = p;
    while (p < l && KIND[b[p] & 0xFF] == SPACE) {
      p++;
    }
    if (p >= l) {
      return -1;
    }
    if (b[p] != '>' || nameEnd == pos + 2) {
      throw malformed();
    }
    return p + 1;
  }

  /** The open element ends: its end tag is from {@code start} to {@code end}, the input goes on at {@code after}. */
  private void close(int start, int end, int after) {
    tag.ended(start, start + openLocal[depth - 1], end);
    pos = after;
    if (--depth == 0) {
      done = true;
    }
  }

  private void push() {
    int from = depth == 0 ? 0 : openEnds[depth - 1];
    int length = tag.nameEnd - tag.nameStart;
    if (from + length > open.length) {
      open = Arrays.copyOf(open, Math.max(open.length * 2, from + length));
    }
    if (depth == openEnds.length) {
      openEnds = Arrays.copyOf(openEnds, depth * 2);
      openLocal = Arrays.copyOf(openLocal, depth * 2);
    }
    for (int i = 0; i < length; i++) {
      open[from + i] = buf[tag.nameStart + i];
    }
    openLocal[depth] = tag.localStart - tag.nameStart;
    openEnds[depth++] = from + length;
  }

  @Override
  void moved(int by) {
    tag.moved(by);
  }
}
