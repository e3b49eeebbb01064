package dev.briefpipe.export.summary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The summary sheet of a workbook too large for POI's usermodel, refreshed at the package level. POI
 * is given a skeleton of the workbook in which every other worksheet, the shared-string table and
 * every picture or embedded file are empty (the old summary sheet keeps its text, inlined), so it loads in a few megabytes; it rewrites
 * the summary sheet, workbook part, styles and content types as usual. The result is POI's package
 * with the emptied parts put back byte for byte from the original (their compressed data copied, not
 * re-inflated), and the new summary sheet's text inlined so the original shared-string table stays valid.
 */
final class LargeWorkbookSplice {
  private static final String STUB_SHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetData/></worksheet>";
  private static final String STUB_SST = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"0\" uniqueCount=\"0\"/>";
  /** A shared-string cell as Excel and POI write it: {@code <c r="A1" s="3" t="s"><v>12</v></c>}. */
  private static final Pattern SHARED_CELL = Pattern.compile("<c\\b([^>]*?)\\bt=\"s\"([^>]*)>\\s*<v>(\\d+)</v>\\s*</c>");
  private static final Pattern CELL_INDEX = Pattern.compile("<c\\b[^>]*?\\bt=\"s\"[^>]*>\\s*<v>(\\d+)</v>");

  /** Where a package keeps its sheets and shared strings. */
  record Layout(Map<String, String> sheets, String sharedStrings) {}

  /** Reads a part of a package, or null when it has none of that name. */
  interface Parts {
    InputStream open(String name) throws IOException;
  }

  private final ZipFile original;
  private final Layout layout;
  private final String summarySheet;
  private final String summaryPart;
  /** The original parts POI gets emptied, and so are put back unchanged afterwards. */
  private final Set<String> restored = new HashSet<>();

  LargeWorkbookSplice(ZipFile original, String summarySheet) throws IOException {
    this.original = original;
    this.layout = layout(name -> {
      ZipArchiveEntry e = original.getEntry(name);
      return e == null ? null : original.getInputStream(e);
    });
    this.summarySheet = summarySheet;
    this.summaryPart = layout.sheets().get(summarySheet);
    for (String part : layout.sheets().values()) {
      if (!part.equals(summaryPart)) {
        restored.add(part);
        restored.add(relsOf(part));
      }
    }
    if (layout.sharedStrings() != null) {
      restored.add(layout.sharedStrings());
    }
    // Pictures and embedded files are opaque to POI's loading: POI gets them empty, so a workbook
    // full of images costs no memory either.
    var entries = original.getEntries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      if (opaque(name)) {
        restored.add(name);
      }
    }
  }

  private static boolean opaque(String name) {
    return name.startsWith("xl/media/") || name.startsWith("xl/embeddings/");
  }

  /** The package POI is given: the same parts, with other sheets and the shared strings emptied. */
  byte[] skeleton() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      var entries = original.getEntries();
      while (entries.hasMoreElements()) {
        ZipArchiveEntry e = entries.nextElement();
        String name = e.getName();
        out.putNextEntry(new ZipEntry(name));
        if (layout.sheets().containsValue(name) && !name.equals(summaryPart)) {
          out.write(STUB_SHEET.getBytes(StandardCharsets.UTF_8));
        } else if (name.equals(layout.sharedStrings())) {
          out.write(STUB_SST.getBytes(StandardCharsets.UTF_8));
        } else if (opaque(name)) {
          // left empty: restored from the original afterwards
        } else if (name.equals(summaryPart) && layout.sharedStrings() != null) {
          String xml = read(original.getInputStream(e));
          out.write(inline(xml, strings(original.getInputStream(original.getEntry(layout.sharedStrings())),
              indexes(xml))).getBytes(StandardCharsets.UTF_8));
        } else {
          try (InputStream in = original.getInputStream(e)) {
            in.transferTo(out);
          }
        }
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Writes POI's package with the emptied parts put back from the original. */
  void merge(byte[] refreshed, Path target) throws IOException {
    Map<String, byte[]> poi = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(refreshed))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        poi.put(e.getName(), in.readAllBytes());
      }
    }
    Layout after = layout(name -> poi.containsKey(name) ? new ByteArrayInputStream(poi.get(name)) : null);
    String newSummary = after.sheets().get(summarySheet);
    Set<String> written = new HashSet<>();
    try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(target)) {
      for (Map.Entry<String, byte[]> e : poi.entrySet()) {
        String name = e.getKey();
        if (restored.contains(name) && original.getEntry(name) != null) {
          copyRaw(name, out);
        } else {
          byte[] content = e.getValue();
          if (name.equals(newSummary) && after.sharedStrings() != null) {
            String xml = new String(content, StandardCharsets.UTF_8);
            content = inline(xml, strings(new ByteArrayInputStream(poi.get(after.sharedStrings())), indexes(xml)))
                .getBytes(StandardCharsets.UTF_8);
          }
          ZipArchiveEntry entry = new ZipArchiveEntry(name);
          out.putArchiveEntry(entry);
          out.write(content);
          out.closeArchiveEntry();
        }
        written.add(name);
      }
      for (String name : new TreeSet<>(restored)) {
        if (!written.contains(name) && original.getEntry(name) != null) {
          copyRaw(name, out);
        }
      }
    }
  }

  private void copyRaw(String name, ZipArchiveOutputStream out) throws IOException {
    ZipArchiveEntry e = original.getEntry(name);
    try (InputStream raw = original.getRawInputStream(e)) {
      out.addRawArchiveEntry(e, raw);
    }
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
  static Map<Integer, String> strings(InputStream sst, Set<Integer> wanted) throws IOException {
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
  static String inline(String sheetXml, Map<Integer, String> strings) {
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

  private static String read(InputStream in) throws IOException {
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
