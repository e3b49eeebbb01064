package dev.briefpipe.i18n;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} and {@code {name:pattern}} from a map of values: the pattern is a date pattern,
 * for a date or a month ({@code {period:yyyy년 M월}}); one asking for what the value has not (a day of a
 * month) gives the value as it is.
 */
public final class TextPattern {
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

    private TextPattern() {}

    public static String fill(String pattern, Map<String, ?> values, Locale locale) {
        Matcher m = SLOT.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            String text;
            if (v == null) {
                text = m.group();
            } else if (v instanceof TemporalAccessor t && m.group(2) != null) {
                text = format(t, m.group(2), locale);
            } else {
                text = v.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(TemporalAccessor t, String pattern, Locale locale) {
        try {
            return DateTimeFormatter.ofPattern(pattern, locale).format(t);
        } catch (DateTimeException | IllegalArgumentException e) {
            return t.toString();
        }
    }
}
