package dev.briefpipe.render.chart;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** What a chart needs from a sheet, already read out of the typed rows. */
public final class ChartData {
    private ChartData() {}

    /**
     * One bar.
     *
     * @param series the colouring value (e.g. country code), or null
     * @param highlighted drawn in the accent colour
     */
    public record Bar(String category, BigDecimal value, String series, boolean highlighted) {}

    /** One event on a timeline lane. */
    public record Event(String label, YearMonth month, String lane) {}

    /**
     * Bars in display order; {@code unit} the line naming their unit, e.g. "(단위: 건)", or null;
     * {@code format} how their values print ("#,##0", "0.0%"), as in the brief's tables (null: whole
     * numbers, grouped).
     */
    public record Bars(List<Bar> bars, String unit, String format) {
        public Bars {
            bars = List.copyOf(bars);
            format = format == null ? "#,##0" : format;
        }
    }
}
