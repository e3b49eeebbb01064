package dev.briefpipe.model;

import java.math.BigDecimal;

/**
 * A computed headline figure.
 *
 * @param value the result, or null when an input is blank
 * @param format Excel-style number format ("#,##0", "0.0%"); null = general
 * @param reads every cell and figure the value was computed from, with its value
 */
public record KeyFigure(
        String id,
        String label,
        BigDecimal value,
        String unit,
        String format,
        String expr,
        String note,
        java.util.List<CellRead> reads) {
    /** How a computed value prints when it names no format: to two decimals, grouped. */
    public static final String DEFAULT_FORMAT = "#,##0.##";

    public KeyFigure {
        reads = reads == null ? java.util.List.of() : java.util.List.copyOf(reads);
    }

    /** The value formatted with its unit ("38,210 건"), or "–" alone when blank. */
    public String withUnit(java.util.Locale locale) {
        return unit == null || value == null ? formatted(locale) : formatted(locale) + " " + unit;
    }

    /** The same figure with another value (last period's, say), to show it the same way. */
    public KeyFigure withValue(BigDecimal other) {
        return new KeyFigure(id, label, other, unit, format, expr, note, reads);
    }

    /** The value in its number format for a locale ("38,210", "70.8%"), or "–" when blank. */
    public String formatted(java.util.Locale locale) {
        if (value == null) {
            return "–";
        }
        String pattern = format == null ? DEFAULT_FORMAT : format;
        return NumberPattern.of(pattern, locale).format(value);
    }
}
