package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which fields of a large sheet must be kept once it has been read: all of a sheet the PDF draws; of
 * the others, those the brief refers to
 * anywhere after reading (rules other than its own row-local ones, which are judged as rows are read; checks, derived fields, figures, summary, layout, keys,
 * foreign keys and allowed-value lists in either direction) and those named by placeholders in
 * templated text; its key and value fields when the sheet is looked up by key ({@code sheet[key]}). A field named anywhere is kept, even when the name belongs to another sheet: more
 * is kept than needed, never less. CSV extracts are not among the uses: a build writes a streamed
 * sheet's extracts as its rows go by (see {@link dev.briefpipe.model.RowListener}).
 */
final class FieldUsage {
    private FieldUsage() {}

    static List<String> kept(BriefConfig brief, String sheetId, Collection<String> fields, CharSequence placeholders) {
        SheetSchema own = brief.sheets().get(sheetId);
        if (drawn(brief, sheetId)) {
            return List.copyOf(fields);
        }
        StringBuilder text = new StringBuilder();
        strings(brief.summary(), text);
        strings(brief.layout(), text);
        strings(brief.style(), text);
        text.append(placeholders).append('\n');
        for (Map.Entry<String, SheetSchema> e : brief.sheets().entrySet()) {
            SheetSchema s = e.getValue();
            for (dev.briefpipe.config.RuleConfig rule : s.rules()) {
                // The sheet's own row-local rules are judged as its rows are read: they need nothing kept.
                if (!(e.getKey().equals(sheetId) && RuleChecker.RowRule.isLocal(rule, s))) {
                    strings(rule, text);
                }
            }
            strings(s.checks(), text);
            strings(s.derived(), text);
            strings(s.rankOrder(), text);
            for (Map.Entry<String, ColumnSpec> c : s.columns().entrySet()) {
                ColumnSpec spec = c.getValue();
                for (String target : new String[] {spec.references(), spec.valuesFrom()}) {
                    if (target != null) {
                        text.append(target).append('\n');
                        if (e.getKey().equals(sheetId)) {
                            text.append(c.getKey()).append('\n');
                        }
                    }
                }
            }
        }
        String usage = text.toString();
        List<String> kept = new ArrayList<>();
        for (String f : fields) {
            if (((own.key().contains(f) || f.equals(own.value())) && looksUp(sheetId, usage))
                    || Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(f) + "(?![\\p{L}\\p{N}_])")
                            .matcher(usage)
                            .find()) {
                kept.add(f);
            }
        }
        return kept;
    }

    /**
     * Whether a layout block draws the sheet (a title, narrative, table or chart): the renderer reads
     * fields by convention (a title's series and publisher, an author's unit), so all are kept. Such
     * sheets are the brief's text and small tables, not its bulk data.
     */
    private static boolean drawn(BriefConfig brief, String sheetId) {
        if (sheetId.equals(brief.editorial().captions())) {
            return true; // the captions and source lines of figures and tables
        }
        for (Object block : brief.layout()) {
            if (block instanceof Record r) {
                for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        if (sheetId.equals(c.getAccessor().invoke(r))) {
                            return true;
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether anything may look rows of the sheet up by key ({@code sheet[key]}); an aggregate over it
     * ({@code sum(sheet.field)}, {@code count(sheet, …)}) needs no key.
     */
    private static boolean looksUp(String sheetId, String usage) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(sheetId) + "\\s*\\[")
                .matcher(usage)
                .find();
    }

    /** Every string in a config value (and every map key), but not the names of its settings. */
    private static void strings(Object value, StringBuilder out) {
        if (value instanceof String s) {
            out.append(s).append('\n');
        } else if (value instanceof Collection<?> c) {
            c.forEach(v -> strings(v, out));
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                strings(k, out);
                strings(v, out);
            });
        } else if (value instanceof Record r) {
            for (java.lang.reflect.RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    strings(c.getAccessor().invoke(r), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
