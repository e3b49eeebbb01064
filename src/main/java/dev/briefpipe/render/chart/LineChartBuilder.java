package dev.briefpipe.render.chart;

import dev.briefpipe.model.NumberPattern;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Line charts: a line per series value (one line without a series) across the categories, months or
 * years, in the order the sheet's rows give them. A lone line of up to {@value #LABEL_EVERY_POINT}
 * points has each labelled with its value; otherwise each line is labelled at its last point, the
 * figure a brief speaks of, and at a highlighted one. A category a series has no row for leaves a gap
 * in its line. The value axis need not start at zero: a line shows a trend, not a length.
 */
public final class LineChartBuilder {
    static final int LABEL_EVERY_POINT = 12;
    private final ChartStyle style;

    public LineChartBuilder(ChartStyle style) {
        this.style = style;
    }

    /**
     * @param labels display names of series values, in legend order (no series: no legend)
     * @param width the chart's width in points, which sets whether the categories' names fit side by side
     */
    public JFreeChart build(ChartData.Bars data, Map<String, String> labels, float width) {
        Map<String, String> seriesLabels = BarChartBuilder.seriesLabels(data, labels);
        List<String> lines = BarChartBuilder.seriesDrawn(data, seriesLabels); // rows of no series: a line of "" last
        List<String> categories =
                data.bars().stream().map(ChartData.Bar::category).distinct().toList();
        Map<List<String>, BigDecimal> values = new HashMap<>();
        for (ChartData.Bar b : data.bars()) {
            values.put(List.of(BarChartBuilder.series(b), b.category()), b.value());
        }
        // Every line over every category, in order: the first line sets the categories' order.
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (String line : lines) {
            for (String category : categories) {
                ds.addValue(values.get(List.of(line, category)), seriesLabels.getOrDefault(line, line), category);
            }
        }
        // A highlighted point (highlight: field=value) is filled in the accent colour and labelled.
        Set<List<String>> highlighted = data.bars().stream()
                .filter(ChartData.Bar::highlighted)
                .map(b -> List.of(BarChartBuilder.series(b), b.category()))
                .collect(Collectors.toSet());
        BiPredicate<Integer, Integer> isHighlighted =
                (row, column) -> highlighted.contains(List.of(lines.get(row), categories.get(column)));
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true) {
            @Override
            public Paint getItemFillPaint(int row, int column) {
                return isHighlighted.test(row, column) ? style.accent() : getItemPaint(row, column);
            }
        };
        r.setUseFillPaint(true);
        for (int i = 0; i < lines.size(); i++) {
            r.setSeriesPaint(
                    i,
                    lines.size() == 1
                            ? style.base()
                            : style.palette().get(i % style.palette().size()));
            r.setSeriesStroke(i, new BasicStroke(1.8f));
            r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        boolean everyPoint = lines.size() == 1 && categories.size() <= LABEL_EVERY_POINT;
        // Grouped as the PDF's own figures are, whatever the machine's locale: the same PDF everywhere.
        NumberFormat format = NumberPattern.of(data.format(), Locale.ROOT);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format) {
            @Override
            public String generateLabel(CategoryDataset d, int row, int column) {
                return everyPoint || column == last(d, row) || isHighlighted.test(row, column)
                        ? super.generateLabel(d, row, column)
                        : null;
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(style.font(7.5f));
        r.setDefaultItemLabelPaint(style.ink());
        r.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        r.setDefaultNegativeItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));

        CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(), new NumberAxis(), null);
        JFreeChart chart = new JFreeChart(null, style.font(10f), plot, false);
        style.apply(chart);
        plot.setRenderer(r); // after the style, which would clear its colours
        NumberAxis range = BarChartBuilder.frame(chart, plot, data, format, style);
        range.setAutoRangeIncludesZero(false);
        range.setLowerMargin(0.08);
        BarChartBuilder.wholeSlot(plot.getDomainAxis());
        if (!fit(categories, style.font(8f), width)) { // side by side they would run into each other
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (lines.stream().anyMatch(l -> !l.isEmpty())) { // labels without a series name no line
            BarChartBuilder.legend(chart, plot, style);
        }
        return chart;
    }

    /**
     * Whether the categories' names, each line of each ("Mar" over "2024"), fit side by side: the plot
     * takes some nine tenths of the chart's width, and a name the slot of its point ({@link
     * BarChartBuilder#wholeSlot}), less a margin.
     */
    static boolean fit(List<String> categories, Font font, float width) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double widest = categories.stream()
                .flatMap(c -> c.lines())
                .mapToDouble(l -> font.getStringBounds(l, frc).getWidth())
                .max()
                .orElse(0);
        return widest <= 0.8 * width / Math.max(1, categories.size());
    }

    /** The column of a line's last point, or -1 when it has none. */
    static int last(CategoryDataset d, int row) {
        for (int c = d.getColumnCount() - 1; c >= 0; c--) {
            if (d.getValue(row, c) != null) {
                return c;
            }
        }
        return -1;
    }
}
