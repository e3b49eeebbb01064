package dev.briefpipe.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The look of a brief's PDF. Every key is optional; the defaults are the KISTEP brief's look.
 *
 * <p>Text patterns take {@code {title}}, {@code {series}}, {@code {number}}, {@code {publisher}},
 * {@code {date}} (or {@code {date:yyyy.M.d.}} with a date pattern), and in the footer
 * {@code {page}} and {@code {pages}} ({@code {pages}} must come last); captions take {@code {n}} and
 * {@code {caption}}.
 *
 * @param colors named colours as "#RRGGBB": primary, accent, text, muted, rule, headerFill
 * @param body body text size in points; titleSize the title's
 * @param unitLabel the line over a chart naming its unit, {@code {unit}} replaced (default "(단위: {unit})")
 * @param leading the distance between narrative lines, as a multiple of their size (default 1.6)
 * @param band the right-hand text of the first-page band (the series label sits on the left)
 * @param header the running header from page 2 on ("" = none)
 * @param dateFormat how a date prints in a table or a correction whose {@code formats} do not say (a date
 *     pattern; default {@code yyyy.M.d.}, in English {@code d MMM yyyy}); monthFormat a year-month's
 *     (default {@code yyyy.M.}, in English {@code MMM yyyy})
 * @param curlyQuotes straight quotes in narrative text become ‘ ’ and “ ” (default true)
 * @param hyphenate Latin words in narrative may be hyphenated at line ends (British English patterns);
 *     default: when the brief's locale is English
 * @param bullets per narrative level (the workbook's level value), top level first: marker, size,
 *     indent, space before; declaring any replaces the default □ ○ - ※ set
 */
public record StyleConfig(
        Map<String, String> colors,
        Float body,
        Float leading,
        Float titleSize,
        String band,
        String header,
        String footer,
        String figureCaption,
        String tableCaption,
        String unitLabel,
        String booleanTrue,
        String booleanFalse,
        String dateFormat,
        String monthFormat,
        Boolean curlyQuotes,
        Boolean hyphenate,
        Map<String, Bullet> bullets) {

    public StyleConfig {
        Map<String, String> c = new LinkedHashMap<>(Map.of(
                "primary",
                "#1F3A68",
                "accent",
                "#C0392B",
                "text",
                "#222222",
                "muted",
                "#666666",
                "rule",
                "#B8C2D3",
                "headerFill",
                "#E3E9F2"));
        if (colors != null) {
            c.putAll(colors);
        }
        colors = c;
        body = body == null ? 10.5f : body;
        leading = leading == null ? 1.6f : leading;
        titleSize = titleSize == null ? 20f : titleSize;
        header = header == null ? "{title}" : header;
        footer = footer == null ? "{page} / {pages}" : footer;
        curlyQuotes = curlyQuotes == null || curlyQuotes;
        Map<String, Bullet> defaults = new LinkedHashMap<>();
        defaults.put("□", new Bullet(null, 11f, 0f, 9f, true, false, Family.SANS));
        defaults.put("○", new Bullet(null, 10.5f, 12f, 3.5f, false, false, Family.SANS));
        defaults.put("-", new Bullet(null, 10f, 24f, 2f, false, false, Family.SANS));
        defaults.put("※", new Bullet(null, 9.5f, null, 2f, false, true, Family.SANS));
        if (bullets == null || bullets.isEmpty()) {
            bullets = defaults;
        } else {
            // Declared levels replace the defaults, in the order given (the first starts a paragraph);
            // keys a level leaves out come from the default of the same level, else of the second level.
            Map<String, Bullet> b = new LinkedHashMap<>();
            bullets.forEach(
                    (level, given) -> b.put(level, given.over(defaults.getOrDefault(level, defaults.get("○")))));
            bullets = b;
        }
    }

    /**
     * Whether a narrative row of this level is text (a bullet level of the style); any other level
     * (그림, 표) places the figure or table its text names.
     */
    public boolean isBullet(String level) {
        return bullets.containsKey(level);
    }

    /**
     * The bullet marker a narrative text was typed starting with (pasted from a document with its "○ "),
     * followed by a space; empty when none. The level column prints the marker: one typed too would
     * print twice.
     */
    public Optional<String> typedMarker(String text) {
        String t = text.stripLeading();
        return bullets.keySet().stream()
                .map(level -> marker(level).strip())
                .filter(m -> !m.isEmpty() && t.startsWith(m + " "))
                .findFirst();
    }

    /** The marker a bullet level prints: its own, or the level's name. */
    public String marker(String level) {
        String m = bullets.get(level).marker();
        return m != null ? m : level;
    }

    /** Whether a level is the first bullet level: each row of it starts a paragraph. */
    public boolean startsParagraph(String level) {
        return bullets.keySet().iterator().next().equals(level);
    }

    /**
     * This style with the words it leaves unset (band, captions, unit line, yes and no, dates) in the brief's
     * language: Korean (the KISTEP brief's), else English.
     */
    StyleConfig worded(String locale) {
        boolean ko = locale.startsWith("ko");
        return new StyleConfig(
                colors,
                body,
                leading,
                titleSize,
                or(
                        band,
                        ko
                                ? "{publisher} 브리프 제{number}호  |  {date:yyyy.M.d.}"
                                : "{publisher} No. {number}  |  {date:d MMMM yyyy}"),
                header,
                footer,
                or(figureCaption, ko ? "[그림 {n}] {caption}" : "Figure {n}. {caption}"),
                or(tableCaption, ko ? "〈표 {n}〉 {caption}" : "Table {n}. {caption}"),
                or(unitLabel, ko ? "(단위: {unit})" : "(unit: {unit})"),
                or(booleanTrue, ko ? "예" : "Yes"),
                or(booleanFalse, ko ? "아니오" : "No"),
                or(dateFormat, ko ? "yyyy.M.d." : "d MMM yyyy"),
                or(monthFormat, ko ? "yyyy.M." : "MMM yyyy"),
                curlyQuotes,
                hyphenate,
                bullets);
    }

    private static String or(String given, String otherwise) {
        return given != null ? given : otherwise;
    }

    public static StyleConfig defaults() {
        return new StyleConfig(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * One bullet level.
     *
     * @param marker what is printed (default: the level value itself)
     * @param indent left indent of the marker in points; null = one step in from the bullet before
     *     (used for notes, ※)
     * @param note printed in the muted colour, as a note on the bullet before
     * @param font {@code sans} (고딕, the default) or {@code serif} (명조); a bold level is set in the bold sans face
     */
    public record Bullet(
            String marker, Float size, Float indent, Float before, Boolean bold, Boolean note, Family font) {

        /** This bullet's given keys over {@code base}'s. */
        Bullet over(Bullet base) {
            return new Bullet(
                    marker != null ? marker : base.marker,
                    size != null ? size : base.size,
                    indent != null ? indent : base.indent,
                    before != null ? before : base.before,
                    bold != null ? bold : base.bold,
                    note != null ? note : base.note,
                    font != null ? font : base.font);
        }
    }

    /** A font family of the brief's fonts. */
    public enum Family {
        SANS,
        SERIF;

        /** The word in config: {@code sans}, {@code serif}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
