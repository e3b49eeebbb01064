package dev.briefpipe.workbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The parts of an .xlsx package the streaming reader needs (the workbook, its styles and shared
 * strings, and each sheet by relationship id), found through the package's relationships. The zip is
 * opened through POI's {@link ZipSecureFile}, and every part read is held to the same inflate-ratio,
 * entry-size and entry-count limits as in POI's package layer (a deflated part is inflated by {@link
 * InflatingInput}, which checks them as POI does). That layer ({@code OPCPackage}) also
 * parses the content types and all relationships into DOM first: a quarter of a second of class
 * loading before a large sheet's first row.
 */
final class PackageParts implements Closeable {
  private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  private static final String STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

  private final ZipSecureFile zip;
  private final String workbook;
  private final Map<String, String> byId = new HashMap<>();
  private String styles;
  private String sharedStrings;

  private PackageParts(ZipSecureFile zip, String workbook) {
    this.zip = zip;
    this.workbook = workbook;
  }

  static PackageParts open(Path file) throws IOException, XMLStreamException {
    ZipSecureFile zip = new ZipSecureFile(file.toFile());
    try {
      if (entry(zip, "[Content_Types].xml") == null || entry(zip, "_rels/.rels") == null) {
        throw new NotOfficeXmlFileException(
            "No valid entries or contents found, this is not a valid OOXML (Office Open XML) file");
      }
      String workbook = null;
      for (String[] rel : relationships(zip, "_rels/.rels", "")) {
        if (rel[1].startsWith(STRICT)) {
          throw new IOException("Strict OOXML isn't currently supported");
        }
        if (rel[1].equals(RELATIONSHIPS + "officeDocument")) {
          workbook = rel[2];
        }
      }
      if (workbook == null || entry(zip, workbook) == null) {
        throw new NotOfficeXmlFileException("No valid entries or contents found: no workbook part");
      }
      PackageParts parts = new PackageParts(zip, workbook);
      int slash = workbook.lastIndexOf('/');
      String dir = slash < 0 ? "" : workbook.substring(0, slash + 1);
      String rels = dir + "_rels/" + workbook.substring(slash + 1) + ".rels";
      if (entry(zip, rels) != null) {
        for (String[] rel : relationships(zip, rels, dir)) {
          parts.byId.put(rel[0], rel[2]);
          if (rel[1].equals(RELATIONSHIPS + "styles")) {
            parts.styles = rel[2];
          } else if (rel[1].equals(RELATIONSHIPS + "sharedStrings")) {
            parts.sharedStrings = rel[2];
          }
        }
      }
      return parts;
    } catch (IOException | XMLStreamException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  /** The workbook part's XML. */
  InputStream workbook() throws IOException {
    return open(workbook);
  }

  /** The styles part's XML, or null when the package has none. */
  InputStream styles() throws IOException {
    return styles == null || entry(zip, styles) == null ? null : open(styles);
  }

  /** The shared strings' XML, or null when the package has none. */
  InputStream sharedStrings() throws IOException {
    return sharedStrings == null || entry(zip, sharedStrings) == null ? null : open(sharedStrings);
  }

  /** How large the shared strings say they unpack, or -1. */
  long sharedStringsSize() {
    ZipArchiveEntry e = sharedStrings == null ? null : entry(zip, sharedStrings);
    return e == null ? -1 : e.getSize();
  }

  /** The XML of the part the workbook's relationship {@code id} points at (a sheet). */
  InputStream part(String id) throws IOException {
    String name = byId.get(id);
    if (name == null) {
      throw new IOException("no part for relationship " + id);
    }
    return open(name);
  }

  /** How large that part says it unpacks, or -1. */
  long partSize(String id) {
    String name = byId.get(id);
    ZipArchiveEntry e = name == null ? null : entry(zip, name);
    return e == null ? -1 : e.getSize();
  }

  private InputStream open(String name) throws IOException {
    ZipArchiveEntry e = entry(zip, name);
    if (e == null) {
      throw new IOException("no part " + name);
    }
    // Deflated (as parts nearly always are): inflated here, in large steps, under POI's limits.
    return e.getMethod() == ZipArchiveEntry.DEFLATED ? new InflatingInput(zip.getRawInputStream(e), name)
        : zip.getInputStream(e);
  }

  /** The zip entry of a part; part names are compared ignoring case, as in the OPC standard. */
  private static ZipArchiveEntry entry(ZipSecureFile zip, String name) {
    ZipArchiveEntry e = zip.getEntry(name);
    if (e != null) {
      return e;
    }
    for (java.util.Enumeration<ZipArchiveEntry> all = zip.getEntries(); all.hasMoreElements(); ) {
      ZipArchiveEntry candidate = all.nextElement();
      if (candidate.getName().equalsIgnoreCase(name)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /** Id, type and target (a part name, resolved against {@code dir}) of each internal relationship. */
  private static java.util.List<String[]> relationships(ZipSecureFile zip, String name, String dir)
      throws IOException, XMLStreamException {
    java.util.List<String[]> out = new java.util.ArrayList<>();
    try (InputStream in = zip.getInputStream(entry(zip, name))) {
      XMLStreamReader x = StreamingWorkbookReader.xmlFactory().createXMLStreamReader(in);
      try {
        while (x.hasNext()) {
          if (x.next() == XMLStreamConstants.START_ELEMENT && x.getLocalName().equals("Relationship")
              && !"External".equalsIgnoreCase(x.getAttributeValue(null, "TargetMode"))) {
            String target = x.getAttributeValue(null, "Target");
            out.add(new String[] {String.valueOf(x.getAttributeValue(null, "Id")),
                String.valueOf(x.getAttributeValue(null, "Type")), target == null ? "" : resolve(dir, target)});
          }
        }
      } finally {
        x.close();
      }
    }
    return out;
  }

  /** A relationship's target as a zip entry name: absolute from the root, or relative to {@code dir}. */
  static String resolve(String dir, String target) {
    String path = target.startsWith("/") ? target.substring(1) : dir + target;
    Deque<String> segments = new ArrayDeque<>();
    for (String s : path.split("/")) {
      if (s.equals("..")) {
        segments.pollLast();
      } else if (!s.isEmpty() && !s.equals(".")) {
        segments.addLast(s);
      }
    }
    return String.join("/", segments);
  }
}
