package dev.briefpipe.export.csv;

import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one sheet's rows as CSV for Excel-with-Korean: UTF-8 with a byte-order mark, CRLF line ends,
 * a header row of the sheet's headers, values machine-readable (plain numbers, ISO dates). Quoting is
 * commons-csv's. Only the columns read from the sheet are written, so the file round-trips to it.
 */
public final class CsvExtractWriter {
  private static final CSVFormat FORMAT = CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get();

  /**
   * @param headers the header text for each field of {@code fields}, same order
   */
  public void write(Table table, List<String> fields, List<String> headers, Path file) throws IOException {
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter p = new CSVPrinter(w, FORMAT)) {
      w.write('\uFEFF');
      p.printRecord(headers);
      List<String> record = new ArrayList<>(fields.size());
      for (Row r : table.rows()) {
        record.clear();
        for (String f : fields) {
          record.add(text(r.get(f)));
        }
        p.printRecord(record);
      }
    }
  }

  /** The machine-readable text of a typed value: "38210", "0.708", "2025-03-27", "2025-03", "true". */
  public static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return v.toString();
  }
}
