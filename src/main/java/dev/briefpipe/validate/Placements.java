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
            List<String> allowed = allowed(brief, sheet);
            unprinted(brief, sheet, t, allowed, findings);
            for (Row r : t.rows()) {
                String level = r.text("level");
                if (r.get("level") != null && brief.style().isBullet(level)) {
                    String text = r.text("text");
                    brief.style()
                            .typedMarker(text)
                            .ifPresent(m -> findings.add(new Finding(
                                    FindingCode.MARKER_TYPED,
                                    Severity.WARNING,
                                    at(t, r, "text"),
                                    "text",
                                    "",
                                    text,
                                    "",
                                    List.of(m, brief.style().marker(level)))));
                }
                // A mistyped level is told as a value not allowed, not as a figure's id.
                if (r.get("level") == null || brief.style().isBullet(level) || mistyped(allowed, level)) {
                    continue;
                }
                String id = r.text("text").strip();
                CellRef at = at(t, r, "text");
                if (!ids.contains(id)) {
                    findings.add(error(
                            FindingCode.PLACEMENT_UNKNOWN,
                            at,
                            "text",
                            id,
                            ids.isEmpty() ? "-" : String.join(", ", ids)));
                } else if (named.putIfAbsent(id, at.excel()) != null) {
                    // Printed at each row that names it: the same figure twice, under two numbers.
                    findings.add(error(FindingCode.PLACEMENT_TWICE, at, "text", id, named.get(id)));
                }
            }
        }
        for (String id : ids) {
            if (!named.containsKey(id) && firstSheet != null) {
                findings.add(error(FindingCode.PLACEMENT_MISSING, CellRef.ofSheet(firstSheet), "", id));
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
                            findings.add(error(FindingCode.SECTION_UNTITLED, CellRef.ofSheet(t.sheet()), "number", n));
                        }
                    }
                    for (Row r : t.rows()) {
                        String n = r.text("number");
                        if (!n.isEmpty() && !numbers.contains(n)) {
                            findings.add(error(
                                    FindingCode.ROW_UNPRINTED,
                                    at(t, r, "number"),
                                    "number",
                                    r.text("title"),
                                    Phrase.of("narrative.heading-unprinted", n, String.join(", ", numbers))));
                        }
                    }
                }));
    }

    /**
     * Rows that no narrative block prints, bullets and rows placing a figure or table alike: a section
     * the layout leaves out, or a paragraph none picks.
     */
    private static void unprinted(
            BriefConfig brief, String sheet, Table t, List<String> allowed, List<Finding> findings) {
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
            if (section.isEmpty() || level.isEmpty() || mistyped(allowed, level)) {
                continue;
            }
            // Rows before the section's first top-level bullet belong to its first paragraph, as printed.
            int n = Math.max(1, paragraph.merge(section, brief.style().startsParagraph(level) ? 1 : 0, Integer::sum));
            List<LayoutBlock.Narrative> ofSection = blocks.stream()
                    .filter(b -> String.valueOf(b.section()).equals(section))
                    .toList();
            if (ofSection.stream().anyMatch(b -> b.prints(n))) {
                continue;
            }
            String text = r.text("text");
            findings.add(error(
                    FindingCode.ROW_UNPRINTED,
                    at(t, r, "section"),
                    "section",
                    text.length() > 40 ? text.substring(0, 40) + "…" : text,
                    ofSection.isEmpty()
                            ? Phrase.of("narrative.section-unprinted", section, sections)
                            : Phrase.of("narrative.paragraph-unprinted", section, n)));
        }
    }

    /** The values the schema allows in a narrative's level column, or null when it does not list them. */
    private static List<String> allowed(BriefConfig brief, String sheet) {
        ColumnSpec level = brief.sheets().get(sheet).columns().get("level");
        return level == null || level.values().isEmpty() ? null : level.values();
    }

    private static boolean mistyped(List<String> allowed, String level) {
        return allowed != null && !allowed.contains(level);
    }

    /** A row's cell of {@code field}, or the row itself when the sheet has no such column. */
    static CellRef at(Table t, Row r, String field) {
        return r.cell(field).orElse(new CellRef(t.sheet(), r.sheetRow(), -1));
    }

    private static Finding error(FindingCode code, CellRef at, String field, String value, Object... args) {
        return new Finding(code, Severity.ERROR, at, field, "", value, "", List.of(args));
    }
}
