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

    public KeyFigure {
        reads = reads == null ? java.util.List.of() : java.util.List.copyOf(reads);
    }

    /** The value in its number format for a locale ("38,210", "70.8%"), or "–" when blank. */
    public String formatted(java.util.Locale locale) {
        if (value == null) {
            return "–";
        }
        String pattern = format == null ? "#,##0.##" : format;
        return new java.text.DecimalFormat(pattern, java.text.DecimalFormatSymbols.getInstance(locale)).format(value);
    }
}
