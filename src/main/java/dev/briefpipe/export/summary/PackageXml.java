package dev.briefpipe.export.summary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * The few facts of a workbook package the summary splice needs, read from its small XML parts with the
 * JDK's StAX parser: where the sheets and shared strings are, and a sheet with its shared strings
 * turned into inline strings (written back through the StAX event API, never edited as text).
 */
final class PackageXml {
    private PackageXml() {}

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
                if (x.next() == XMLStreamConstants.START_ELEMENT
                        && x.getLocalName().equals("sheet")) {
                    String id = x.getAttributeValue(
                            "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
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
                if (x.next() == XMLStreamConstants.START_ELEMENT
                        && x.getLocalName().equals("Relationship")) {
                    m.put(
                            x.getAttributeValue(null, "Id"),
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

    /**
     * The sheet with its shared-string cells ({@code <c t="s"><v>12</v></c>}) turned into inline strings
     * ({@code <c t="inlineStr"><is><t>…</t></is></c>}), their text read from {@code sst} (closed after).
     * Every other element and attribute passes through as it was.
     */
    static byte[] inlineShared(byte[] sheetXml, InputStream sst) throws IOException {
        try {
            Map<Integer, String> strings = strings(sst, indexes(sheetXml));
            ByteArrayOutputStream out = new ByteArrayOutputStream(sheetXml.length + 1024);
            XMLEventReader in = XML_IN.createXMLEventReader(new ByteArrayInputStream(sheetXml));
            XMLEventWriter w = XML_OUT.createXMLEventWriter(out, "UTF-8");
            while (in.hasNext()) {
                XMLEvent e = in.nextEvent();
                if (e.isStartElement() && isSharedCell(e.asStartElement())) {
                    inlineCell(e.asStartElement(), in, w, strings);
                } else {
                    w.add(e);
                }
            }
            w.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IOException("unreadable sheet part: " + e.getMessage(), e);
        }
    }

    private static boolean isSharedCell(StartElement e) {
        Attribute t = e.getAttributeByName(new QName("t"));
        return e.getName().getLocalPart().equals("c")
                && t != null
                && t.getValue().equals("s");
    }

    /** Writes the cell at {@code start} with its text inline, reading it up to its end tag. */
    private static void inlineCell(
            StartElement start, XMLEventReader in, XMLEventWriter w, Map<Integer, String> strings)
            throws XMLStreamException {
        List<Attribute> attributes = new ArrayList<>();
        for (Iterator<Attribute> i = start.getAttributes(); i.hasNext(); ) {
            Attribute a = i.next();
            attributes.add(a.getName().getLocalPart().equals("t") ? EVENTS.createAttribute("t", "inlineStr") : a);
        }
        w.add(EVENTS.createStartElement(start.getName(), attributes.iterator(), start.getNamespaces()));
        String ns = start.getName().getNamespaceURI();
        String prefix = start.getName().getPrefix();
        while (true) {
            XMLEvent e = in.nextEvent();
            if (e.isEndElement()) {
                w.add(e);
                return;
            }
            if (e.isStartElement()
                    && e.asStartElement().getName().getLocalPart().equals("v")) {
                String text = strings.getOrDefault(
                        Integer.parseInt(in.getElementText().strip()), "");
                w.add(EVENTS.createStartElement(prefix, ns, "is"));
                w.add(EVENTS.createStartElement(
                        new QName(ns, "t", prefix),
                        List.of(EVENTS.createAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve"))
                                .iterator(),
                        null));
                w.add(EVENTS.createCharacters(text));
                w.add(EVENTS.createEndElement(prefix, ns, "t"));
                w.add(EVENTS.createEndElement(prefix, ns, "is"));
            } else {
                w.add(e);
            }
        }
    }

    /** The shared-string indexes a sheet's cells use. */
    private static Set<Integer> indexes(byte[] sheetXml) throws XMLStreamException {
        Set<Integer> used = new HashSet<>();
        XMLStreamReader x = xml(new ByteArrayInputStream(sheetXml));
        boolean shared = false;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = x.getLocalName();
                if (n.equals("c")) {
                    shared = "s".equals(x.getAttributeValue(null, "t"));
                } else if (n.equals("v") && shared) {
                    used.add(Integer.parseInt(x.getElementText().strip()));
                }
            }
        }
        return used;
    }

    /** The text of the wanted shared strings only, read in one pass however large the table. */
    private static Map<Integer, String> strings(InputStream sst, Set<Integer> wanted)
            throws XMLStreamException, IOException {
        Map<Integer, String> out = new HashMap<>();
        try (sst) {
            if (wanted.isEmpty()) {
                return out;
            }
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
        }
        return out;
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static XMLStreamReader xml(InputStream in) throws XMLStreamException {
        return XML_IN.createXMLStreamReader(in);
    }

    private static final XMLInputFactory XML_IN = inputFactory();
    private static final XMLOutputFactory XML_OUT = XMLOutputFactory.newDefaultFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newDefaultFactory();

    /** The JDK's StAX parser, DTDs and external entities off. */
    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
