package dev.briefpipe.render.chart;

import dev.briefpipe.model.NumberPattern;
import java.awt.Color;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPosition;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.CategoryLabelWidthType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlockAnchor;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts: vertical ({@code bar}) or horizontal ({@code hbar}), a bar per category coloured by its
 * series (with a legend) or one highlighted (in the accent colour, or, a bar of a series keeping the
 * colour the legend gives it, by its category's name in that colour). Where a category has bars of two or more series (the
 * same months for two countries) they stand side by side, a colour a series. Each bar is labelled
 * with its value in its field's format, beyond its end, a negative one's too; of more than {@value
 * #LABEL_EVERY_BAR} bars side by side, only the last category's and a highlighted one are.
 */
public final class BarChartBuilder {
    static final int LABEL_EVERY_BAR = 12;
    private final ChartStyle style;

    public BarChartBuilder(ChartStyle style) {
        this.style = style;
    }

    /**
     * @param horizontal true for bars running left to right, first category at the top
     * @param labels display names of series values, in legend order; a value they do not name is
     *     shown as it is, after them (no series: no legend)
     */
    public JFreeChart build(ChartData.Bars data, boolean horizontal, Map<String, String> labels) {
        Map<String, String> seriesLabels = seriesLabels(data, labels);
        List<ChartData.Bar> bars = data.bars();
        List<String> categories =
                bars.stream().map(ChartData.Bar::category).distinct().toList();
        // Bars are one a category and series: fewer categories than bars, and some stand side by side.
        boolean grouped = categories.size() < bars.size();
        List<String> groups = grouped ? seriesDrawn(data, seriesLabels) : List.of("value");
        Map<List<String>, ChartData.Bar> byKey = new HashMap<>();
        bars.forEach(b -> byKey.put(List.of(series(b), b.category()), b));
        BiFunction<Integer, Integer, ChartData.Bar> at = grouped
                ? (row, column) -> byKey.get(List.of(groups.get(row), categories.get(column)))
                : (row, column) -> bars.get(column);
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (int g = 0; g < groups.size(); g++) { // every group over every category, in the rows' order
            for (int c = 0; c < categories.size(); c++) {
                ChartData.Bar b = at.apply(g, c);
                ds.addValue(b == null ? null : b.value(), groups.get(g), categories.get(c));
            }
        }
        CategoryPlot plot = new CategoryPlot(ds, new CategoryAxis(), new NumberAxis(), null);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(null, style.font(10f), plot, false);
        style.apply(chart);

        Map<String, Color> seriesColours = new LinkedHashMap<>();
        int i = 0;
        for (String key : seriesLabels.keySet()) {
            seriesColours.put(key, style.palette().get(i++ % style.palette().size()));
        }
        BarRenderer r = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                ChartData.Bar b = at.apply(row, column);
                if (b == null) {
                    return style.base();
                }
                if (b.series() != null && seriesColours.containsKey(b.series())) {
                    return seriesColours.get(b.series()); // highlighted by its category's name: the legend holds
                }
                return b.highlighted() ? style.accent() : style.base();
            }
        };
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(horizontal ? 0.07 : 0.09);
        r.setItemMargin(grouped ? 0.05 : 0);
        // Grouped as the PDF's own figures are, whatever the machine's locale: the same PDF everywhere.
        NumberFormat values = NumberPattern.of(data.format(), Locale.ROOT);
        boolean every = !grouped || bars.size() <= LABEL_EVERY_BAR;
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", values) {
            @Override
            public String generateLabel(CategoryDataset d, int row, int column) {
                ChartData.Bar b = at.apply(row, column);
                return every || column == categories.size() - 1 || (b != null && b.highlighted())
                        ? super.generateLabel(d, row, column)
                        : null;
            }
        });
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(style.font(7.5f));
        r.setDefaultItemLabelPaint(style.ink());
        r.setDefaultPositiveItemLabelPosition(
                horizontal
                        ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT)
                        : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        // A negative bar's label beyond its end, as a positive one's: it had none (drawn outside the plot).
        r.setDefaultNegativeItemLabelPosition(
                horizontal
                        ? new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT)
                        : new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
        r.setItemLabelInsets(new org.jfree.chart.ui.RectangleInsets(3, 3, 3, 3));
        plot.setRenderer(r);
        NumberAxis range = frame(chart, plot, data, values, style);
        if (bars.stream().anyMatch(b -> b.value().signum() < 0)) {
            // Room for the labels under the bars, and the zero line the bars stand on and hang from.
            range.setLowerMargin(0.14);
            plot.setRangeZeroBaselineVisible(true);
            plot.setRangeZeroBaselinePaint(style.ink());
        }
        CategoryAxis domain = plot.getDomainAxis();
        bars.stream()
                .filter(b -> b.highlighted() && seriesColours.containsKey(b.series()))
                .forEach(b -> domain.setTickLabelPaint(b.category(), style.accent()));
        if (horizontal) {
            domain.setCategoryMargin(0.25);
        } else {
            wholeSlot(domain);
        }

        LegendItemCollection items = new LegendItemCollection();
        seriesLabels.forEach((key, label) -> {
            if (bars.stream().anyMatch(b -> key.equals(b.series()))) {
                LegendItem li = new LegendItem(label, seriesColours.get(key));
                li.setLabelFont(style.font(8f));
                items.add(li);
            }
        });
        if (items.getItemCount() > 0) { // labels given for bars of no series name none: no empty legend
            plot.setFixedLegendItems(items);
            legend(chart, plot, style);
        }
        return chart;
    }

    /** A bar's series value, "" for none: its key among the lines or groups of bars. */
    static String series(ChartData.Bar b) {
        return b.series() == null ? "" : b.series().strip();
    }

    /**
     * The series values the bars have, in legend order, and "" last when some bars have none: the lines
     * of a line chart, the bars side by side in a category of a bar chart.
     */
    static List<String> seriesDrawn(ChartData.Bars data, Map<String, String> seriesLabels) {
        List<String> drawn = new ArrayList<>();
        seriesLabels.keySet().stream()
                .filter(k -> data.bars().stream().anyMatch(b -> k.equals(series(b))))
                .forEach(drawn::add);
        if (data.bars().stream().anyMatch(b -> series(b).isEmpty())) {
            drawn.add("");
        }
        return drawn;
    }

    /** The series' display names in legend order: the layout's, then any value they do not name, as written. */
    static Map<String, String> seriesLabels(ChartData.Bars data, Map<String, String> labels) {
        // A series value the labels do not name (a country new to the sheet) is in the legend as it is
        // written, in a colour of its own, rather than a colour nobody explains.
        Map<String, String> seriesLabels = new LinkedHashMap<>(labels);
        data.bars().stream()
                .map(ChartData.Bar::series)
                .filter(s -> s != null && !s.isBlank())
                .forEach(s -> seriesLabels.putIfAbsent(s, s));
        return seriesLabels;
    }

    /**
     * What bar and line charts share: the value axis in the values' format without its line, the unit
     * line at the top left as briefs print it (not rotated along the axis), category names, no frame.
     */
    static NumberAxis frame(
            JFreeChart chart, CategoryPlot plot, ChartData.Bars data, NumberFormat values, ChartStyle style) {
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(style.grid());
        plot.setOutlineVisible(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        if (values instanceof DecimalFormat d) {
            range.setStandardTickUnits(ticks(d));
        } else {
            range.setNumberFormatOverride(values);
        }
        range.setUpperMargin(0.14);
        range.setTickLabelFont(style.font(7.5f));
        range.setAxisLineVisible(false);
        if (data.unit() != null) {
            org.jfree.chart.title.TextTitle unit = new org.jfree.chart.title.TextTitle(data.unit(), style.font(7.5f));
            unit.setPosition(RectangleEdge.TOP);
            unit.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            unit.setPaint(style.ink());
            chart.addSubtitle(unit);
        }
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(style.font(8f));
        domain.setLowerMargin(0.03);
        domain.setUpperMargin(0.03);
        domain.setMaximumCategoryLabelLines(2);
        return range;
    }

    /**
     * A name under a bar or a point may take its whole slot, the gap beside it too (0.94 / 0.64 of the
     * bar's width, less a hair): "2024.3" stays whole, where it broke at its dot. {@link
     * LineChartBuilder#fit} measures against the same share.
     */
    static void wholeSlot(CategoryAxis domain) {
        domain.setCategoryMargin(0.3);
        domain.setCategoryLabelPositions(CategoryLabelPositions.replaceBottomPosition(
                CategoryLabelPositions.STANDARD,
                new CategoryLabelPosition(
                        RectangleAnchor.TOP, TextBlockAnchor.TOP_CENTER, CategoryLabelWidthType.CATEGORY, 1.4f)));
    }

    /** The legend under the plot, unframed. */
    static void legend(JFreeChart chart, CategoryPlot plot, ChartStyle style) {
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(style.font(8f));
        chart.addLegend(legend);
    }

    /**
     * The value axis's steps: 1, 2 or 5 times a power of ten, none finer than the values' format prints
     * (counts step by whole numbers, "0 1 2 3", never "0 0 1 1 2"), each labelled with the decimals it
     * needs ("0 20 40" for values printed "96.3"; "0.5 1.0 1.5").
     */
    private static TickUnits ticks(DecimalFormat values) {
        int shift = (int) Math.round(Math.log10(values.getMultiplier())); // a percent: 0.1 prints "10%"
        TickUnits units = new TickUnits();
        for (int e = -values.getMaximumFractionDigits() - shift; e <= 15; e++) {
            DecimalFormat label = (DecimalFormat) values.clone();
            label.setMinimumFractionDigits(Math.max(0, -e - shift));
            label.setMaximumFractionDigits(Math.max(0, -e - shift));
            for (int m : new int[] {1, 2, 5}) {
                units.add(new NumberTickUnit(m * Math.pow(10, e), label));
            }
        }
        return units;
    }
}
