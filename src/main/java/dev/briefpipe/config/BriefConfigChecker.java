package dev.briefpipe.config;

import dev.briefpipe.failure.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a bound {@link BriefConfig} for mistakes Jackson cannot see: references, ranges, expressions.
 * Here the brief's own parts (sheets, layout, summary, extracts); what fields and expressions refer to
 * is checked by {@link ConfigReferences}, how the brief runs and looks by {@link RunConfigChecker}.
 */
final class BriefConfigChecker {
    private final List<BriefCheck> more;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final List<String> CHART_KINDS =
            List.of("bar", "hbar", "line", "timeline"); // in the order the fix names them
    private final Path file;
    private final ConfigProblems problems;
    private BriefConfig brief;
    private ConfigReferences references;

    BriefConfigChecker(Path file, YamlLineIndex lines, List<BriefCheck> more) {
        this.more = more;
        this.file = file;
        this.problems = new ConfigProblems(file, lines);
    }

    List<ConfigProblem> check(BriefConfig b) {
        this.brief = b;
        this.references = new ConfigReferences(b, problems);
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (b.id() == null) {
            problems.add("", "missing-key", "id");
        } else if (!ID.matcher(b.id()).matches()) {
            problems.add("/id", "bad-id", b.id());
        } else if (!b.id().equals(stem)) {
            problems.add("/id", "id-mismatch", b.id(), stem);
        }
        if (b.title() == null || b.title().isBlank()) {
            problems.add("", "missing-key", "title");
        }
        if (b.workbook() == null || b.workbook().isBlank()) {
            problems.add("", "missing-key", "workbook");
        }
        checkSheets();
        checkLayout();
        checkSummary();
        new RunConfigChecker(problems).check(b);
        more.forEach(c -> c.check(b, problems));
        new ExtractsChecker(brief, problems, references).check();
        return problems.all();
    }

    private void checkSheets() {
        if (brief.sheets().isEmpty()) {
            problems.add("", "missing-key", "sheets");
            return;
        }
        Set<String> names = new HashSet<>();
        brief.sheets().forEach((id, s) -> {
            String at = "/sheets/" + id;
            if (!FIELD.matcher(id).matches()) {
                problems.add(at, "bad-field-id", id);
            }
            if (s.sheet() == null || s.sheet().isBlank()) {
                problems.add(at, "missing-key", "sheet");
            } else if (!names.add(s.sheet())) {
                problems.add(at + "/sheet", "duplicate-sheet", s.sheet());
            }
            if (s.columns().isEmpty()) {
                problems.add(at, "missing-key", "columns");
            }
            s.columns().forEach((field, c) -> checkColumn(at + "/columns/" + field, field, c));
            for (String k : s.key()) {
                if (!s.columns().containsKey(k)) {
                    problems.add(
                            at + "/key",
                            "unknown-field",
                            k,
                            id,
                            String.join(", ", s.columns().keySet()));
                }
            }
            if (s.value() != null && !s.columns().containsKey(s.value())) {
                problems.add(
                        at + "/value",
                        "unknown-field",
                        s.value(),
                        id,
                        String.join(", ", s.columns().keySet()));
            }
            if (s.rows().min() != null
                    && s.rows().max() != null
                    && s.rows().min() > s.rows().max()) {
                problems.add(at + "/rows", "min-max", s.rows().min(), s.rows().max());
            }
            for (int i = 0; i < s.rules().size(); i++) {
                rule(
                        at + "/rules/" + i,
                        s.rules().get(i),
                        Set.copyOf(s.columns().keySet()));
            }
            for (int i = 0; i < s.checks().size(); i++) {
                rule(at + "/checks/" + i, s.checks().get(i), Set.of());
            }
            if (s.rankOrder() != null) {
                references.fields(
                        at, "rankOrder", id, s.rankOrder().rank(), s.rankOrder().by());
            }
            s.columns().forEach((field, c) -> {
                for (String[] ref : new String[][] {{"valuesFrom", c.valuesFrom()}, {"references", c.references()}}) {
                    if (ref[1] == null) {
                        continue;
                    }
                    String[] parts = ref[1].split("\\.", 2);
                    if (parts.length != 2) {
                        problems.add(at + "/columns/" + field + "/" + ref[0], "bad-reference", ref[1]);
                    } else {
                        references.fields(at + "/columns/" + field, ref[0], parts[0], parts[1]);
                    }
                }
                if (c.corrects() != null) {
                    references.fields(at + "/columns/" + field + "/corrects", "corrects", id, c.corrects());
                }
            });
            s.derived().forEach((field, d) -> {
                if (s.columns().containsKey(field)) {
                    problems.add(at + "/derived/" + field, "duplicate-field", field);
                }
                if (d.format() != null && !ColumnType.DECIMAL.takes(d.format())) {
                    problems.add(at + "/derived/" + field + "/format", "bad-format", d.format(), field, "derived");
                }
                references.expression(
                        at + "/derived/" + field + "/expr",
                        d.expr(),
                        Set.copyOf(s.columns().keySet()));
            });
        });
    }

