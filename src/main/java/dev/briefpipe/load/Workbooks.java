package dev.briefpipe.load;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.WorkMeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a workbook for reading: one path per format. The file is looked at first ({@link
 * FileSniffer}) so that the common wrong files get a sentence of their own; an .xlsx or .xlsm of any
 * size is then read row by row ({@link XlsxReader}), an .xls by POI's usermodel ({@link XlsReader}).
 * Whatever a broken file makes the libraries throw becomes a {@link WorkbookReadException} with a
 * stable reason.
 */
public final class Workbooks {
    private static final Logger log = LoggerFactory.getLogger(Workbooks.class);

    private Workbooks() {}

    /**
     * Opens the workbook, hashing its bytes once (the hash a later write-back compares against). The
     * caller closes it.
     *
     * @param maxBytes a larger file is refused before it is opened
     * @param maxPartBytes a part (one sheet's XML, the shared strings) that unpacks larger is refused
     * @param meter hears how much of the sheets' XML has been read
     * @throws WorkbookReadException when the file cannot be read, with a reason of its own
     */
    public static RawWorkbook open(Path file, long maxBytes, long maxPartBytes, WorkMeter meter) {
        PoiHardening.apply(maxPartBytes);
        if (!Files.isRegularFile(file)) {
            if (Files.isDirectory(file)) {
                throw new WorkbookReadException(file, "folder", null, null);
            }
            String beside = beside(file);
            throw new WorkbookReadException(file, beside == null ? "not-found" : "not-found-beside", beside, null);
        }
        try {
            FileMagic magic = FileSniffer.check(file, maxBytes);
            String sha256 = FileHashes.sha256(file);
            long size = Files.size(file);
            RawWorkbook wb = magic == FileMagic.OLE2
                    ? XlsReader.read(file, sha256, size)
                    : XlsxReader.open(file, sha256, size, meter);
            log.info(
                    "opened {} ({} bytes, {} sheets)",
                    file,
                    size,
                    wb.sheetNames().size());
            return wb;
        } catch (WorkbookReadException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw failure(file, e);
        }
    }

    /**
     * The one workbook in a missing workbook's folder whose name starts with its name, case aside: saved
     * under another type ("brief.xls") or downloaded again ("brief (1).xlsx"). Null when none or several.
     */
    static String beside(Path file) {
        String name = file.getFileName().toString();
        String stem = name.replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
        Path folder = file.toAbsolutePath().getParent();
        try (var files = Files.list(folder)) {
            List<String> found = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.toLowerCase(Locale.ROOT).matches(Pattern.quote(stem) + ".*\\.xls[xm]?"))
                    .limit(2)
                    .toList();
            return found.size() == 1 ? found.get(0) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // no folder to look in: the plain sentence
        }
    }

    /** What a library threw on a broken file, as a reason of our own; the library's words stay in the cause. */
    static WorkbookReadException failure(Path file, Throwable e) {
        if (e instanceof WorkbookReadException w) {
            return w;
        }
        if (e instanceof EncryptedDocumentException) {
            return new WorkbookReadException(file, "encrypted", null, e);
        }
        if (e instanceof OldExcelFormatException) {
            return new WorkbookReadException(file, "old-format", null, e);
        }
        if (e instanceof NotOfficeXmlFileException) {
            return new WorkbookReadException(file, "not-a-workbook", null, e);
        }
        String reason = reason(e);
        String detail = "too-large".equals(reason) ? "> " + PoiHardening.partLimit() / (1024 * 1024) + " MB" : null;
        return new WorkbookReadException(file, reason, detail, e);
    }

    /** A stable reason for what POI or the XML parser threw, from its type or (where it has none) its message. */
    static String reason(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        String msg = all.toString().toLowerCase(Locale.ROOT);
        if (msg.contains("xlsbunsupported") || msg.contains(".xlsb")) {
            return "xlsb";
        }
        if (msg.contains("strict ooxml")) {
            return "strict-ooxml";
        }
        if (msg.contains("max. ratio")) {
            return "zip-bomb";
        }
        if (msg.contains("max size of the expanded") || msg.contains("exceeds the maximum")) {
            return "too-large";
        }
        if (msg.contains("doctype") || msg.contains("entity")) {
            return "unsafe-xml";
        }
        if (msg.contains("odfnotofficexml") || msg.contains("opendocument")) {
            return "ods";
        }
        if (msg.contains("truncated")
                || msg.contains("unexpected end")
                || msg.contains("failed to read the file input")) {
            return "truncated";
        }
        if (msg.contains("valid ole2")
                || msg.contains("no valid entries")
                || msg.contains("unsupported file type")
                || msg.contains("notofficexml")) {
            return "not-a-workbook";
        }
        return "unreadable";
    }
}
