package dev.briefpipe.export.csv;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ExtractConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.Expr;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Table;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one declared extract of a sheet as CSV (or TSV): the chosen columns under their headers,
 * the rows that pass the filter, values machine-readable unless a format is given (plain numbers,
 * ISO-8601 dates), quoted by commons-csv's printer. Text a spreadsheet would run as a formula gets a
 * leading apostrophe (OWASP), numbers are never touched.
 */
public final class CsvExtractWriter {

    /** How a file is written, as a data package describes it. */
    public record Dialect(char delimiter, char quote, String lineTerminator, boolean bom) {}

    /** One column of an extract: its header, the field it comes from and that field's schema. */
    public record Column(String header, String field, ColumnSpec spec) {}

    /** What was written. */
    public record Result(Path file, int rows, List<Column> columns, Dialect dialect, ExtractConfig config) {}

    public Result write(Table table, SheetSchema schema, ExtractConfig cfg, Path dir) throws IOException {
        return write(table, schema, cfg, dir, rows -> {});
    }

    /** @param rowsRead hears, every few thousand rows, how many of the table's rows have been gone through */
    public Result write(Table table, SheetSchema schema, ExtractConfig cfg, Path dir, LongConsumer rowsRead)
            throws IOException {
        try (Extract x = new Extract(schema, cfg, dir, new Dataset(List.of(table)))) {
            x.start(table.fields().stream()
                    .filter(f -> table.columnOf(f).orElse(-1) >= 0)
                    .toList());
            long seen = 0;
            for (Row r : table.rows()) {
                if ((++seen & 4095) == 0) {
                    rowsRead.accept(seen);
                }
                x.row(r);
            }
            rowsRead.accept(seen);
            return x.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Suffix of the column that follows each template column: the text as the PDF prints it. */
    public static final String PRINTED = "_printed";

    /** An extract written row by row as a sheet is read (a large sheet's rows are never all in memory). */
    public Extract open(SheetSchema schema, ExtractConfig cfg, Path dir) {
        return new Extract(schema, cfg, dir, new Dataset(List.of()));
    }

    /** One extract being written; {@link #start} (re)opens the file, so a sheet read twice is written once. */
    public static final class Extract implements RowListener, AutoCloseable {
        private final SheetSchema schema;
        private final ExtractConfig cfg;
        private final Dialect dialect;
        private final CSVFormat format;
        private final Optional<Expr> filter;
        private final ExprEvaluator eval;
        private final Path file;
        private List<Column> cols = List.of();
        private CSVPrinter out;
        private OutputStream stream;
        private int rows;

        Extract(SheetSchema schema, ExtractConfig cfg, Path dir, Dataset data) {
            this.schema = schema;
            this.cfg = cfg;
            this.dialect = dialect(cfg);
            this.format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(dialect.delimiter())
                    .setQuote(dialect.quote())
                    .setRecordSeparator(dialect.lineTerminator())
                    .get();
            this.filter = Optional.ofNullable(cfg.filter()).map(ExprParser::parse);
            this.eval = new ExprEvaluator(data, n -> Optional.empty());
            this.file = dir.resolve(cfg.file());
        }

        /** The sheet's sheet id, whose rows this extract takes. */
        public String sheet() {
            return cfg.sheet();
        }

        @Override
        public void start(List<String> present) {
            try {
                close();
                cols = columns(present, schema, cfg);
                stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                if (dialect.bom()) {
                    w.write('\uFEFF');
                }
                out = new CSVPrinter(w, format);
                out.printRecord(cols.stream().map(Column::header));
                rows = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Row r) {
            if (filter.isPresent() && !Boolean.TRUE.equals(eval.eval(filter.get(), r))) {
                return;
            }
            try {
                for (Column c : cols) {
                    Object value = r.get(c.field());
                    String text = CsvValues.text(value, cfg.formats().get(c.field()));
                    out.print(value instanceof String && cfg.neutralise() ? CsvValues.neutralise(text) : text);
                }
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
        }

        /** Closes the file; what was written. */
        public Result finish() throws IOException {
            if (out == null) {
                start(List.of());
            }
            close();
            return new Result(file, rows, cols, dialect, cfg);
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                try {
                    out.close();
                } finally {
                    out = null;
                    stream.close(); // let go of the file even when its last write failed (a full disk)
                }
            }
        }
    }

    static Dialect dialect(ExtractConfig cfg) {
        Dialect base = switch (cfg.profile()) {
            case "rfc4180" -> new Dialect(',', '"', "\r\n", false);
            case "tsv" -> new Dialect('\t', '"', "\n", false);
            default -> new Dialect(',', '"', "\r\n", true);
        };
        char delimiter = cfg.delimiter() == null
                ? base.delimiter()
                : cfg.delimiter().equals("\\t") ? '\t' : cfg.delimiter().charAt(0);
        char quote = cfg.quote() == null ? base.quote() : cfg.quote().charAt(0);
        String eol = cfg.lineEnding() == null
                ? base.lineTerminator()
                : "lf".equalsIgnoreCase(cfg.lineEnding()) ? "\n" : "\r\n";
        return new Dialect(delimiter, quote, eol, base.bom());
    }

    private static List<Column> columns(List<String> present, SheetSchema schema, ExtractConfig cfg) {
        List<String> fields = cfg.columns().isEmpty() ? present : cfg.columns();
        List<Column> out = new ArrayList<>();
        for (String f : fields) {
            ColumnSpec spec = schema.columns().get(f);
            ColumnSpec base =
                    f.endsWith(PRINTED) ? schema.columns().get(f.substring(0, f.length() - PRINTED.length())) : null;
            String header = cfg.rename()
                    .getOrDefault(f, spec != null ? spec.title() : base != null ? base.title() + " (PDF)" : f);
            out.add(new Column(header, f, spec));
        }
        return out;
    }
}
