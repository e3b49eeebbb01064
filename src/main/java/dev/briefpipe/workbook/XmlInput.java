package dev.briefpipe.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.apache.commons.io.input.ReaderInputStream;

/**
 * The bytes of a part's XML, in UTF-8, read into a buffer that {@link XmlScanner} parses in place. A part
 * in UTF-16 (which the standard allows) or in an encoding its declaration names is converted to UTF-8 as
 * it is read (commons-io's {@code ReaderInputStream}); a UTF-8 byte-order mark is skipped.
 */
class XmlInput {
  private InputStream in;
  byte[] buf = new byte[1 << 16];
  int pos;
  int limit;
  boolean eof;

  XmlInput(InputStream in) throws IOException, XMLStreamException {
    this.in = in;
    while (limit < 4 && fill()) {
      // the first bytes tell the encoding
    }
    Charset charset = encoding();
    if (charset != null) {
      this.in = ReaderInputStream.builder()
          .setReader(new InputStreamReader(new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(buf, limit)), in),
              charset))
          .setCharset(StandardCharsets.UTF_8).get();
      pos = 0;
      limit = 0;
      eof = false;
      while (limit < 3 && fill()) {
        // a byte-order mark is decoded to U+FEFF, skipped below
      }
    }
    if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
  }

  /**
   * Reads more, keeping what is from {@link #pos} on (moved to the start of the buffer: {@link #moved}
   * hears by how much); false at the end of the input. The buffer grows only when it is full from 0.
   */
  final boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      moved(pos);
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }

  /** The buffer's bytes moved down by {@code by}: offsets kept into it must follow. */
  void moved(int by) {
  }

  /** Makes {@code n} bytes from {@link #pos} readable, or fails: the XML ends inside a construct. */
  final void require(int n) throws IOException, XMLStreamException {
    while (limit - pos < n) {
      if (!fill()) {
        throw unexpectedEnd();
      }
    }
  }

  /** Moves past the next {@code end}, reading on as need be. */
  final void skipPast(byte[] end) throws IOException, XMLStreamException {
    while (true) {
      int at = indexOf(end);
      if (at >= 0) {
        pos = at + end.length;
        return;
      }
      pos = Math.max(pos, limit - (end.length - 1));
      if (!fill()) {
        throw unexpectedEnd();
      }
    }
  }

  /** Where {@code seq} next starts in what is read, or -1. */
  final int indexOf(byte[] seq) {
    for (int p = pos, last = limit - seq.length; p <= last; p++) {
      if (buf[p] == seq[0] && Arrays.equals(buf, p, p + seq.length, seq, 0, seq.length)) {
        return p;
      }
    }
    return -1;
  }

  static XMLStreamException unexpectedEnd() {
    return new XMLStreamException("unexpected end of the XML (the part is truncated)");
  }

  void close() throws IOException {
    in.close();
  }

  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** What the first bytes say the encoding is, when it is not UTF-8 (nor its subset ASCII); else null. */
  private Charset encoding() throws IOException, XMLStreamException {
    int b0 = limit > 0 ? buf[0] & 0xFF : -1;
    int b1 = limit > 1 ? buf[1] & 0xFF : -1;
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
      return StandardCharsets.UTF_16;
    } else if (b0 == 0 && b1 == '<') {
      return StandardCharsets.UTF_16BE;
    } else if (b0 == '<' && b1 == 0) {
      return StandardCharsets.UTF_16LE;
    }
    byte[] decl = "<?xml".getBytes(StandardCharsets.US_ASCII);
    if (limit < decl.length || !Arrays.equals(buf, 0, decl.length, decl, 0, decl.length)) {
      return null;
    }
    int end;
    while ((end = indexOf(new byte[] {'?', '>'})) < 0) {
      if (limit >= 1024 || !fill()) {
        throw new XMLStreamException("an XML declaration that does not end");
      }
    }
    Matcher m = ENCODING.matcher(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      return null;
    }
    String name = m.group(1);
    for (String utf8 : new String[] {"UTF-8", "UTF8", "US-ASCII", "ASCII"}) {
      if (name.equalsIgnoreCase(utf8)) {
        return null;
      }
    }
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      throw new XMLStreamException("an XML encoding this reader does not know: " + name);
    }
  }
}
