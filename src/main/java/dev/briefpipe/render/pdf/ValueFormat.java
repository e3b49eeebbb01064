package dev.briefpipe.render.pdf;

import dev.briefpipe.model.NumberPattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats typed values for print: an optional pattern per field, sensible defaults otherwise. */
final class ValueFormat {
    private ValueFormat() {}

    /**
     * @param pattern a date pattern ("yyyy.M.", for dates and year-months) or a number pattern ("#,##0");
     *     null for the default (the style's date and month formats, plain numbers)
     */
    static String format(Object v, String pattern, RenderContext ctx) {
        if (v == null) {
            return "";
        }
        dev.briefpipe.config.StyleConfig style = ctx.theme().style;
        if (v instanceof YearMonth ym) {
            // A month's name in the brief's language ("March 2025", "2025년 3월"), as its sentences give it.
            return DateTimeFormatter.ofPattern(pattern == null ? style.monthFormat() : pattern, ctx.locale())
                    .format(ym.atDay(1));
        }
        if (v instanceof LocalDate d) {
            return DateTimeFormatter.ofPattern(pattern == null ? style.dateFormat() : pattern, ctx.locale())
                    .format(d);
        }
        if (v instanceof Long || v instanceof BigDecimal) {
            if (pattern == null) {
                return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
            }
            return NumberPattern.of(pattern, Locale.ROOT).format(v);
        }
        if (v instanceof Boolean b) {
            return b ? style.booleanTrue() : style.booleanFalse();
        }
        return v.toString();
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof BigDecimal;
    }
}
