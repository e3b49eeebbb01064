package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Figures and tables placed by the narrative: every row that names one (its level is not a bullet
 * level) must name a block of the layout, and every block with an id must be named by a row, or it
 * would silently go missing from the PDF.
 */
public final class Placements {
    private Placements() {}

    public static List<Finding> check(BriefConfig brief, Dataset data) {
        Set<String> ids = new TreeSet<>();
        Set<String> sheets = new LinkedHashSet<>();
        for (LayoutBlock b : brief.layout()) {
            if (b instanceof LayoutBlock.Placed p && p.id() != null) {
                ids.add(p.id());
            } else if (b instanceof LayoutBlock.Narrative n) {
                sheets.add(n.sheet());
            }
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        String firstSheet = null;
        for (String sheet : sheets) {
            Table t = data.findTable(sheet).orElse(null);
            if (t == null || t.rows().isEmpty()) {
                // (an empty narrative is a row count finding already)
                continue;
            }
            firstSheet = firstSheet == null ? t.sheet() : firstSheet;
            for (Row r : t.rows()) {
                if (r.get("level") == null || brief.style().isBullet(r.text("level"))) {
                    continue;
                }
                String id = r.text("text").strip();
                if (ids.contains(id)) {
                    named.add(id);
                    continue;
                }
                findings.add(new Finding(
                        FindingCode.PLACEMENT_UNKNOWN,
                        Severity.ERROR,
                        r.cell("text").orElse(new CellRef(t.sheet(), r.sheetRow(), -1)),
                        "text",
                        "",
                        id,
                        "",
                        List.of(ids.isEmpty() ? "-" : String.join(", ", ids))));
            }
        }
        for (String id : ids) {
            if (!named.contains(id) && firstSheet != null) {
                findings.add(new Finding(
                        FindingCode.PLACEMENT_MISSING,
                        Severity.ERROR,
                        CellRef.ofSheet(firstSheet),
                        "",
                        "",
                        id,
                        "",
                        List.of()));
            }
        }
        return findings;
    }
}
