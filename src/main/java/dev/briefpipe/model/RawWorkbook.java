package dev.briefpipe.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workbook opened for reading: its sheets in workbook order and the hash of its bytes when opened,
 * so a later write-back can refuse when the file changed in between. Close it when done: an .xlsx
 * stays open while its sheets are read.
 */
public final class RawWorkbook implements AutoCloseable {
    private final Path file;
    private final String sha256;
    private final long size;
    private final Map<String, SheetRows> sheets = new LinkedHashMap<>();
    private final boolean date1904;
    private final Runnable close;

    /**
     * @param date1904 the workbook counts dates from 1904 (old Mac Excel) rather than 1900
     * @param close releases the file
     */
    public RawWorkbook(
            Path file, String sha256, long size, List<? extends SheetRows> sheets, boolean date1904, Runnable close) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
        this.date1904 = date1904;
        this.close = close;
        sheets.forEach(s -> this.sheets.put(s.name(), s));
    }

    /** A workbook held in memory (tests, the annotated copy's own reading). */
    public RawWorkbook(Path file, String sha256, long size, List<? extends SheetRows> sheets) {
        this(file, sha256, size, sheets, false, () -> {});
    }

    public boolean date1904() {
        return date1904;
    }

    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public Optional<SheetRows> findSheet(String name) {
        return Optional.ofNullable(sheets.get(name));
    }

    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    @Override
    public void close() {
        close.run();
    }
}
