package dev.briefpipe.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks how a brief runs and looks: its style, its schedule's zone and period, its delivery's header
 * texts, the sizes of its sheets' rows and columns, its summary's tables and formats, its sheets'
 * names and its locale; its layout's blocks through {@link LayoutConfigChecker}.
 */
final class RunConfigChecker {

    /** A text pattern's {@code {name}} or {@code {name:date pattern}}, as the PDF fills it. */
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");
    /** What the title sheet gives a text pattern, in the PDF and the letter alike. */
    private static final Set<String> ISSUE = Set.of("title", "series", "number", "publisher", "date");

    private final ConfigProblems problems;

    RunConfigChecker(ConfigProblems problems) {
        this.problems = problems;
    }

    void check(BriefConfig brief) {
        checkScheduleAndDelivery(brief);
        checkStyle(brief);
        checkSizes(brief);
        checkSheetNames(brief);
        checkSummaryTables(brief);
        checkLocale(brief.locale());
        new LayoutConfigChecker(problems).check(brief);
    }

    /**
     * A language tag Java and PDF readers know ({@code ko-KR}, {@code en-GB}): {@code ko_KR} was taken
     * for no language at all, and written so into the PDF's language.
     */
    private void checkLocale(String tag) {
        if (tag == null) {
            return;
        }
        Locale l = Locale.forLanguageTag(tag);
        if (!List.of(Locale.getISOLanguages()).contains(l.getLanguage())
                || !(l.getCountry().isEmpty()
                        || List.of(Locale.getISOCountries()).contains(l.getCountry()))
                || !l.toLanguageTag().equalsIgnoreCase(tag)) {
            problems.add("/locale", "bad-locale", tag);
        }
    }

