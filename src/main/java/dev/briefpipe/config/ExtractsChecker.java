package dev.briefpipe.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a brief's CSV extracts: each names a sheet and its fields, a known profile, a file name of its own. */
final class ExtractsChecker {
    private final BriefConfig brief;
    private final ConfigProblems problems;
    private final ConfigReferences references;

    ExtractsChecker(BriefConfig brief, ConfigProblems problems, ConfigReferences references) {
        this.brief = brief;
        this.problems = problems;
        this.references = references;
    }

    /** Each field's format at {@code at}/formats, one its column's type can be printed in. */
    static void formats(ConfigProblems problems, String at, SheetSchema sheet, java.util.Map<String, String> formats) {
        formats.forEach((field, pattern) -> {
            ColumnSpec c = sheet.columns().get(field);
            // A derived field holds numbers, as a decimal column does.
            ColumnType type = c != null ? c.type() : sheet.derived().containsKey(field) ? ColumnType.DECIMAL : null;
            if (type != null && pattern != null && !type.takes(pattern)) {
                problems.add(at + "/formats/" + field, "bad-format", pattern, field, type.yamlName());
            }
        });
    }

    void check() {
        if (brief.extracts() == null) {
            return;
        }
        Set<String> files = new HashSet<>();
        for (int i = 0; i < brief.extracts().size(); i++) {
            ExtractConfig e = brief.extracts().get(i);
            String at = "/extracts/" + i;
            if (e.sheet() == null) {
                problems.add(at, "missing-key", "sheet");
                continue;
            }
            SheetSchema s = brief.sheets().get(e.sheet());
            if (s == null) {
                problems.add(
                        at + "/sheet",
                        "unknown-sheet",
                        e.sheet(),
                        String.join(", ", brief.sheets().keySet()));
                continue;
            }
            if (!Set.of("excel", "rfc4180", "tsv").contains(e.profile())) {
                problems.add(at + "/profile", "bad-profile", e.profile());
            }
            if (e.lineEnding() != null && !Set.of("crlf", "lf").contains(e.lineEnding())) {
                problems.add(at + "/lineEnding", "bad-line-ending", e.lineEnding());
            }
            if (e.delimiter() != null
                    && e.delimiter().length() != 1
                    && !e.delimiter().equals("\\t")) {
                problems.add(at + "/delimiter", "bad-delimiter", e.delimiter());
            }
            if (!e.file().matches("[\\p{L}\\p{N}._-]+") || !files.add(e.file())) {
                problems.add(at + "/file", "bad-file", e.file());
            }
            List<String> fields = new ArrayList<>(e.columns());
            fields.addAll(e.rename().keySet());
            fields.addAll(e.formats().keySet());
            for (String f : fields) {
                if (!s.columns().containsKey(f)) {
                    problems.add(
                            at,
                            "unknown-field",
                            f,
                            e.sheet(),
                            String.join(", ", s.columns().keySet()));
                }
            }
            formats(problems, at, s, e.formats());
            if (e.filter() != null) {
                references.expression(
                        at + "/filter", e.filter(), Set.copyOf(s.columns().keySet()));
            }
        }
    }
}
