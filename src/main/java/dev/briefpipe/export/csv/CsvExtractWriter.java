package dev.briefpipe.export.csv;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ExtractConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.Expr;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one declared extract of a sheet as CSV (or TSV): the chosen columns under their headers,
 * the rows that pass the filter, values machine-readable unless a format is given (plain numbers,
 * ISO-8601 dates). Quoting is commons-csv's. Text a spreadsheet would run as a formula gets a leading
 * apostrophe (OWASP), numbers are never touched.
 */
public final class CsvExtractWriter {

  /** How a file is written, as a data package describes it. */
  public record Dialect(char delimiter, char quote, String lineTerminator, boolean bom) {}

  /** One column of an extract: its header, the field it comes from and that field's schema. */
  public record Column(String header, String field, ColumnSpec spec) {}

  /** What was written. */
  public record Result(Path file, int rows, List<Column> columns, Dialect dialect, ExtractConfig config) {}

  public Result write(Table table, SheetSchema schema, ExtractConfig cfg, Path dir) throws IOException {
    Dialect d = dialect(cfg);
    List<Column> cols = columns(table, schema, cfg);
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(d.delimiter()).setQuote(d.quote())
        .setRecordSeparator(d.lineTerminator()).get();
    Optional<Expr> filter = Optional.ofNullable(cfg.filter()).map(ExprParser::parse);
    ExprEvaluator eval = new ExprEvaluator(new Dataset(List.of(table)), n -> Optional.empty());
    Path file = dir.resolve(cfg.file());
    int rows = 0;
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter p = new CSVPrinter(w, format)) {
      if (d.bom()) {
        w.write('\uFEFF');
      }
      List<String> record = new ArrayList<>(cols.size());
      for (Column c : cols) {
        record.add(c.header());
      }
      p.printRecord(record);
      for (Row r : table.rows()) {
        if (filter.isPresent() && !Boolean.TRUE.equals(eval.eval(filter.get(), r))) {
          continue;
        }
        record.clear();
        for (Column c : cols) {
          String v = text(r.get(c.field()), cfg.formats().get(c.field()));
          record.add(cfg.neutralise() && r.get(c.field()) instanceof String ? neutralise(v) : v);
        }
        p.printRecord(record);
        rows++;
      }
    }
    return new Result(file, rows, cols, d, cfg);
  }

  static Dialect dialect(ExtractConfig cfg) {
    Dialect base = switch (cfg.profile()) {
      case "rfc4180" -> new Dialect(',', '"', "\r\n", false);
      case "tsv" -> new Dialect('\t', '"', "\n", false);
      default -> new Dialect(',', '"', "\r\n", true);
    };
    char delimiter = cfg.delimiter() == null ? base.delimiter() : cfg.delimiter().equals("\\t") ? '\t' : cfg.delimiter().charAt(0);
    char quote = cfg.quote() == null ? base.quote() : cfg.quote().charAt(0);
    String eol = cfg.lineEnding() == null ? base.lineTerminator() : "lf".equalsIgnoreCase(cfg.lineEnding()) ? "\n" : "\r\n";
    return new Dialect(delimiter, quote, eol, base.bom());
  }

  private static List<Column> columns(Table table, SheetSchema schema, ExtractConfig cfg) {
    List<String> fields = cfg.columns().isEmpty()
        ? table.fields().stream().filter(f -> table.columnOf(f).orElse(-1) >= 0).toList() : cfg.columns();
    List<Column> out = new ArrayList<>();
    for (String f : fields) {
      ColumnSpec spec = schema.columns().get(f);
      String header = cfg.rename().getOrDefault(f, spec != null ? spec.title() : f);
      out.add(new Column(header, f, spec));
    }
    return out;
  }

  /**
   * Makes text safe to open in a spreadsheet: a value starting with =, +, -, @, tab, CR or LF gets a
   * leading apostrophe, which spreadsheets show as text instead of running it. Reverse with {@link #restore}.
   */
  public static String neutralise(String s) {
    return isTriggered(s) ? "'" + s : s;
  }

  /** The value as written before {@link #neutralise}: one apostrophe fewer where one was added. */
  public static String restore(String s) {
    return s.startsWith("'") && isTriggered(s.substring(1)) ? s.substring(1) : s;
  }

  /**
   * Whether text, past any apostrophes it already starts with, begins with a formula trigger. Counting
   * those apostrophes keeps the rule reversible: "'@" becomes "''@" and reads back as "'@".
   */
  private static boolean isTriggered(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    return i < s.length() && "=+-@\t\r\n".indexOf(s.charAt(i)) >= 0;
  }

  /** The machine-readable text of a typed value: "38210", "0.708", "2025-03-27", "2025-03", "true". */
  public static String text(Object v) {
    return text(v, null);
  }

  /** The text of a value in a number or date pattern (ISO and plain numbers when none). */
  public static String text(Object v, String pattern) {
    if (v == null) {
      return "";
    }
    if (pattern != null) {
      if (v instanceof LocalDate d) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(d);
      }
      if (v instanceof YearMonth ym) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(ym.atDay(1));
      }
      if (v instanceof BigDecimal || v instanceof Long) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
      }
    }
    if (v instanceof BigDecimal b) {
      return b.toPlainString();
    }
    return v.toString();
  }
}
