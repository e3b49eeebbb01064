package dev.briefpipe.load;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.io.WorkbookFiles;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * Looks at a file before POI does, so the common wrong files get a sentence of their own: empty, a
 * CSV or other text, an OpenDocument or binary (.xlsb) workbook, a zip with duplicate entries or cut
 * short, a file larger than allowed, or a workbook whose extension says the other format. Hostile
 * packages are named here too, from every part, whether or not a reader will open it: an entry that
 * says it unpacks past POI's inflate ratio (a zip bomb), or an XML part with a DOCTYPE. The streaming
 * reader opens only the sheets a brief reads; without this, a bomb in another sheet would pass as a
 * workbook that lacks the brief's sheets. POI's own limits still hold for what is read.
 */
final class FileSniffer {
    private FileSniffer() {}

    /**
     * @return the file's kind: {@link FileMagic#OOXML} (.xlsx, .xlsm) or {@link FileMagic#OLE2} (.xls)
     * @throws WorkbookReadException when the file is not something POI should be handed
     */
    static FileMagic check(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new WorkbookReadException(file, "empty", null, null);
        }
        if (size > maxBytes) {
            throw new WorkbookReadException(file, "too-large", size / (1024 * 1024) + " MB", null);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            zip(file, name);
        } else if (magic == FileMagic.OLE2) {
            // An .xlsx in an OLE2 container is an encrypted one, or an .xls misnamed. A real .xls is left
            // to POI, which names its encryption itself.
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                throw encrypted(file)
                        ? new WorkbookReadException(file, "encrypted", null, null)
                        : new WorkbookReadException(file, "wrong-extension", ".xls", null);
            }
        } else {
            String of = WorkbookFiles.lockedBy(file.getFileName().toString());
            if (of != null) { // chosen by mistake beside the workbook: Excel's owner file, LibreOffice's lock
                throw new WorkbookReadException(file, "lock-file", of, null);
            }
            String text = headText(file);
            boolean csv = text != null && looksLikeCsv(text);
            throw new WorkbookReadException(file, csv ? "csv" : "not-a-workbook", magic.name(), null);
        }
        return magic;
    }

    private static void zip(Path file, String name) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                String n = e.getName();
                if (!names.add(n)) {
                    throw new WorkbookReadException(file, "duplicate-entries", n, null);
                }
                if (bomb(e)) {
                    throw new WorkbookReadException(file, "zip-bomb", n, null);
                }
                if ((n.endsWith(".xml") || n.endsWith(".rels")) && doctype(zip, e)) {
                    throw new WorkbookReadException(file, "unsafe-xml", n, null);
                }
            }
            if (names.contains("mimetype") && names.contains("content.xml")) {
                throw new WorkbookReadException(file, "ods", null, null);
            }
            if (names.stream().anyMatch(n -> n.endsWith(".bin") && n.startsWith("xl/workbook"))) {
                throw new WorkbookReadException(file, "xlsb", null, null);
            }
        } catch (WorkbookReadException e) {
            throw e;
        } catch (IOException e) {
            throw new WorkbookReadException(file, "truncated", e.getMessage(), e);
        }
        if (name.endsWith(".xls")) {
            throw new WorkbookReadException(file, "wrong-extension", ".xlsx", null);
        }
    }

    /** An entry whose sizes say it unpacks past POI's ratio (checked, as POI does, beyond 100 KB). */
    private static boolean bomb(ZipArchiveEntry e) {
        long size = e.getSize();
        long packed = e.getCompressedSize();
        return size > GRACE_BYTES && packed >= 0 && (double) packed / size < ZipSecureFile.getMinInflateRatio();
    }

    private static final long GRACE_BYTES = 100 * 1024;

    /** Whether an XML part's prolog (its first 4 KB, unpacked) declares a document type. */
    private static boolean doctype(ZipFile zip, ZipArchiveEntry e) throws IOException {
        byte[] head;
        try (InputStream in = zip.getInputStream(e)) {
            head = in.readNBytes(4096);
        }
        return new String(head, StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT)
                .contains("<!DOCTYPE");
    }

    private static boolean encrypted(Path file) throws IOException {
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The file's first 4 KB as text, or null when it is not text. A CSV comes as Excel or LibreOffice
     * saved it: UTF-8, the code page of a Korean Windows (CP949) or "Unicode text" (UTF-16, with its
     * byte-order mark); a binary file has control bytes a text has not.
     */
    private static String headText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new String(head, 2, (head.length - 2) & ~1, StandardCharsets.UTF_16LE);
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new String(head, 2, (head.length - 2) & ~1, StandardCharsets.UTF_16BE);
        }
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return null;
            }
        }
        return new String(head, StandardCharsets.UTF_8);
    }

    private static boolean looksLikeCsv(String head) {
        String[] lines = head.split("\r?\n", -1);
        return lines.length >= 2 && (lines[0].contains(",") || lines[0].contains("\t") || lines[0].contains(";"));
    }
}
