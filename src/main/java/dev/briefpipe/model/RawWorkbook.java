package dev.briefpipe.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A workbook as read from disk: its sheets in workbook order and the hash of the exact bytes read,
 * so a later write-back can refuse when the file changed in between.
 */
public final class RawWorkbook {
  private final Path file;
  private final Supplier<String> sha256;
  private final long size;
  private final Map<String, SheetRows> sheets = new LinkedHashMap<>();
  private final boolean date1904;

  public RawWorkbook(Path file, String sha256, long size, List<? extends SheetRows> sheets) {
    this(file, sha256, size, sheets, false);
  }

  /** @param date1904 the workbook counts dates from 1904 (old Mac Excel) rather than 1900 */
  public RawWorkbook(Path file, String sha256, long size, List<? extends SheetRows> sheets, boolean date1904) {
    this(file, () -> sha256, size, sheets, date1904);
  }

  /**
   * @param sha256 gives the hash of a large workbook: one being worked out beside the reading, or one
   *     worked out when first asked for (and refused if the file has changed since it was opened);
   *     it throws what the hashing threw
   */
  public RawWorkbook(Path file, Supplier<String> sha256, long size, List<? extends SheetRows> sheets,
      boolean date1904) {
    this.file = file;
    this.sha256 = sha256;
    this.size = size;
    this.date1904 = date1904;
    sheets.forEach(s -> this.sheets.put(s.name(), s));
  }

  public boolean date1904() {
    return date1904;
  }

  public Path file() {
    return file;
  }

  public String sha256() {
    return sha256.get();
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
}
