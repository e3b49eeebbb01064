package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Figures and tables placed by the narrative: every row that names one (its level is not a bullet
 * level) must name a block of the layout, and every block with an id must be named by a row, or it
 * would silently go missing from the PDF. So must every bullet: its section and paragraph must be
 * one a narrative block of the layout prints; and every section: a heading needs its title row, a
 * title row a heading.
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
        headings(brief, data, findings);
        Map<String, String> named = new HashMap<>(); // id → where a row first names it
        String firstSheet = null;
        for (String sheet : sheets) {
            Table t = data.findTable(sheet).orElse(null);
            if (t == null || t.rows().isEmpty()) {
                // (an empty narrative is a row count finding already)
                continue;
            }
            firstSheet = firstSheet == null ? t.sheet() : firstSheet;
            unprinted(brief, sheet, t, findings);
            for (Row r : t.rows()) {
                if (r.get("level") == null || brief.style().isBullet(r.text("level"))) {
                    continue;
                }
                if (allowed(brief, sheet) != null && !allowed(brief, sheet).contains(r.text("level"))) {
                    continue; // a mistyped level: told as a value not allowed, not as a figure's id
                }
                String id = r.text("text").strip();
                CellRef at = r.cell("text").orElse(new CellRef(t.sheet(), r.sheetRow(), -1));
                if (ids.contains(id) && named.containsKey(id)) {
                    // Printed at each row that names it: the same figure twice, under two numbers.
                    findings.add(new Finding(
                            FindingCode.PLACEMENT_TWICE,
                            Severity.ERROR,
                            at,
                            "text",
                            "",
                            id,
                            "",
                            List.of(named.get(id))));
                    continue;
                }
                if (ids.contains(id)) {
                    named.put(id, at.excel());
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
            if (!named.containsKey(id) && firstSheet != null) {
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

    /** Section headings whose sheet has no title for them, and title rows no heading prints. */
    private static void headings(BriefConfig brief, Dataset data, List<Finding> findings) {
        Map<String, Set<String>> printed = new HashMap<>();
        Set<String> titled = new TreeSet<>(); // headings whose title the layout gives itself
        for (LayoutBlock b : brief.layout()) {
            if (b instanceof LayoutBlock.Section s && s.sheet() != null) {
                printed.computeIfAbsent(s.sheet(), k -> new TreeSet<>()).add(String.valueOf(s.number()));
                if (s.title() != null) {
                    titled.add(s.sheet() + "/" + s.number());
                }
            }
        }
        printed.forEach((sheet, numbers) -> data.findTable(sheet)
                .filter(t -> !t.rows().isEmpty()) // (an empty sheet is a row count finding, or a new template)
                .ifPresent(t -> {
                    for (String n : numbers) {
                        if (!titled.contains(sheet + "/" + n) && t.findByKey(n).isEmpty()) {
                            findings.add(new Finding(
                                    FindingCode.SECTION_UNTITLED,
                                    Severity.ERROR,
                                    CellRef.ofSheet(t.sheet()),
                                    "number",
                                    "",
                                    n,
                                    "",
                                    List.of()));
                        }
                    }
                    for (Row r : t.rows()) {
                        if (!r.text("number").isEmpty() && !numbers.contains(r.text("number"))) {
                            findings.add(new Finding(
                                    FindingCode.ROW_UNPRINTED,
                                    Severity.ERROR,
                                    r.cell("number").orElse(new CellRef(t.sheet(), r.sheetRow(), -1)),
                                    "number",
                                    "",
                                    r.text("title"),
                                    "",
                                    List.of(Phrase.of(
                                            "narrative.heading-unprinted",
                                            r.text("number"),
                                            String.join(", ", numbers)))));
                        }
                    }
                }));
    }

    /** The values the schema allows in a narrative's level column, or null when it does not list them. */
    private static List<String> allowed(BriefConfig brief, String sheet) {
        ColumnSpec level = brief.sheets().get(sheet).columns().get("level");
        return level == null || level.values().isEmpty() ? null : level.values();
    }

    /**
     * Rows that no narrative block prints, bullets and rows placing a figure or table alike: a section
     * the layout leaves out, or a paragraph none picks.
     */
    private static void unprinted(BriefConfig brief, String sheet, Table t, List<Finding> findings) {
        List<LayoutBlock.Narrative> blocks = brief.layout().stream()
                .filter(b -> b instanceof LayoutBlock.Narrative n && n.sheet().equals(sheet))
                .map(b -> (LayoutBlock.Narrative) b)
                .toList();
        String sections =
                blocks.stream().map(n -> String.valueOf(n.section())).distinct().collect(Collectors.joining(", "));
        Map<String, Integer> paragraph = new HashMap<>();
        List<Row> rows = new ArrayList<>(t.rows());
        rows.sort(Comparator.comparingInt(Row::sheetRow));
        for (Row r : rows) {
            String section = r.text("section");
            String level = r.text("level");
            // A bullet, or a row placing a figure or table (lost with it); a mistyped level is told as such.
            if (section.isEmpty()
                    || level.isEmpty()
                    || (allowed(brief, sheet) != null && !allowed(brief, sheet).contains(level))) {
                continue;
            }
            // Rows before the section's first top-level bullet belong to its first paragraph, as printed.
            int n = Math.max(1, paragraph.merge(section, brief.style().startsParagraph(level) ? 1 : 0, Integer::sum));
            if (blocks.stream().anyMatch(b -> String.valueOf(b.section()).equals(section) && b.prints(n))) {
                continue;
            }
            boolean hasSection =
                    blocks.stream().anyMatch(b -> String.valueOf(b.section()).equals(section));
            String text = r.text("text");
            findings.add(new Finding(
                    FindingCode.ROW_UNPRINTED,
                    Severity.ERROR,
                    r.cell("section").orElse(new CellRef(t.sheet(), r.sheetRow(), -1)),
                    "section",
                    "",
                    text.length() > 40 ? text.substring(0, 40) + "…" : text,
                    "",
                    List.of(
                            hasSection
                                    ? Phrase.of("narrative.paragraph-unprinted", section, n)
                                    : Phrase.of("narrative.section-unprinted", section, sections))));
        }
    }
}
