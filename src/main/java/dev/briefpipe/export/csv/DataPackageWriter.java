package dev.briefpipe.export.csv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.config.SheetSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Frictionless Data Package ({@code datapackage.json}) describing the extracts beside it: for each
 * file its path, encoding, CSV dialect and table schema (field names as in the header row, types,
 * units, allowed values, primary key), so tools such as {@code frictionless validate} can check them.
 */
public final class DataPackageWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param base the folder the package file is written to; resource paths are relative to it
     * @param schemas the sheet schemas by sheet id
     */
    public void write(
            Path file,
            Path base,
            String name,
            String title,
            List<CsvExtractWriter.Result> extracts,
            Map<String, SheetSchema> schemas)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"));
        root.put("title", title);
        ArrayNode resources = root.putArray("resources");
        for (CsvExtractWriter.Result r : extracts) {
            SheetSchema schema = schemas.get(r.config().sheet());
            ObjectNode res = resources.addObject();
            res.put(
                    "name",
                    r.config()
                            .file()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replaceAll("\\.[a-z]+$", "")
                            .replaceAll("[^a-z0-9._-]", "-"));
            res.put("path", base.relativize(r.file()).toString().replace('\\', '/'));
            res.put("profile", "tabular-data-resource");
            res.put("title", schema.sheet());
            res.put("format", r.dialect().delimiter() == '\t' ? "tsv" : "csv");
            res.put("mediatype", r.dialect().delimiter() == '\t' ? "text/tab-separated-values" : "text/csv");
            res.put("encoding", "utf-8");
            ObjectNode dialect = res.putObject("dialect");
            dialect.put("delimiter", String.valueOf(r.dialect().delimiter()));
            dialect.put("quoteChar", String.valueOf(r.dialect().quote()));
            dialect.put("doubleQuote", true);
            dialect.put("lineTerminator", r.dialect().lineTerminator());
            dialect.put("header", true);
            ObjectNode tableSchema = res.putObject("schema");
            ArrayNode fields = tableSchema.putArray("fields");
            for (CsvExtractWriter.Column c : r.columns()) {
                fields.add(
                        field(c, r.config().formats().get(c.field()), r.config().neutralise()));
            }
            List<String> key = schema.key().stream()
                    .map(k -> r.columns().stream()
                            .filter(c -> c.field().equals(k))
                            .findFirst()
                            .map(CsvExtractWriter.Column::header))
                    .filter(java.util.Optional::isPresent)
                    .map(java.util.Optional::get)
                    .toList();
            if (!key.isEmpty()
                    && key.size() == schema.key().size()
                    && r.config().filter() == null) {
                ArrayNode pk = tableSchema.putArray("primaryKey");
                key.forEach(pk::add);
            }
            tableSchema.putArray("missingValues").add("");
        }
        Files.write(file, JSON.writeValueAsBytes(root));
    }

    private static ObjectNode field(CsvExtractWriter.Column c, String pattern, boolean neutralised) {
        ObjectNode f = JSON.createObjectNode();
        f.put("name", c.header());
        ColumnSpec spec = c.spec();
        ColumnType type = spec == null ? ColumnType.TEXT : spec.type();
        if (pattern != null && type.isNumeric()) {
            f.put("type", "string");
        } else {
            switch (type) {
                case INTEGER -> f.put("type", "integer");
                case DECIMAL, PERCENT -> f.put("type", "number");
                case BOOLEAN -> f.put("type", "boolean");
                case DATE -> f.put("type", pattern == null ? "date" : "string");
                case YEAR -> f.put("type", "year");
                case YEAR_MONTH -> f.put("type", pattern == null ? "yearmonth" : "string");
                case URL -> {
                    f.put("type", "string");
                    f.put("format", "uri");
                }
                case EMAIL -> {
                    f.put("type", "string");
                    f.put("format", "email");
                }
                default -> f.put("type", "string");
            }
        }
        if (spec == null) {
            return f;
        }
        f.put("x-field", c.field());
        if (spec.help() != null) {
            f.put("description", spec.help());
        }
        if (spec.unit() != null) {
            f.put("unit", spec.unit());
        }
        ObjectNode constraints = f.putObject("constraints");
        if (spec.required()) {
            constraints.put("required", true);
        }
        if (!spec.values().isEmpty() && !neutralised) {
            ArrayNode e = constraints.putArray("enum");
            spec.values().forEach(e::add);
        }
        if (pattern == null && spec.min() != null && (type == ColumnType.INTEGER || type == ColumnType.DECIMAL)) {
            constraints.put("minimum", spec.min());
        }
        if (pattern == null && spec.max() != null && (type == ColumnType.INTEGER || type == ColumnType.DECIMAL)) {
            constraints.put("maximum", spec.max());
        }
        if (constraints.isEmpty()) {
            f.remove("constraints");
        }
        return f;
    }
}
