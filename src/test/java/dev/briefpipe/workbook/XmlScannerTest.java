package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workbook parts' XML reader reads what a StAX parser (Aalto) reads: the same tags, attributes and
 * texts, however the bytes arrive, and refuses what is unsafe or broken where Aalto does.
 */
class XmlScannerTest {
  /** Elements whose text is read, as the sheet and shared-strings readers read it. */
  private static final Set<String> TEXT = Set.of("v", "t", "f");

  @ParameterizedTest
  @ValueSource(strings = {
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"urn:x\" xmlns:r=\"urn:r\">"
          + "<sheetData><row r=\"1\" spans=\"1:2\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"3\"><v>1.5</v></c>"
          + "</row></sheetData></worksheet>",
      // prefixes, as the Open XML SDK writes them; single quotes; white space inside tags
      "<x:worksheet xmlns:x='urn:x'><x:sheetData ><x:row r = '2' ><x:c r='A2' t='inlineStr'><x:is>"
          + "<x:t xml:space='preserve'> a  b </x:t></x:is></x:c></x:row></x:sheetData></x:worksheet >",
      // references, CDATA, comments and processing instructions in and around text
      "<sst><si><t>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#54620;&#xAE00; &#x1F600;</t></si>"
          + "<!-- a comment --><si><t><![CDATA[<not a tag> & ]]>x<!-- in text -->y<?pi data?>z</t></si></sst>",
      "<a at=\"x&amp;y&#10;z\tw\" b='&lt;&#x41;'><t>line 1\r\nline 2\rline 3\n</t><empty/><t/><f></f></a>",
      "\uFEFF<root><t>한글 텍스트, 中文, emoji \uD83D\uDE00</t></root>",
      "<root><c r=\"A1\"><f t=\"shared\" ref=\"A1:A9\" si=\"0\">SUM(B1:B2)*2</f><v>3</v></c><c><f si=\"0\"/></c></root>",
      "<only/>",
  })
  void readsWhatAStaxParserReads(String xml) throws Exception {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    List<String> expected = aalto(bytes);
    assertThat(scanner(new ByteArrayInputStream(bytes))).isEqualTo(expected);
    // However the bytes arrive: one at a time, or in uneven pieces.
    assertThat(scanner(new Trickle(bytes, new Random(1), 1))).isEqualTo(expected);
    assertThat(scanner(new Trickle(bytes, new Random(2), 7))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "ISO-8859-1"})
  void otherEncodingsAreReadAsTheyDeclare(String encoding) throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><sst><si><t>caf\u00e9 &amp; cr\u00e8me</t></si></sst>";
    byte[] bytes = xml.getBytes(Charset.forName(encoding));
    assertThat(scanner(new ByteArrayInputStream(bytes))).containsExactly("<sst>", "<si>", "<t>", "\"café & crème\"",
        "</si>", "</sst>");
  }

  @Test
  void aLargeGeneratedSheetReadsAlikeAcrossItsBufferBoundaries() throws Exception {
    Random random = new Random(42);
    StringBuilder b = new StringBuilder("<worksheet><sheetData>");
    for (int r = 1; r <= 3000; r++) {
      b.append("<row r=\"").append(r).append("\">");
      for (int c = 0; c < 8; c++) {
        b.append("<c r=\"").append((char) ('A' + c)).append(r).append('"');
        if (random.nextInt(3) == 0) {
          b.append(" t=\"s\"");
        }
        b.append(random.nextInt(5) == 0 ? " s='2'" : "").append("><v>").append(random.nextInt(100_000)).append("</v></c>");
      }
      if (r % 500 == 0) {
        // text and attributes longer than the reader's buffer
        b.append("<c t=\"inlineStr\" note=\"").append("n".repeat(70_000 + r)).append("\"><is><t>")
            .append("가&amp;".repeat(30_000 + r)).append("</t></is></c>");
      }
      b.append("</row>\n");
    }
    b.append("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B2\"/></mergeCells></worksheet>");
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    List<String> expected = aalto(bytes);
    assertThat(scanner(new ByteArrayInputStream(bytes))).isEqualTo(expected);
    assertThat(scanner(new Trickle(bytes, new Random(3), 70_000))).isEqualTo(expected);
  }

  @Test
  void aDtdIsRefusedWhereverItIs() {
    String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
        + "<sst><si><t>&lol2;</t></si></sst>";
    assertThatThrownBy(() -> scanner(bytes(bomb))).isInstanceOf(XMLStreamException.class).hasMessageContaining("DOCTYPE");
    assertThatThrownBy(() -> scanner(bytes("<a><!DOCTYPE a></a>"))).hasMessageContaining("DOCTYPE");
    // An entity never declared is an error, not text.
    assertThatThrownBy(() -> scanner(bytes("<a><t>&lol;</t></a>"))).hasMessageContaining("entity");
    assertThatThrownBy(() -> scanner(bytes("<a b=\"&lol;\"><t/></a>"))).hasMessageContaining("entity");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "<a><b></a>",
      "<a><b></b>",
      "<a><t>text",
      "<a b=\"1\" b=\"2\"/>",
      "<a><t>text<b/></t></a>",
      "<a b=1/>",
      "<a b=\"1\"c=\"2\"/>",
      "<a b=\"<\"/>",
      "</a>",
      "",
      "<a></a",
      "<a><t>&#0;</t></a>",
      "<a><t>&#xD800;</t></a>",
      "<a/ >",
  })
  void brokenXmlIsAnErrorAsItIsToAStaxParser(String xml) {
    assertThatThrownBy(() -> aalto(xml.getBytes(StandardCharsets.UTF_8))).as("Aalto").isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> scanner(bytes(xml))).isInstanceOf(XMLStreamException.class);
  }

  @Test
  void textLongerThanAnyCellIsRefusedAsTooLarge() {
    String xml = "<a><t>" + "x".repeat(XmlText.MAX + 1) + "</t></a>";
    assertThatThrownBy(() -> scanner(bytes(xml))).hasMessageContaining("exceeds the maximum");
  }

  private static InputStream bytes(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** Tags, attributes and texts, as the scanner reads them. */
  private static List<String> scanner(InputStream in) throws IOException, XMLStreamException {
    List<String> out = new ArrayList<>();
    try (XmlScanner x = new XmlScanner(in)) {
      int ev;
      while ((ev = x.next()) != XmlScanner.EOF) {
        String name = x.localName();
        if (ev == XmlScanner.START) {
          StringBuilder tag = new StringBuilder("<").append(name);
          for (int i = 0; i < x.attributeCount(); i++) {
            tag.append(' ').append(x.attributeName(i)).append("=\"").append(x.attributeValue(i)).append('"');
          }
          out.add(tag.append('>').toString());
          if (TEXT.contains(name)) {
            out.add('"' + x.readText().toString() + '"');
          }
        } else if (!TEXT.contains(name)) {
          out.add("</" + name + ">");
        }
      }
    }
    return out;
  }

  /** The same, from Aalto. */
  private static List<String> aalto(byte[] bytes) throws XMLStreamException {
    List<String> out = new ArrayList<>();
    XMLStreamReader x = StreamingWorkbookReader.xmlFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
    while (x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String name = x.getLocalName();
        StringBuilder tag = new StringBuilder("<").append(name);
        for (int i = 0; i < x.getAttributeCount(); i++) {
          tag.append(' ').append(x.getAttributeLocalName(i)).append("=\"").append(x.getAttributeValue(i)).append('"');
        }
        out.add(tag.append('>').toString());
        if (TEXT.contains(name)) {
          out.add('"' + x.getElementText() + '"');
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && !TEXT.contains(x.getLocalName())) {
        out.add("</" + x.getLocalName() + ">");
      }
    }
    return out;
  }

  /** Hands out its bytes in pieces of random size up to a limit. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private final int max;
    private int at;

    Trickle(byte[] bytes, Random random, int max) {
      this.bytes = bytes;
      this.random = random;
      this.max = max;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at >= bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + random.nextInt(max)), bytes.length - at);
      System.arraycopy(bytes, at, b, off, n);
      at += n;
      return n;
    }
  }
}
