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

    /**
     * The value formatted with its unit, or "–" alone when blank: a Korean counting unit, a percent or a
     * times sign written on to the number, as Korean reports write it ("38,210건", "6.09배", "920.1억
     * 달러", "15%", "1.2×"), any other unit after a space ("800 TFLOPS").
     */
    public String withUnit(java.util.Locale locale) {
        return value == null ? formatted(locale) : formatted(locale) + unitAfter();
    }

    /** The unit as it follows the number: "건", "%", "×" on to it, " TFLOPS" after a space; "" for none. */
    public String unitAfter() {
        if (unit == null || unit.isBlank()) {
            return "";
        }
        char first = unit.charAt(0);
        boolean attached =
                "×%‰".indexOf(first) >= 0 || Character.UnicodeScript.of(first) == Character.UnicodeScript.HANGUL;
        return (attached ? "" : " ") + unit;
    }

    /** The same figure with another value (last period's, say), to show it the same way. */
    public KeyFigure withValue(BigDecimal other) {
        return new KeyFigure(id, label, other, unit, format, expr, note, reads);
    }

    /** The same figure with another note (an analyst's explanation of its move). */
    public KeyFigure withNote(String other) {
        return new KeyFigure(id, label, value, unit, format, expr, other, reads);
    }

    /** The value in its number format for a locale ("38,210", "70.8%"), or "–" when blank. */
    public String formatted(java.util.Locale locale) {
        if (value == null) {
            return "–";
        }
        String pattern = format == null ? DEFAULT_FORMAT : format;
        return NumberPattern.of(pattern, locale).format(value);
    }

    /**
     * How far this value moved from {@code was}, a fraction of it (-0.354 for a fall of 35.4 %), or null
     * when either is blank or {@code was} is zero.
     */
    public BigDecimal changeFrom(BigDecimal was) {
        return was == null || value == null || was.signum() == 0
                ? null
                : value.subtract(was).divide(was.abs(), java.math.MathContext.DECIMAL64);
    }

    /**
     * The move from {@code was} as a reader expects it: a fraction of it ("+5.9%"), or, for a figure
     * that prints as a percent (a share going from 70.8% to 75%), the difference in percentage points,
     * written by {@code points} from the signed number ("+4.2" gives "+4.2%p"); null when either
     * value is blank, or {@code was} is zero for a fraction.
     */
    public String moveFrom(BigDecimal was, java.util.Locale locale, java.util.function.UnaryOperator<String> points) {
        if (!inPercent()) {
            BigDecimal change = changeFrom(was);
            return change == null ? null : percent(change, true, locale);
        }
        if (was == null || value == null) {
            return null;
        }
        BigDecimal difference = value.subtract(was).movePointRight(2);
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        return points.apply((difference.signum() > 0 ? "+" : "") + number.format(difference));
    }

    /** Whether the value prints as a percent: its format has a % outside quoted text. */
    public boolean inPercent() {
        return format != null && format.replaceAll("\"[^\"]*\"", "").contains("%");
    }

    /** A fraction as a percent to one decimal ("30%"; a change {@code signed}: "+30.9%", "-35.4%"). */
    public static String percent(BigDecimal fraction, boolean signed, java.util.Locale locale) {
        java.text.NumberFormat pct = java.text.NumberFormat.getPercentInstance(locale);
        pct.setMaximumFractionDigits(1);
        return (signed && fraction.signum() > 0 ? "+" : "") + pct.format(fraction);
    }
}
