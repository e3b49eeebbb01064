package dev.briefpipe.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

class LineChartBuilderTest {
    private final ChartStyle style = ChartStyle.of(List.of(new Font(Font.SANS_SERIF, Font.PLAIN, 10)));
    private final LineChartBuilder builder = new LineChartBuilder(style);

    @Test
    void aLineASeriesInTheLegendsOrderWithAGapWhereASeriesHasNoRowAndItsLastPointLabelled() {
        List<ChartData.Bar> points = new ArrayList<>();
        for (int m = 1; m <= 14; m++) {
            points.add(new ChartData.Bar("2024." + m, BigDecimal.valueOf(100 + m), "CN", m == 7));
            if (m != 5) { // no row for May: a gap, not a line drawn through a zero
                points.add(point("2024." + m, 200 + m, "US"));
            }
        }
        JFreeChart chart =
                builder.build(new ChartData.Bars(points, "(unit: units)", null), Map.of("US", "United States"), 400);
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset d = plot.getDataset();
        // The layout's labels first, a value they do not name after them as written.
        assertThat(d.getRowKeys()).containsExactly("United States", "CN");
        assertThat(plot.getRenderer().getSeriesPaint(1))
                .isEqualTo(style.palette().get(1));
        assertThat(d.getColumnKeys()).hasSize(14).startsWith("2024.1", "2024.2").endsWith("2024.14");
        assertThat(d.getValue("United States", "2024.5")).isNull();
        assertThat((BigDecimal) d.getValue("CN", "2024.5")).isEqualByComparingTo("105");
        CategoryItemLabelGenerator labels = plot.getRenderer().getDefaultItemLabelGenerator();
        assertThat(labels.generateLabel(d, 0, 13)).isEqualTo("214");
        assertThat(labels.generateLabel(d, 1, 13)).isEqualTo("114");
        assertThat(labels.generateLabel(d, 0, 12)).isNull();
        // The highlighted point, July's of CN: labelled, and filled in the accent colour.
        assertThat(labels.generateLabel(d, 1, 6)).isEqualTo("107");
        assertThat(labels.generateLabel(d, 1, 5)).isNull();
        var renderer = (org.jfree.chart.renderer.category.LineAndShapeRenderer) plot.getRenderer();
        assertThat(renderer.getItemFillPaint(1, 6)).isEqualTo(style.accent());
        assertThat(renderer.getItemFillPaint(1, 5)).isEqualTo(style.palette().get(1));
        // Fourteen months side by side would run into each other: they are set aslant.
        assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isEqualTo(CategoryLabelPositions.UP_45);
        assertThat(chart.getLegend()).isNotNull();
        assertThat(plot.getRangeAxis().isAutoRange()).isTrue();
        chart.draw(
                new BufferedImage(400, 250, BufferedImage.TYPE_INT_RGB).createGraphics(),
                new java.awt.geom.Rectangle2D.Double(0, 0, 400, 250));
    }

    @Test
    void aLoneLineOfAYearOfMonthsIsLabelledAtEveryPointWithoutALegendItsShortNamesLevel() {
        List<ChartData.Bar> points = new ArrayList<>();
        for (int m = 1; m <= LineChartBuilder.LABEL_EVERY_POINT; m++) {
            points.add(point("M" + m, 1000 * m + 0.5, null));
        }
        JFreeChart chart = builder.build(new ChartData.Bars(points, null, "#,##0.0"), Map.of(), 450);
        CategoryPlot plot = chart.getCategoryPlot();
        CategoryDataset d = plot.getDataset();
        assertThat(d.getRowCount()).isEqualTo(1);
        // In the bars' colour: the chart's style, applied after, had left JFreeChart's red.
        assertThat(plot.getRenderer().getSeriesPaint(0)).isEqualTo(style.base());
        CategoryItemLabelGenerator labels = plot.getRenderer().getDefaultItemLabelGenerator();
        assertThat(labels.generateLabel(d, 0, 0)).isEqualTo("1,000.5");
        assertThat(labels.generateLabel(d, 0, 11)).isEqualTo("12,000.5");
        assertThat(chart.getLegend()).isNull();
        assertThat(plot.getDomainAxis().getCategoryLabelPositions()).isNotEqualTo(CategoryLabelPositions.UP_45);
        // Labels given for a chart without a series name no line: no legend of one nameless line.
        assertThat(builder.build(new ChartData.Bars(points, null, null), Map.of("US", "United States"), 450)
                        .getLegend())
                .isNull();
    }

    private static ChartData.Bar point(String category, double value, String series) {
        return new ChartData.Bar(category, BigDecimal.valueOf(value).stripTrailingZeros(), series, false);
    }
}
