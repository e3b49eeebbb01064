package dev.briefpipe.config;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout's blocks against what they draw: a chart's height, value field and legend labels, a
 * table's widths (in range, one a column), a narrative's paragraph range. Each mistake was accepted
 * and then drew nothing, failed the build, or was blamed on the analysts.
 */
final class LayoutConfigChecker {
    private static final Pattern PARAGRAPHS = Pattern.compile("\\s*(\\d+)\\s*(-\\s*(\\d*)\\s*)?");
    private final ConfigProblems problems;

    LayoutConfigChecker(ConfigProblems problems) {
        this.problems = problems;
    }

    void check(BriefConfig brief) {
        for (int i = 0; i < brief.layout().size(); i++) {
            String at = "/layout/" + i;
            if (brief.layout().get(i) instanceof LayoutBlock.Chart c) {
                RunConfigChecker.size(problems, at + "/height", "layout[" + i + "].height", c.height(), 20, 10_000);
                chartValue(at, brief.sheets().get(c.sheet()), c);
                chartLabels(at, brief.sheets().get(c.sheet()), c);
            } else if (brief.layout().get(i) instanceof LayoutBlock.Table t && t.widths() != null) {
                for (Float w : t.widths()) {
                    RunConfigChecker.size(problems, at + "/widths", "layout[" + i + "].widths", w, 0.01f, 1000);
                }
                // One width a column: another count was ignored, the columns set equal without a word.
                if (t.columns() != null
                        && !t.columns().isEmpty()
                        && t.widths().size() != t.columns().size()) {
                    problems.add(
                            at + "/widths",
                            "widths-count",
                            t.widths().size(),
                            t.columns().size());
                }
            } else if (brief.layout().get(i) instanceof LayoutBlock.Narrative n && n.paragraphs() != null) {
                paragraphs(at + "/paragraphs", n.paragraphs());
            }
        }
    }

    /**
     * A chart's value field holds what it draws: numbers for bars (a column's or a derived field's), a
     * month for a timeline. Another drew an empty chart.
     */
    private void chartValue(String at, SheetSchema sheet, LayoutBlock.Chart c) {
        boolean timeline = "timeline".equals(c.kind());
        if (c.values() != null
                && (c.value() != null
                        || c.series() != null
                        || timeline
                        || c.values().isEmpty())) {
            // Each of several values is its own series: a series field, a value or a timeline's lanes beside
            // them would say otherwise.
            problems.add(at + "/values", "chart-values-alone");
        }
        for (String field : c.drawn()) {
            ColumnSpec column = sheet == null ? null : sheet.columns().get(field);
            if (column == null || !BriefConfigChecker.CHART_KINDS.contains(c.kind())) {
                continue; // an unknown field or kind is told where the layout's references are checked
            }
            if (timeline
                    ? column.type() != ColumnType.YEAR_MONTH
                    : !column.type().isNumeric()) {
                String key = c.values() == null ? "value" : "values";
                problems.add(
                        at + "/" + key,
                        timeline ? "chart-not-months" : "chart-not-numbers",
                        field,
                        column.type().yamlName(),
                        key);
            }
        }
    }

    /**
     * A chart's legend names the values of its series (or the fields of its {@code values}): a label for
     * a value its enum column cannot hold ({@code China} for {@code 중국}) left the chart without a legend.
     */
    private void chartLabels(String at, SheetSchema sheet, LayoutBlock.Chart c) {
        ColumnSpec series =
                sheet == null || c.series() == null ? null : sheet.columns().get(c.series());
        List<String> named = c.values() != null
                ? c.values()
                : series != null && series.type() == ColumnType.ENUM ? series.values() : null;
        if (named == null || c.labels() == null) {
            return;
        }
        for (String key : c.labels().keySet()) {
            if (!named.contains(key)) {
                problems.add(
                        at + "/labels/" + key,
                        "label-not-a-value",
                        key,
                        c.values() != null ? "values" : c.series(),
                        String.join(", ", named));
            }
        }
    }

    /** A paragraph range: "1", "2-" or "1-3", not one that runs backward ("3-1" printed none of them). */
    private void paragraphs(String at, String range) {
        Matcher m = PARAGRAPHS.matcher(range);
        if (!m.matches()
                || (m.group(3) != null
                        && !m.group(3).isEmpty()
                        && new BigInteger(m.group(3)).compareTo(new BigInteger(m.group(1))) < 0)) {
            problems.add(at, "bad-paragraphs", range);
        }
    }
}
