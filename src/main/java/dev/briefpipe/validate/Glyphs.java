package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.EditorialConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The glyph gate before anyone builds: a character of a printed cell (narrative text, the title sheet,
 * a figure's labels, a table's or list's columns) that no font of the brief can draw is an error at
 * its cell, as the PDF would refuse it. So that one pass reads the printed cells: text in braces, a
 * placeholder as the narrative writes it, in a printed column that fills none is a warning, as it
 * prints as typed.
 */
public final class Glyphs {
    /** A placeholder as the narrative writes one: a name or expression in braces. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}\\s][^{}]*\\}");

    private Glyphs() {}

    /** @param drawable whether some font of the brief has a glyph for a code point */
    public static List<Finding> check(BriefConfig brief, Dataset data, IntPredicate drawable) {
        Map<String, Set<String>> printed = new LinkedHashMap<>();
        for (LayoutBlock b : brief.layout()) {
            if (b instanceof LayoutBlock.Narrative n) {
                add(printed, n.sheet(), List.of("text"));
            } else if (b instanceof LayoutBlock.Title t) {
                add(printed, t.sheet(), List.of("title", "series", "publisher"));
            } else if (b instanceof LayoutBlock.Chart c) {
                add(printed, c.sheet(), List.of(c.category()));
            } else if (b instanceof LayoutBlock.Table t && t.columns() != null) {
                add(printed, t.sheet(), t.columns());
            } else if (b instanceof LayoutBlock.ListBlock l) {
                add(printed, l.sheet(), List.of(l.field()));
            }
        }
        // A corrected row prints its published wording and its reason (in a note, the appendix or as
        // the text itself).
        String reason = brief.editorial().corrections().reason();
        for (String sheet : List.copyOf(printed.keySet())) {
            var schema = brief.sheets().get(sheet);
            if (schema != null) {
                add(
                        printed,
                        sheet,
                        List.copyOf(EditorialConfig.Corrections.columns(schema).values()));
                if (schema.columns().containsKey(reason)) {
                    add(printed, sheet, List.of(reason));
                }
            }
        }
        add(printed, brief.editorial().captions(), List.of("caption", "source"));
        // Where a placeholder is filled: elsewhere one ({patents[CN]:#,##0}) prints as typed.
        Set<String> templates = new HashSet<>();
        brief.sheets()
                .forEach((id, schema) -> schema.columns().forEach((f, c) -> {
                    if (c.template()) {
                        templates.add(id + "." + f);
                    }
                }));
        List<Finding> findings = new ArrayList<>();
        printed.forEach((sheet, fields) -> {
            Table t = data.findTable(sheet).orElse(null);
            if (t == null) {
                return;
            }
            for (Row r : t.rows()) {
                for (String f : fields) {
                    if (!(r.get(f) instanceof String text)) {
                        continue;
                    }
                    if (!templates.contains(sheet + "." + f)
                            && PLACEHOLDER.matcher(text).find()) {
                        findings.add(new Finding(
                                FindingCode.PLACEHOLDER_UNFILLED,
                                Severity.WARNING,
                                Placements.at(t, r, f),
                                f,
                                brief.sheets().get(sheet).heading(f),
                                text,
                                "",
                                List.of()));
                    }
                    text.codePoints()
                            .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                            .filter(cp -> !drawable.test(cp))
                            .distinct()
                            .forEach(cp -> findings.add(new Finding(
                                    FindingCode.GLYPH_MISSING,
                                    Severity.ERROR,
                                    r.cell(f).orElse(new CellRef(t.sheet(), r.sheetRow(), -1)),
                                    f,
                                    "",
                                    new String(Character.toChars(cp)),
                                    "",
                                    List.of(String.format(Locale.ROOT, "U+%04X", cp)))));
                }
            }
        });
        return findings;
    }

    private static void add(Map<String, Set<String>> printed, String sheet, List<String> fields) {
        if (sheet != null) {
            printed.computeIfAbsent(sheet, s -> new LinkedHashSet<>()).addAll(fields);
        }
    }
}
