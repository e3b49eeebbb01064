package dev.briefpipe.export.csv;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ExtractConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The extract of a sheet of prose: each template column beside the sentence as the PDF prints it. */
public final class PrintedExtract {
    private PrintedExtract() {}

    /**
     * A sheet with template columns, written after the transform: each template column is followed by
     * the sentence as printed (placeholders filled, quotes curled), under its header plus " (PDF)".
     *
     * @param filled the same sheet after the transform, row for row
     */
    public static CsvExtractWriter.Result write(
            Table raw, Table filled, SheetSchema schema, ExtractConfig cfg, Path dir) throws IOException {
        List<String> present = new ArrayList<>();
        List<String> templated = new ArrayList<>();
        for (String f : raw.fields()) {
            if (raw.columnOf(f).orElse(-1) < 0) {
                continue;
            }
            present.add(f);
            ColumnSpec spec = schema.columns().get(f);
            if (spec != null && spec.template()) {
                present.add(f + CsvExtractWriter.PRINTED);
                templated.add(f);
            }
        }
        try (CsvExtractWriter.Extract x = new CsvExtractWriter.Extract(schema, cfg, dir, new Dataset(List.of(raw)))) {
            x.start(present);
            List<Row> printed = filled.rows();
            int i = 0;
            for (Row r : raw.rows()) {
                java.util.Map<String, Object> values = new java.util.HashMap<>(r.values());
                Row p = i < printed.size() ? printed.get(i) : r;
                templated.forEach(f -> values.put(f + CsvExtractWriter.PRINTED, p.get(f)));
                x.row(new Row(r.sheetRow(), values, r.cells()));
                i++;
            }
            return x.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
