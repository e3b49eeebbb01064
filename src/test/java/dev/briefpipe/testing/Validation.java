package dev.briefpipe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.load.Workbooks;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Table;
import dev.briefpipe.model.WorkMeter;
import dev.briefpipe.validate.SchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a workbook as a build does, and checks what a build relies on besides the findings: that
 * keeping only the fields the brief uses changes no finding, and that the rows a sheet's listeners (its
 * CSV extracts) hear are the table's rows, every field included.
 */
public final class Validation {
    private Validation() {}

    public static SchemaValidator.Result validate(Path file, BriefConfig brief) {
        Map<String, List<Row>> heard = new HashMap<>();
        Map<String, List<String>> heardFields = new HashMap<>();
        Map<String, RowListener> listeners = new HashMap<>();
        for (String id : brief.sheets().keySet()) {
            listeners.put(id, new RowListener() {
                @Override
                public void start(List<String> fields) {
                    heard.put(id, new ArrayList<>());
                    heardFields.put(id, fields);
                }

                @Override
                public void row(Row row) {
                    heard.get(id).add(row);
                }
            });
        }
        SchemaValidator.Result kept;
        SchemaValidator.Result all;
        try (RawWorkbook wb = open(file)) {
            kept = new SchemaValidator().validate(wb, brief, false, listeners);
            all = new SchemaValidator().validate(wb, brief, true);
        }
        assertThat(sorted(kept.report().findings()))
                .as("findings, fields kept")
                .isEqualTo(sorted(all.report().findings()));
        for (Table t : all.dataset().tables()) {
            assertThat(heard.get(t.id())).as("rows of %s, as heard", t.id()).isEqualTo(new ArrayList<>(t.rows()));
            assertThat(heardFields.get(t.id())).isEqualTo(t.fields());
        }
        return all;
    }

    public static RawWorkbook open(Path file) {
        return Workbooks.open(file, 1L << 30, 1L << 28, WorkMeter.NONE);
    }

    private static List<String> sorted(List<Finding> findings) {
        return findings.stream().map(Finding::toString).sorted().toList();
    }
}