    /**
     * A summary table sums a field of numbers, its chart is a kind the summary draws, and its figures
     * and tables print in number formats (a date's, "yyyy", stopped the build).
     */
    private void checkSummaryTables(BriefConfig brief) {
        BriefConfig.SummaryConfig s = brief.summary();
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.figures().size(); i++) {
            BriefConfig.Figure f = s.figures().get(i);
            if (f.format() != null && !ColumnType.DECIMAL.takes(f.format())) {
                problems.add("/summary/figures/" + i + "/format", "bad-format", f.format(), f.id(), "decimal");
            }
        }
        for (int i = 0; i < s.tables().size(); i++) {
            BriefConfig.GroupTable g = s.tables().get(i);
            if (g.format() != null && !ColumnType.DECIMAL.takes(g.format())) {
                problems.add("/summary/tables/" + i + "/format", "bad-format", g.format(), g.title(), "decimal");
            }
            SheetSchema sheet = brief.sheets().get(g.sheet());
            ColumnSpec sum =
                    sheet == null || g.sum() == null ? null : sheet.columns().get(g.sum());
            if (sum != null && !sum.type().isNumeric()) { // SUMIFS of text: zeros in every cell
                problems.add(
                        "/summary/tables/" + i + "/sum",
                        "sum-not-numbers",
                        g.sum(),
                        sum.type().yamlName());
            }
        }
        if (s.chart() != null && !Set.of("bar", "column").contains(s.chart().kind())) {
            problems.add("/summary/chart/kind", "bad-chart-kind", s.chart().kind(), "bar, column");
        }
    }

    /**
     * Sheet names Excel takes, and a summary sheet that is none of the data sheets: refreshing it would
     * write the summary over the analysts' data.
     */
    private void checkSheetNames(BriefConfig brief) {
        brief.sheets().forEach((id, s) -> sheetName("/sheets/" + id + "/sheet", s.sheet()));
        if (brief.summary() != null
                && sheetName("/summary/sheet", brief.summary().sheet())) {
            brief.sheets().forEach((id, s) -> {
                if (brief.summary().sheet().equalsIgnoreCase(s.sheet())) {
                    problems.add(
                            "/summary/sheet", "summary-is-data", brief.summary().sheet(), id);
                }
            });
        }
    }

    /** Whether Excel takes the name: 1 to 31 characters, none of : \ / ? * [ ], no ' first or last. */
    private boolean sheetName(String pointer, String name) {
        boolean ok = name == null
                || (!name.isBlank()
                        && name.length() <= 31
                        && !name.matches(".*[:\\\\/?*\\[\\]].*")
                        && !name.startsWith("'")
                        && !name.endsWith("'"));
        if (!ok) {
            problems.add(pointer, "bad-sheet-name", name);
        }
        return ok;
    }

    /**
     * Counts and sizes of the sheets, tables and charts: zero or less would fail every workbook (a row
     * count no sheet can have, a length no text fits), or fail the build itself (a chart no height high).
     */
    private void checkSizes(BriefConfig brief) {
        brief.sheets().forEach((id, s) -> {
            String at = "/sheets/" + id;
            size(at + "/rows/min", "sheets." + id + ".rows.min", s.rows().min(), 0, 1_048_575);
            size(at + "/rows/max", "sheets." + id + ".rows.max", s.rows().max(), 1, 1_048_575);
            if (s.rows().min() != null
                    && s.rows().max() != null
                    && s.rows().min() > s.rows().max()) {
                problems.add(
                        at + "/rows/min", "min-max", s.rows().min(), s.rows().max());
            }
            s.columns().forEach((f, c) -> {
                String key = "sheets." + id + ".columns." + f;
                size(at + "/columns/" + f + "/width", key + ".width", c.width(), 1, 255);
                size(at + "/columns/" + f + "/maxLength", key + ".maxLength", c.maxLength(), 1, 32_767);
            });
        });
        if (brief.summary() != null) {
            java.math.BigDecimal most = brief.summary().maxChange();
            if (most != null && most.compareTo(java.math.BigDecimal.ONE) > 0) { // 30 typed for 30 %
                problems.add(
                        "/summary/maxChange",
                        "max-change-fraction",
                        most.toPlainString(),
                        most.movePointLeft(2).stripTrailingZeros().toPlainString());
            } else {
                size("/summary/maxChange", "summary.maxChange", most, 0, 1);
            }
        }
    }

    private void checkStyle(BriefConfig brief) {
        StyleConfig st = brief.style();
        st.colors().forEach((name, value) -> {
            if (value == null || !value.matches("#[0-9A-Fa-f]{6}")) {
                problems.add("/style/colors/" + name, "bad-colour", name, String.valueOf(value));
            }
        });
        // Sizes a page can show: zero or less set nothing (text of size 0, lines on top of each other).
        size("/style/body", "style.body", st.body(), 4, 72);
        size("/style/titleSize", "style.titleSize", st.titleSize(), 4, 144);
        size("/style/leading", "style.leading", st.leading(), 0.8f, 4);
        st.bullets().forEach((level, b) -> {
            String at = "/style/bullets/" + level.replace("~", "~0").replace("/", "~1");
            size(at + "/size", "style.bullets." + level + ".size", b.size(), 4, 72);
            size(at + "/indent", "style.bullets." + level + ".indent", b.indent(), 0, 200);
            size(at + "/before", "style.bullets." + level + ".before", b.before(), 0, 72);
        });
        String pdf = brief.outputs().pdfName(brief.id() == null ? "" : brief.id(), "2025-03");
        if (!pdf.matches("[\\p{L}\\p{N}_ -][\\p{L}\\p{N}._ -]*\\.(?i:pdf)")) {
            problems.add("/outputs/pdf", "bad-pdf-name", brief.outputs().pdf());
        }
        // Each {name} or {name:date pattern} of a text pattern, one the PDF fills (any other is printed as written).
        Set<String> caption = with(ISSUE, "n", "caption");
        slots("band", st.band(), ISSUE);
        slots("header", st.header(), ISSUE);
        slots("footer", st.footer(), Set.of("page", "pages"));
        slots("figureCaption", st.figureCaption(), caption);
        slots("tableCaption", st.tableCaption(), caption);
        slots("unitLabel", st.unitLabel(), Set.of("unit"));
        for (String[] date : new String[][] {{"dateFormat", st.dateFormat()}, {"monthFormat", st.monthFormat()}}) {
            if (!ColumnType.DATE.takes(date[1])) {
                problems.add("/style/" + date[0], "bad-date-pattern", date[1], "style." + date[0]);
            }
        }
        int total = st.footer().indexOf("{pages}");
        if (total >= 0 && total + "{pages}".length() != st.footer().length()) {
            problems.add("/style/footer", "footer-total-last", st.footer());
        }
    }

    private void slots(String key, String text, Set<String> names) {
        slots("style", key, text, names);
    }

    /** @param part the config's section ({@code style}, {@code delivery}) */
    private void slots(String part, String key, String text, Set<String> names) {
        Matcher slot = SLOT.matcher(text == null ? "" : text);
        while (slot.find()) {
            if (!names.contains(slot.group(1))) {
                problems.add(
                        "/" + part + "/" + key,
                        "unknown-slot",
                        slot.group(),
                        part + "." + key,
                        String.join(", ", names.stream().sorted().toList()));
            } else if (slot.group(2) != null && !ColumnType.DATE.takes(slot.group(2))) {
                problems.add("/" + part + "/" + key, "bad-date-pattern", slot.group(2), part + "." + key);
            }
        }
    }

    private void size(String pointer, String key, Number value, float min, float max) {
        size(problems, pointer, key, value, min, max);
    }

    /** A number in its range, or a problem saying the range. */
    static void size(ConfigProblems problems, String pointer, String key, Number value, float min, float max) {
        if (value != null && (value.floatValue() < min || value.floatValue() > max)) {
            problems.add(pointer, "out-of-range", value, key, plain(min) + "–" + plain(max));
        }
    }

    private static String plain(float f) {
        return new java.math.BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }

    private void checkScheduleAndDelivery(BriefConfig brief) {
        BriefConfig.ScheduleConfig s = brief.schedule();
        if (s != null && !java.util.Set.of("current", "previous").contains(s.period())) {
            problems.add("/schedule/period", "bad-period-mode", s.period());
        }
        if (s != null && s.zone() != null) {
            try {
                ZoneId.of(s.zone());
            } catch (DateTimeException e) {
                problems.add("/schedule/zone", "bad-zone", s.zone());
            }
        }
        BriefConfig.DeliveryConfig d = brief.delivery();
        for (String[] t : new String[][] {{"subject", d.subject()}, {"attachment", d.attachment()}}) {
            if (t[1] != null && (t[1].indexOf('\r') >= 0 || t[1].indexOf('\n') >= 0)) {
                problems.add("/delivery/" + t[0], "line-break", t[0]);
            }
        }
        // A misspelt {numbr} would be mailed to the readers as written.
        Set<String> letter = with(ISSUE, "id", "period");
        slots("delivery", "subject", d.subject(), letter);
        slots("delivery", "attachment", d.attachment(), letter);
        slots("delivery", "intro", d.intro(), letter);
        List<String> ids = brief.summary() == null
                ? List.of()
                : brief.summary().figures().stream().map(f -> f.id()).toList();
        d.figures().stream()
                .filter(f -> !ids.contains(f))
                .forEach(f -> problems.add("/delivery/figures", "unknown-figure", f, String.join(", ", ids)));
    }

    private static Set<String> with(Set<String> names, String... more) {
        Set<String> all = new java.util.HashSet<>(names);
        all.addAll(List.of(more));
        return all;
    }
}
