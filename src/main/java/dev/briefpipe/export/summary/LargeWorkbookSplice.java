package dev.briefpipe.export.summary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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
    private final ZipFile original;
    private final PackageXml.Layout layout;
    private final String summarySheet;
    private final String summaryPart;
    /** The original parts POI gets emptied, and so are put back unchanged afterwards. */
    private final Set<String> restored = new HashSet<>();

    LargeWorkbookSplice(ZipFile original, String summarySheet) throws IOException {
        this.original = original;
        this.layout = PackageXml.layout(name -> {
            ZipArchiveEntry e = original.getEntry(name);
            return e == null ? null : original.getInputStream(e);
        });
        this.summarySheet = summarySheet;
        this.summaryPart = layout.sheets().get(summarySheet);
        for (String part : layout.sheets().values()) {
            if (!part.equals(summaryPart)) {
                restored.add(part);
                restored.add(PackageXml.relsOf(part));
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
                    byte[] xml = PackageXml.read(original.getInputStream(e));
                    InputStream sst = original.getInputStream(original.getEntry(layout.sharedStrings()));
                    out.write(PackageXml.inlineShared(xml, sst));
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
        PackageXml.Layout after =
                PackageXml.layout(name -> poi.containsKey(name) ? new ByteArrayInputStream(poi.get(name)) : null);
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
                        content = PackageXml.inlineShared(
                                content, new ByteArrayInputStream(poi.get(after.sharedStrings())));
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
}
