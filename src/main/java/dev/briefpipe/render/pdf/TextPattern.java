package dev.briefpipe.render.pdf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {name}} and {@code {name:pattern}} (a date pattern, for dates) from a map of values. */
final class TextPattern {
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

    private TextPattern() {}

    static String fill(String pattern, Map<String, ?> values, Locale locale) {
        Matcher m = SLOT.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            String text;
            if (v == null) {
                text = m.group();
            } else if (v instanceof LocalDate d && m.group(2) != null) {
                text = DateTimeFormatter.ofPattern(m.group(2), locale).format(d);
            } else {
                text = v.toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
