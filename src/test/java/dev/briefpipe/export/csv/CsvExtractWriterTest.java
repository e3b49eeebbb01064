package dev.briefpipe.export.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.config.ExtractConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Random awkward text survives every profile: written, parsed back, equal modulo neutralisation. */
class CsvExtractWriterTest {
    private static final String[] PIECES = {
        "a",
        "한글",
        "中文",
        "😀",
        ",",
        "\"",
        "'",
        "\r\n",
        "\n",
        "\r",
        "\t",
        " ",
        "=",
        "-",
        "+",
        "@",
        "=SUM(A1:A9)",
        "-3.5",
        "1,234",
        "",
        "x".repeat(500)
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"excel", "rfc4180", "tsv"})
    void randomRowsRoundTrip(String profile) throws IOException {
        Random random = new Random(profile.hashCode());
        for (int round = 0; round < 20; round++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Map<String, Object> values = new HashMap<>();
                Map<String, CellRef> cells = new HashMap<>();
                String text = randomText(random);
                if (!text.isEmpty()) {
                    values.put("text", text);
                }
                if (random.nextBoolean()) {
                    values.put("number", new BigDecimal(random.nextInt(2000) - 1000).movePointLeft(random.nextInt(3)));
                }
                cells.put("text", new CellRef("s", i + 1, 0));
                cells.put("number", new CellRef("s", i + 1, 1));
                rows.add(new Row(i + 1, values, cells));
            }
            Table t = new Table("t", "s", List.of("text", "number"), List.of(0, 1), List.of(), rows);
            ExtractConfig cfg = new ExtractConfig(
                    "t", "t-" + round + "." + profile, profile, null, null, null, null, null, null, null, null);
            CsvExtractWriter.Result r = new CsvExtractWriter().write(t, schema(), cfg, dir);
            // Byte for byte what commons-csv's own printer makes of the same values.
            CsvExtractWriter.Dialect d = r.dialect();
            java.io.StringWriter expected = new java.io.StringWriter();
            try (org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(
                    expected,
                    CSVFormat.DEFAULT
                            .builder()
                            .setDelimiter(d.delimiter())
                            .setQuote(d.quote())
                            .setRecordSeparator(d.lineTerminator())
                            .get())) {
                p.printRecord(r.columns().stream()
                        .map(CsvExtractWriter.Column::header)
                        .toList());
                for (Row row : rows) {
                    p.printRecord(
                            row.get("text") == null ? "" : CsvValues.neutralise(row.text("text")),
                            CsvValues.text(row.get("number")));
                }
            }
            assertThat(Files.readString(r.file()).replace("\uFEFF", "")).isEqualTo(expected.toString());
            List<CSVRecord> back = read(r);
            assertThat(back).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String text = CsvValues.restore(back.get(i).get(0));
                assertThat(text)
                        .as("row %d of round %d", i, round)
                        .isEqualTo(rows.get(i).text("text"));
                assertThat(back.get(i).get(1))
                        .isEqualTo(CsvValues.text(rows.get(i).get("number")));
            }
        }
    }

    @Test
    void textThatWouldRunAsAFormulaIsNeutralisedButNumbersAreNot() throws IOException {
        Map<String, Object> v =
                new HashMap<>(Map.of("text", "=HYPERLINK(\"http://evil\")", "number", new BigDecimal("-3.5")));
        Row row = new Row(1, v, Map.of("text", new CellRef("s", 1, 0), "number", new CellRef("s", 1, 1)));
        Table t = new Table("t", "s", List.of("text", "number"), List.of(0, 1), List.of(), List.of(row));
        CsvExtractWriter.Result on = new CsvExtractWriter().write(t, schema(), ExtractConfig.of("t"), dir);
        assertThat(read(on).get(0).get(0)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(read(on).get(0).get(1)).isEqualTo("-3.5");
        ExtractConfig off = new ExtractConfig("t", "off.csv", null, null, null, null, null, null, null, null, false);
        assertThat(read(new CsvExtractWriter().write(t, schema(), off, dir))
                        .get(0)
                        .get(0))
                .isEqualTo("=HYPERLINK(\"http://evil\")");
    }

    @Test
    void profilesDifferInBomLineEndingAndDelimiter() throws IOException {
        Row row = new Row(1, new HashMap<>(Map.of("text", "가")), Map.of("text", new CellRef("s", 1, 0)));
        Table t = new Table("t", "s", List.of("text", "number"), List.of(0, 1), List.of(), List.of(row));
        byte[] excel = Files.readAllBytes(new CsvExtractWriter()
                .write(t, schema(), ExtractConfig.of("t"), dir)
                .file());
        assertThat(excel).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(excel, StandardCharsets.UTF_8)).endsWith("\r\n").contains("텍스트,숫자\r\n");
        ExtractConfig rfc = new ExtractConfig("t", "r.csv", "rfc4180", null, null, null, null, null, null, null, null);
        byte[] plain = Files.readAllBytes(
                new CsvExtractWriter().write(t, schema(), rfc, dir).file());
        assertThat(plain[0]).isEqualTo((byte) 0xED);
        ExtractConfig tsv = new ExtractConfig("t", null, "tsv", null, null, null, null, null, null, null, null);
        assertThat(Files.readString(
                        new CsvExtractWriter().write(t, schema(), tsv, dir).file()))
                .isEqualTo("텍스트\t숫자\n가\t\n");
    }

    private static List<CSVRecord> read(CsvExtractWriter.Result r) throws IOException {
        CSVFormat f = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(r.dialect().delimiter())
                .setQuote(r.dialect().quote())
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (InputStream in = BOMInputStream.builder()
                        .setInputStream(Files.newInputStream(r.file()))
                        .get();
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser p = f.parse(reader)) {
            return p.getRecords();
        }
    }

    private static SheetSchema schema() {
        Map<String, ColumnSpec> cols = new LinkedHashMap<>();
        cols.put(
                "text",
                new ColumnSpec(
                        List.of("텍스트"),
                        ColumnType.TEXT,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false));
        cols.put(
                "number",
                new ColumnSpec(
                        List.of("숫자"),
                        ColumnType.DECIMAL,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false));
        return new SheetSchema("s", null, null, null, null, null, cols, null, null, null, null, null, null);
    }

    private static String randomText(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