    private void checkColumn(String at, String field, ColumnSpec c) {
        if (!FIELD.matcher(field).matches()) {
            problems.add(at, "bad-field-id", field);
        }
        if (c.header().isEmpty()) {
            problems.add(at, "missing-key", "header");
        }
        if (c.type() == ColumnType.ENUM && c.values().isEmpty()) {
            problems.add(at + "/type", "enum-needs-values", field);
        }
        c.aliases().forEach((typed, meant) -> { // an alias stands for a value the column allows
            if (!c.values().contains(meant)) {
                problems.add(at + "/aliases", "alias-not-a-value", typed, meant, field, String.join(", ", c.values()));
            }
        });
        if (c.format() != null && c.type().isNumeric() && !c.type().takes(c.format())) {
            problems.add(
                    at + "/format", "bad-format", c.format(), field, c.type().yamlName());
        }
        if (c.min() != null && c.max() != null && c.min().compareTo(c.max()) > 0) {
            problems.add(at + "/min", "min-max", c.min(), c.max());
        }
        if (c.pattern() != null) {
            try {
                Pattern.compile(c.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(at + "/pattern", "bad-pattern", c.pattern(), e.getDescription());
            }
        }
    }

    private void rule(String at, RuleConfig r, Set<String> rowFields) {
        if (r.code() == null || !r.code().matches("[a-z][a-z0-9-]*")) {
            problems.add(at + "/code", "bad-rule-code", String.valueOf(r.code()));
        }
        if (!Set.of("error", "warning").contains(r.severity())) {
            problems.add(at + "/severity", "bad-severity", r.severity());
        }
        references.expression(at + "/check", r.check(), rowFields);
    }

    private void checkLayout() {
        List<LayoutBlock> layout = brief.layout();
        for (int i = 0; i < layout.size(); i++) {
            String at = "/layout/" + i;
            LayoutBlock b = layout.get(i);
            if (b instanceof LayoutBlock.Title t) {
                references.fields(at, "sheet", t.sheet(), "series", "number", "title", "date", "publisher");
                if (t.authors() != null) {
                    references.fields(at, "authors", t.authors(), "name", "unit");
                }
            } else if (b instanceof LayoutBlock.Section s) {
                if (s.number() < 1) {
                    problems.add(at + "/number", "bad-section", s.number());
                }
                if (s.title() == null) {
                    references.fields(at, "sheet", s.sheet(), "number", "title");
                }
            } else if (b instanceof LayoutBlock.Narrative n) {
                references.fields(at, "sheet", n.sheet(), "section", "level", "text");
            } else if (b instanceof LayoutBlock.Chart c) {
                if (c.kind() == null || !CHART_KINDS.contains(c.kind())) {
                    problems.add(
                            at + "/kind", "bad-chart-kind", String.valueOf(c.kind()), String.join(", ", CHART_KINDS));
                }
                references.fields(at, "sheet", c.sheet(), c.fields());
                if (c.series() != null) {
                    references.fields(at, "sheet", c.sheet(), c.series());
                }
                if (c.highlight() != null) {
                    String[] kv = c.highlight().split("=", 2);
                    if (kv.length != 2) {
                        problems.add(at + "/highlight", "bad-highlight", c.highlight());
                    } else {
                        references.fields(at, "sheet", c.sheet(), kv[0].trim());
                    }
                }
            } else if (b instanceof LayoutBlock.Table t) {
                references.fields(
                        at,
                        "sheet",
                        t.sheet(),
                        t.columns() == null ? new String[0] : t.columns().toArray(String[]::new));
                if (t.formats() != null && brief.sheets().get(t.sheet()) != null) {
                    ExtractsChecker.formats(problems, at, brief.sheets().get(t.sheet()), t.formats());
                }
                if (t.merge() != null) {
                    references.fields(at, "sheet", t.sheet(), t.merge());
                }
            } else if (b instanceof LayoutBlock.ListBlock l) {
                references.fields(at, "sheet", l.sheet(), l.field());
            } else if (b instanceof LayoutBlock.KeyFigures k) {
                Set<String> ids = new HashSet<>();
                if (brief.summary() != null) {
                    brief.summary().figures().forEach(f -> ids.add(f.id()));
                }
                if (k.figures() == null || k.figures().isEmpty()) {
                    problems.add(at, "missing-key", "figures");
                } else {
                    k.figures().stream()
                            .filter(f -> !ids.contains(f))
                            .forEach(f -> problems.add(at + "/figures", "unknown-figure", f, String.join(", ", ids)));
                }
            }
        }
    }

    private void checkSummary() {
        BriefConfig.SummaryConfig s = brief.summary();
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.tables().size(); i++) {
            BriefConfig.GroupTable g = s.tables().get(i);
            String at = "/summary/tables/" + i;
            List<String> fs = new ArrayList<>();
            fs.add(g.by());
            if (g.across() != null) {
                fs.add(g.across());
            }
            if (g.sum() != null) {
                fs.add(g.sum());
            }
            references.fields(at, "sheet", g.sheet(), fs.toArray(String[]::new));
            if (g.sort() != null && !Set.of("asc", "desc").contains(g.sort())) {
                problems.add(at + "/sort", "bad-sort", g.sort());
            }
            if (g.top() != null && g.top() < 1) {
                problems.add(at + "/top", "bad-top", g.top());
            }
        }
        if (s.chart() != null
                && (s.chart().table() < 1 || s.chart().table() > s.tables().size())) {
            problems.add(
                    "/summary/chart/table",
                    "bad-chart-table",
                    s.chart().table(),
                    s.tables().size());
        }
        Set<String> earlier = new HashSet<>();
        for (int i = 0; i < s.figures().size(); i++) {
            BriefConfig.Figure f = s.figures().get(i);
            String at = "/summary/figures/" + i;
            if (f.id() == null) {
                problems.add(at, "missing-key", "id");
            } else if (!FIELD.matcher(f.id()).matches()) {
                problems.add(at, "bad-field-id", f.id());
            } else if (!earlier.add(f.id())) {
                problems.add(at + "/id", "duplicate-figure", f.id());
            }
            references.expression(at + "/expr", f.expr(), Set.copyOf(earlier));
        }
    }
}
