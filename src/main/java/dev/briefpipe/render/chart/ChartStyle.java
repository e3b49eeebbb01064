package dev.briefpipe.render.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.IntPredicate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;

/**
 * Colours and fonts of the brief's figures. Fonts are the Korean faces the PDF embeds, so chart text
 * is measured and drawn with the same glyphs; no transparency or gradients (archival PDF forbids them).
 *
 * @param fonts the main face first, then fallbacks for characters it lacks
 */
public record ChartStyle(List<Font> fonts, List<Color> palette, Color accent, Color base, Color ink, Color grid) {

    public static ChartStyle of(List<Font> fonts) {
        return new ChartStyle(
                fonts,
                List.of(
                        new Color(0xC0392B),
                        new Color(0x2E5EAA),
                        new Color(0x16A085),
                        new Color(0x8E6BB8),
                        new Color(0xE67E22),
                        new Color(0x7F8C8D)),
                new Color(0xC0392B),
                new Color(0x5B7DB1),
                new Color(0x333333),
                new Color(0xDDDDDD));
    }

    /** The main face at a size. */
    public Font font(float size) {
        return fonts.get(0).deriveFont(size);
    }

    /**
     * The face that can show the most of {@code text} (the main face when it shows all), at a size. A
     * label is drawn in one face, so characters that face lacks are reported by {@link #missing}.
     */
    public Font fontFor(String text, float size) {
        Font best = fonts.get(0);
        long bestCount = -1;
        for (Font f : fonts) {
            long n = text.codePoints().filter(f::canDisplay).count();
            if (n > bestCount) {
                best = f;
                bestCount = n;
            }
        }
        return best.deriveFont(size);
    }

    /** The code points of {@code text} that the face chosen for it cannot show. */
    public int[] missing(String text) {
        Font f = fontFor(text, 8f);
        IntPredicate lacking = cp -> !Character.isWhitespace(cp) && !f.canDisplay(cp);
        return text.codePoints().filter(lacking).toArray();
    }

    /** Applies fonts and flat painters to a chart made by JFreeChart's factories. */
    public void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("briefpipe", false);
        theme.setExtraLargeFont(font(12f));
        theme.setLargeFont(font(10f));
        theme.setRegularFont(font(8.5f));
        theme.setSmallFont(font(7.5f));
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(grid);
        theme.setRangeGridlinePaint(grid);
        theme.setAxisLabelPaint(ink);
        theme.setTickLabelPaint(ink);
        theme.setItemLabelPaint(ink);
        theme.setLegendItemPaint(ink);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }
}
