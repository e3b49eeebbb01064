package dev.briefpipe.render.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarChartBuilderTest {
    private final BarChartBuilder builder =
            new BarChartBuilder(ChartStyle.of(List.of(new Font(Font.SANS_SERIF, Font.PLAIN, 10))));

    @Test
    void aLegendNamesTheSeriesTheBarsHaveAndNoneWhenTheyHaveNone() {
        List<ChartData.Bar> bars = List.of(bar("H100", "US"), bar("Ascend 910B", "CN"));
        var legend = builder.build(new ChartData.Bars(bars, null, null), true, Map.of("US", "NVIDIA (US)"))
                .getCategoryPlot()
                .getLegendItems();
        assertThat(legend.getItemCount()).isEqualTo(2);
        assertThat(legend.get(0).getLabel()).isEqualTo("NVIDIA (US)");
        assertThat(legend.get(1).getLabel()).isEqualTo("CN");
        // Labels for bars of no series: an empty legend took room under the chart.
        List<ChartData.Bar> plain = List.of(bar("H100", null), bar("H20", null));
        assertThat(builder.build(new ChartData.Bars(plain, null, null), false, Map.of("US", "NVIDIA (US)"))
                        .getLegend())
                .isNull();
    }

    @Test
    void aHighlightedBarOfASeriesKeepsItsColourAndItsCategoryIsNamedInTheAccent() {
        ChartStyle style = ChartStyle.of(List.of(new Font(Font.SANS_SERIF, Font.PLAIN, 10)));
        // Budget and spending of two months side by side, March highlighted: both its bars were drawn in
        // the accent colour, so the legend's colours no longer said which bar was which.
        List<ChartData.Bar> bars = List.of(
                new ChartData.Bar("2025-02", BigDecimal.TEN, "budget", false),
                new ChartData.Bar("2025-02", BigDecimal.ONE, "executed", false),
                new ChartData.Bar("2025-03", BigDecimal.TEN, "budget", true),
                new ChartData.Bar("2025-03", BigDecimal.ONE, "executed", true));
        var plot = new BarChartBuilder(style)
                .build(new ChartData.Bars(bars, null, null), false, Map.of("budget", "예산", "executed", "집행"))
                .getCategoryPlot();
        var renderer = plot.getRenderer();
        assertThat(renderer.getItemPaint(0, 1)).isEqualTo(renderer.getItemPaint(0, 0));
        assertThat(renderer.getItemPaint(1, 1)).isEqualTo(renderer.getItemPaint(1, 0));
        assertThat(renderer.getItemPaint(0, 1)).isNotEqualTo(renderer.getItemPaint(1, 1));
        assertThat(plot.getDomainAxis().getTickLabelPaint("2025-03")).isEqualTo(style.accent());
        assertThat(plot.getDomainAxis().getTickLabelPaint("2025-02")).isNotEqualTo(style.accent());
        // A bar of no series is highlighted by its colour, as before.
        List<ChartData.Bar> plain = List.of(
                new ChartData.Bar("CN", BigDecimal.TEN, null, true),
                new ChartData.Bar("US", BigDecimal.ONE, null, false));
        var single = builder.build(new ChartData.Bars(plain, null, null), false, Map.of())
                .getCategoryPlot();
        assertThat(single.getRenderer().getItemPaint(0, 0)).isEqualTo(style.accent());
        assertThat(single.getRenderer().getItemPaint(0, 1)).isNotEqualTo(style.accent());
    }

    private static ChartData.Bar bar(String category, String series) {
        return new ChartData.Bar(category, BigDecimal.TEN, series, false);
    }
}
