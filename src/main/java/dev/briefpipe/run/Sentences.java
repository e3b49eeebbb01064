package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.config.StyleConfig;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The narrative as it will print: every cell of a template column, its placeholders filled. A row of
 * the narrative that places a figure or table (level 그림 or 표) is not a sentence: its text is an id.
 */
public final class Sentences {
    private Sentences() {}

    /**
     * @param cell where the analyst wrote it ({@code '본문'!D7})
     * @param printed the sentence as the brief prints it
     * @param written the cell's own text when it had placeholders, else ""
     */
    public record Sentence(String cell, String printed, String written) {}

    public static List<Sentence> of(BriefConfig brief, Checked c) {
        List<Sentence> out = new ArrayList<>();
        if (c.sheetData() == null || c.data() == null) {
            return out;
        }
        for (Map.Entry<String, SheetSchema> s : brief.sheets().entrySet()) {
            for (Map.Entry<String, ColumnSpec> col : s.getValue().columns().entrySet()) {
                if (col.getValue().template()) {
                    boolean narrative = brief.layout().stream()
                            .anyMatch(b -> b instanceof LayoutBlock.Narrative n
                                    && n.sheet().equals(s.getKey()));
                    add(out, c.sheetData(), c.data(), s.getKey(), col.getKey(), narrative ? brief.style() : null);
                }
            }
        }
        return out;
    }

    /** @param bullets the brief's style when the table is a narrative's, to tell placements from bullets */
    private static void add(
            List<Sentence> out, Dataset written, Dataset filled, String table, String field, StyleConfig bullets) {
        Table before = written.findTable(table).orElse(null);
        Table after = filled.findTable(table).orElse(null);
        if (before == null
                || after == null
                || before.rows().size() != after.rows().size()) {
            return;
        }
        for (int i = 0; i < after.rows().size(); i++) {
            Row w = before.rows().get(i);
            String own = w.text(field);
            String printed = after.rows().get(i).text(field);
            if (own.isEmpty() || (bullets != null && w.get("level") != null && !bullets.isBullet(w.text("level")))) {
                continue;
            }
            String cell = w.cell(field).map(r -> r.excel()).orElse("");
            out.add(new Sentence(cell, printed, own.equals(printed) ? "" : own));
        }
    }
}
