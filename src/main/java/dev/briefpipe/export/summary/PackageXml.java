package dev.briefpipe.export.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The few facts of a workbook package the summary splice needs, read from its small XML parts: where
 * the sheets and shared strings are, which shared strings a sheet uses, and a sheet with those turned
 * into inline strings.
 */
final class PackageXml {
  private PackageXml() {}

  /** A shared-string cell as Excel and POI write it: {@code <c r="A1" s="3" t="s"><v>12</v></c>}. */
  private static final Pattern SHARED_CELL = Pattern.compile("<c\\b([^>]*?)\\bt=\"s\"([^>]*)>\\s*<v>(\\d+)</v>\\s*</c>");
  private static final Pattern CELL_INDEX = Pattern.compile("<c\\b[^>]*?\\bt=\"s\"[^>]*>\\s*<v>(\\d+)</v>");

  /** Where a package keeps its sheets and shared strings. */
  record Layout(Map<String, String> sheets, String sharedStrings) {}

  /** Reads a part of a package, or null when it has none of that name. */
  interface Parts {
    InputStream open(String name) throws IOException;
  }

  /** The workbook part's sheets (name → part) and its shared-string part, from the package's relationships. */
  static Layout layout(Parts parts) throws IOException {
    String workbook = "xl/workbook.xml";
    for (String[] rel : rels(parts, "_rels/.rels").values()) {
      if (rel[0].endsWith("/officeDocument")) {
        workbook = resolve("", rel[1]);
      }
    }
    String dir = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
    Map<String, String[]> rels = rels(parts, relsOf(workbook));
    Map<String, String> sheets = new LinkedHashMap<>();
    try (InputStream in = parts.open(workbook)) {
      XMLStreamReader x = xml(in);
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("sheet")) {
          String id = x.getAttributeValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
          String[] rel = rels.get(id);
          if (rel != null) {
            sheets.put(x.getAttributeValue(null, "name"), resolve(dir, rel[1]));
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("unreadable workbook part: " + e.getMessage(), e);
    }
    String sst = null;
    for (String[] rel : rels.values()) {
      if (rel[0].endsWith("/sharedStrings")) {
        sst = resolve(dir, rel[1]);
      }
    }
    return new Layout(sheets, sst);
  }

  /** Relationship id → {type, target}. */
  private static Map<String, String[]> rels(Parts parts, String name) throws IOException {
    Map<String, String[]> m = new HashMap<>();
    try (InputStream in = parts.open(name)) {
      if (in == null) {
        return m;
      }
      XMLStreamReader x = xml(in);
      while (x.hasNext()) {
        if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")) {
          m.put(x.getAttributeValue(null, "Id"),
              new String[] {x.getAttributeValue(null, "Type"), x.getAttributeValue(null, "Target")});
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("unreadable relationships " + name + ": " + e.getMessage(), e);
    }
    return m;
  }

  private static String resolve(String dir, String target) {
    String t = target.startsWith("/") ? target.substring(1) : dir + target;
    return Path.of(t).normalize().toString().replace('\\', '/');
  }

  static String relsOf(String part) {
    int slash = part.lastIndexOf('/');
    return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
  }

  /** The sheet with its shared-string cells inline, their text read from {@code sst} (closed after). */
  static String inlineShared(String sheetXml, InputStream sst) throws IOException {
    return inline(sheetXml, strings(sst, indexes(sheetXml)));
  }

  /** The shared-string indexes a sheet's cells use. */
  private static Set<Integer> indexes(String sheetXml) {
    Set<Integer> used = new HashSet<>();
    Matcher m = CELL_INDEX.matcher(sheetXml);
    while (m.find()) {
      used.add(Integer.parseInt(m.group(1)));
    }
    return used;
  }

  /** The text of the wanted shared strings only, read in one pass however large the table. */
  private static Map<Integer, String> strings(InputStream sst, Set<Integer> wanted) throws IOException {
    Map<Integer, String> out = new HashMap<>();
    if (wanted.isEmpty()) {
      sst.close();
      return out;
    }
    try (sst) {
      XMLStreamReader x = xml(sst);
      int index = -1;
      int phonetic = 0;
      StringBuilder text = null;
      while (x.hasNext() && out.size() < wanted.size()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String n = x.getLocalName();
          if (n.equals("si")) {
            index++;
            text = wanted.contains(index) ? new StringBuilder() : null;
          } else if (n.equals("rPh")) {
            phonetic++;
          } else if (n.equals("t") && text != null && phonetic == 0) {
            text.append(x.getElementText());
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String n = x.getLocalName();
          if (n.equals("rPh")) {
            phonetic--;
          } else if (n.equals("si") && text != null) {
            out.put(index, text.toString());
            text = null;
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException("unreadable shared strings: " + e.getMessage(), e);
    }
    return out;
  }

  /** The sheet with its shared-string cells turned into inline strings. */
  private static String inline(String sheetXml, Map<Integer, String> strings) {
    Matcher m = SHARED_CELL.matcher(sheetXml);
    StringBuilder out = new StringBuilder(sheetXml.length() + 1024);
    while (m.find()) {
      String text = strings.getOrDefault(Integer.parseInt(m.group(3)), "");
      m.appendReplacement(out, Matcher.quoteReplacement("<c" + m.group(1) + "t=\"inlineStr\"" + m.group(2)
          + "><is><t xml:space=\"preserve\">" + escape(text) + "</t></is></c>"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String read(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static XMLStreamReader xml(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f.createXMLStreamReader(in);
  }
}
