package dev.briefpipe.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A two-lane timeline: a month axis in the middle, the first lane's events above it and the second's
 * below, each label on a stem. Labels are stacked on levels so that no two overlap: a label goes to
 * the lowest level whose last label ends before it starts (measured with the chart's own font).
 */
public final class TimelineChartBuilder {
    private static final float LABEL_SIZE = 6.8f;
    private static final double GAP = 3;
    private static final double PAD_X = 8;
    private final ChartStyle style;

    public TimelineChartBuilder(ChartStyle style) {
        this.style = style;
    }

    /** The chart, and the height it needs so that stacked labels do not touch. */
    public record Timeline(JFreeChart chart, float height) {}

    /**
     * @param lanes lane keys to display names, first lane above the axis (exactly two are drawn)
     * @param width the width the chart will be drawn at, in points
     * @param minHeight the height asked for; more is used when the labels need it
     */
    public Timeline build(List<ChartData.Event> events, Map<String, String> lanes, float width, float minHeight) {
        List<String> laneKeys = new ArrayList<>(lanes.keySet());
        YearMonth first = events.stream()
                .map(ChartData.Event::month)
                .min(Comparator.naturalOrder())
                .orElse(YearMonth.now(ZoneOffset.UTC));
        YearMonth last = events.stream()
                .map(ChartData.Event::month)
                .max(Comparator.naturalOrder())
                .orElse(first);
        long from = millis(first.minusMonths(2));
        long to = millis(last.plusMonths(3));
        double plotWidth = width - 2 * PAD_X;
        double perMilli = plotWidth / (to - from);
        FontRenderContext frc = new FontRenderContext(null, true, true);

        Map<ChartData.Event, Integer> levels = new LinkedHashMap<>();
        Map<ChartData.Event, Double> centres = new LinkedHashMap<>();
        int[] maxLevel = new int[2];
        for (int lane = 0; lane < Math.min(2, laneKeys.size()); lane++) {
            String key = laneKeys.get(lane);
            List<Double> ends = new ArrayList<>();
            List<ChartData.Event> inLane = events.stream()
                    .filter(e -> key.equals(e.lane()))
                    .sorted(Comparator.comparing(ChartData.Event::month))
                    .toList();
            for (ChartData.Event e : inLane) {
                double x = (mid(e.month()) - from) * perMilli;
                double w = style.fontFor(e.label(), LABEL_SIZE)
                                .getStringBounds(e.label(), frc)
                                .getWidth()
                        + 2 * GAP;
                double left = Math.max(0, Math.min(plotWidth - w, x - w / 2));
                int level = 0;
                while (level < ends.size() && ends.get(level) > left) {
                    level++;
                }
                if (level == ends.size()) {
                    ends.add(0d);
                }
                ends.set(level, left + w);
                levels.put(e, level + 1);
                centres.put(e, from + (left + w / 2) / perMilli);
                maxLevel[lane] = Math.max(maxLevel[lane], level + 1);
            }
        }

        double lineHeight = LABEL_SIZE * 1.75;
        double span = maxLevel[0] + maxLevel[1] + 1.6;
        float needed = (float) (span * lineHeight + 46);
        float height = Math.max(minHeight, needed);

        NumberAxis yAxis = new NumberAxis();
        yAxis.setVisible(false);
        yAxis.setRange(-(maxLevel[1] + 0.8), maxLevel[0] + 0.8);
        DateAxis xAxis = new DateAxis();
        xAxis.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
        xAxis.setRange((double) from, (double) to);
        xAxis.setTickUnit(
                new DateTickUnit(DateTickUnitType.MONTH, tickMonths(first, last), new SimpleDateFormat("yyyy.M")));
        xAxis.setTickLabelFont(style.font(7f));
        xAxis.setAxisLineVisible(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), xAxis, yAxis, new XYLineAndShapeRenderer(false, false));
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinePaint(style.grid());
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 0, 4, 0));
        ValueMarker axisLine = new ValueMarker(0, style.ink(), new BasicStroke(1.2f));
        plot.addRangeMarker(axisLine);

        Color[] laneColour = {style.palette().get(1), style.palette().get(0)};
        for (int lane = 0; lane < Math.min(2, laneKeys.size()); lane++) {
            String key = laneKeys.get(lane);
            double sign = lane == 0 ? 1 : -1;
            XYTextAnnotation name =
                    new XYTextAnnotation(lanes.get(key), from + 4 / perMilli, sign * (maxLevel[lane] + 0.35));
            name.setFont(style.font(9f).deriveFont(Font.BOLD));
            name.setPaint(laneColour[lane]);
            name.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(name);
            List<XYTextAnnotation> labels = new ArrayList<>();
            for (ChartData.Event e : events) {
                if (!key.equals(e.lane())) {
                    continue;
                }
                double x = mid(e.month());
                double y = sign * levels.get(e);
                plot.addAnnotation(new XYLineAnnotation(
                        x,
                        0,
                        x,
                        y - sign * 0.3,
                        new BasicStroke(0.5f),
                        style.grid().darker()));
                double r = 2.2 / perMilli;
                plot.addAnnotation(new XYShapeAnnotation(
                        new Ellipse2D.Double(x - r, -0.08, 2 * r, 0.16), null, null, laneColour[lane]));
                XYTextAnnotation label = new XYTextAnnotation(e.label(), centres.get(e), y);
                label.setFont(style.fontFor(e.label(), LABEL_SIZE));
                label.setPaint(style.ink());
                label.setBackgroundPaint(Color.WHITE);
                label.setTextAnchor(TextAnchor.CENTER);
                labels.add(label);
            }
            labels.forEach(plot::addAnnotation);
        }
        JFreeChart chart = new JFreeChart(null, style.font(10f), plot, false);
        style.apply(chart);
        chart.setPadding(new RectangleInsets(2, PAD_X, 2, PAD_X));
        return new Timeline(chart, height);
    }

    private static int tickMonths(YearMonth first, YearMonth last) {
        long months = first.until(last, java.time.temporal.ChronoUnit.MONTHS);
        return months > 48 ? 12 : months > 24 ? 6 : months > 12 ? 3 : 1;
    }

    private static long millis(YearMonth m) {
        return m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static long mid(YearMonth m) {
        return millis(m) + 14L * 24 * 3600 * 1000;
    }
}
