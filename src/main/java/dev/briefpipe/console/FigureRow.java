package dev.briefpipe.console;

import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.publish.Manifest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A key figure and how to check it by hand ("explain this number").
 *
 * @param reads each cell or figure it read, with its value
 * @param previous the value it was compared with, the last period published before, or ""
 * @param change the move since then ("-35.4%", or "+4.2%p" for a share), or ""
 * @param moved the brief's summary.maxChange ("30%") when it moved further with no note to say why, or ""
 * @param note the analyst's note that explains the move, or ""
 */
public record FigureRow(
        String id,
        String label,
        String value,
        String expr,
        List<CellRead> reads,
        String previous,
        String change,
        String moved,
        String note) {
    /** A figure as its build published it, beside the value it was compared with. */
    static FigureRow of(Manifest.Figure f, BigDecimal limit, Locale locale, UnaryOperator<String> points) {
        KeyFigure k = f.figure();
        String change = k.moveFrom(f.previous(), locale, points);
        String note = f.note() == null ? "" : f.note();
        return new FigureRow(
                f.id(),
                f.label(),
                k.withUnit(locale),
                f.expr() == null ? "" : f.expr(),
                f.reads(),
                f.previous() == null ? "" : k.withValue(f.previous()).withUnit(locale),
                change == null ? "" : change,
                f.unexplained(limit) ? KeyFigure.percent(limit, false, locale) : "",
                note);
    }
}
