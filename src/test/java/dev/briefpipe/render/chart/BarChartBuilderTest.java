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

    private static ChartData.Bar bar(String category, String series) {
        return new ChartData.Bar(category, BigDecimal.TEN, series, false);
    }
}
