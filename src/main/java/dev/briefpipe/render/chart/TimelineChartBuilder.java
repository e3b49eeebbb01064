package dev.briefpipe.render.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A two-lane timeline: a month axis in the middle, the first lane's events above it and the second's
 * below, each label on a leader line from its marker. Labels start at their leader line and climb in a
 * staircase: a label is set one level above every later label whose leader line it would otherwise
 * cross, so no label touches another label, a leader line or a marker. A stretch of more than
 * {@link #LONG_GAP} months without events is drawn short, with a break mark on the axis; year
 * ticks mark each January; each lane is named in its colour at the axis.
 */
public final class TimelineChartBuilder {
    private static final float LABEL_SIZE = 6.8f;
    /** Space between two labels on one level, and between a leader line and its label, in points. */
    private static final double GAP = 6;

    private static final double LEVEL = LABEL_SIZE * 1.8;
    /** A stretch this long (months) without events is drawn as {@link #SHORT} months with a break. */
    private static final int LONG_GAP = 9;

    private static final int SHORT = 3;
    private static final double LANE_NAME = 34;
    private final ChartStyle style;

    public TimelineChartBuilder(ChartStyle style) {
        this.style = style;
    }

    /** The chart, and the height it needs so that stacked labels do not touch. */
    public record Timeline(JFreeChart chart, float height) {}

    /**
     * @param lanes lane keys to display names, first lane above the axis (exactly two are drawn)
     * @param width the width the chart will be drawn at, in points
     * @param minHeight the least height; more is used when the labels need it
     */
    public Timeline build(List<ChartData.Event> events, Map<String, String> lanes, float width, float minHeight) {
        List<String> laneKeys = new ArrayList<>(lanes.keySet());
        List<ChartData.Event> sorted = events.stream()
                .sorted(Comparator.comparing(ChartData.Event::month))
                .toList();
        YearMonth first =
                sorted.isEmpty() ? YearMonth.now(ZoneOffset.UTC) : sorted.get(0).month();
        YearMonth last =
                sorted.isEmpty() ? first : sorted.get(sorted.size() - 1).month();
        Scale scale = new Scale(sorted.stream().map(ChartData.Event::month).toList(), first.minusMonths(1));
        FontRenderContext frc = new FontRenderContext(null, true, true);

        // Points per month: as many as leave every label, which starts at its leader line, inside the width.
        double start = scale.at(first.minusMonths(1));
        double perMonth = (width - LANE_NAME) / (scale.at(last.plusMonths(1)) - start);
        for (ChartData.Event e : sorted) {
            double room = width - LANE_NAME - labelWidth(e, frc) - 2 * GAP;
            perMonth = Math.min(perMonth, room / (scale.at(e.month()) - start));
        }
        double x0 = start - LANE_NAME / perMonth;
        double x1 = x0 + width / perMonth;

        Map<ChartData.Event, Integer> levels = new HashMap<>();
        int[] maxLevel = new int[2];
        for (int lane = 0; lane < Math.min(2, laneKeys.size()); lane++) {
            String key = laneKeys.get(lane);
            List<ChartData.Event> inLane =
                    sorted.stream().filter(e -> key.equals(e.lane())).toList();
            // Right to left: a label climbs above every later leader line its span (plus a gap) covers.
            for (int i = inLane.size() - 1; i >= 0; i--) {
                ChartData.Event e = inLane.get(i);
                double x = scale.at(e.month()) * perMonth;
                double end = x + labelWidth(e, frc) + 2 * GAP;
                int level = 1;
                for (int j = i + 1; j < inLane.size(); j++) {
                    double xj = scale.at(inLane.get(j).month()) * perMonth;
                    if (xj <= end) {
                        level = Math.max(level, levels.get(inLane.get(j)) + 1);
                    }
                }
                levels.put(e, level);
                maxLevel[lane] = Math.max(maxLevel[lane], level);
            }
        }

        double top = maxLevel[0] + 0.7;
        double bottom = -(maxLevel[1] + 1.9); // room for the year ticks under the lower lane
        float height = (float) Math.max(minHeight, (top - bottom) * LEVEL + 8);
        NumberAxis xAxis = new NumberAxis();
        xAxis.setVisible(false);
        xAxis.setRange(x0, x1);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setVisible(false);
        yAxis.setRange(bottom, top);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), xAxis, yAxis, new XYLineAndShapeRenderer(false, false));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 0, 4, 0));

        axis(plot, scale, first, last, x1, bottom, perMonth);
        Color[] laneColour = {style.palette().get(1), style.palette().get(0)};
        for (int lane = 0; lane < Math.min(2, laneKeys.size()); lane++) {
            String key = laneKeys.get(lane);
            double sign = lane == 0 ? 1 : -1;
            XYTextAnnotation name = new XYTextAnnotation(lanes.get(key), x0, sign * 0.55);
            name.setFont(style.font(8.5f).deriveFont(Font.BOLD));
            name.setPaint(laneColour[lane]);
            name.setTextAnchor(TextAnchor.CENTER_LEFT);
            plot.addAnnotation(name);
            for (ChartData.Event e : sorted) {
                if (!key.equals(e.lane())) {
                    continue;
                }
                double x = scale.at(e.month());
                double y = sign * levels.get(e);
                plot.addAnnotation(new XYLineAnnotation(
                        x, 0, x, y, new BasicStroke(0.5f), style.grid().darker()));
                double r = 2.2 / perMonth;
                double ry = 2.2 / LEVEL;
                plot.addAnnotation(new XYShapeAnnotation(
                        new Ellipse2D.Double(x - r, -ry, 2 * r, 2 * ry), null, null, laneColour[lane]));
                XYTextAnnotation label = new XYTextAnnotation(e.label(), x + (GAP / 2) / perMonth, y);
                label.setFont(style.fontFor(e.label(), LABEL_SIZE));
                label.setPaint(style.ink());
                label.setTextAnchor(TextAnchor.CENTER_LEFT);
                plot.addAnnotation(label);
            }
        }
        JFreeChart chart = new JFreeChart(null, style.font(10f), plot, false);
        style.apply(chart);
        // (after the theme, which would set its own axis offset and narrow the plot)
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 0, 4, 0));
        chart.setPadding(new RectangleInsets(2, 0, 2, 0));
        return new Timeline(chart, height);
    }

    /** The axis line, a break mark on each shortened stretch, and a tick with its year at each January. */
    private void axis(XYPlot plot, Scale scale, YearMonth first, YearMonth last, double x1, double bottom, double pm) {
        double from = scale.at(first.minusMonths(1));
        BasicStroke line = new BasicStroke(1.2f);
        double y = bottom + 0.9;
        for (double[] part : scale.parts(from, x1)) {
            plot.addAnnotation(new XYLineAnnotation(part[0], 0, part[1], 0, line, style.ink()));
        }
        for (double at : scale.breaks()) {
            for (double dx : new double[] {-1.5, 1.5}) {
                plot.addAnnotation(new XYLineAnnotation(
                        at + (dx - 1.5) / pm, -0.35, at + (dx + 1.5) / pm, 0.35, new BasicStroke(0.8f), style.ink()));
            }
        }
        for (YearMonth m = YearMonth.of(first.getYear() + 1, 1); !m.isAfter(last.plusMonths(1)); m = m.plusYears(1)) {
            if (scale.hidden(m)) {
                continue;
            }
            double x = scale.at(m);
            plot.addAnnotation(new XYLineAnnotation(
                    x, bottom + 1.5, x, plot.getRangeAxis().getUpperBound(), dashed(), style.grid()));
            XYTextAnnotation year = new XYTextAnnotation(String.valueOf(m.getYear()), x, y);
            year.setFont(style.font(7.5f));
            year.setPaint(style.ink());
            year.setTextAnchor(TextAnchor.CENTER);
            plot.addAnnotation(year);
        }
        // The first event's year and month, as no January precedes it; and those of the first event
        // after a break, when its stretch has no January to tell its year.
        List<YearMonth[]> stretches = scale.stretches(first, last.plusMonths(1));
        for (YearMonth[] s : stretches) {
            boolean january = !YearMonth.of(s[1].getYear(), 1).isBefore(s[0]);
            if (s == stretches.get(0) || !january) {
                XYTextAnnotation start =
                        new XYTextAnnotation(s[0].getYear() + "." + s[0].getMonthValue(), scale.at(s[0]), y);
                start.setFont(style.font(7.5f));
                start.setPaint(style.ink());
                start.setTextAnchor(TextAnchor.CENTER);
                plot.addAnnotation(start);
            }
        }
    }

    private static BasicStroke dashed() {
        return new BasicStroke(0.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f, new float[] {2f, 2f}, 0f);
    }

    private double labelWidth(ChartData.Event e, FontRenderContext frc) {
        return style.fontFor(e.label(), LABEL_SIZE)
                .getStringBounds(e.label(), frc)
                .getWidth();
    }

    /**
     * Months on the axis, in months from the first event, with every stretch of more than
     * {@link #LONG_GAP} months between two events drawn {@link #SHORT} months long.
     */
    static final class Scale {
        private final YearMonth origin;
        /** Shortened stretches: [from, to) as months from the origin. */
        private final List<long[]> cuts = new ArrayList<>();

        Scale(List<YearMonth> months, YearMonth origin) {
            this.origin = origin;
            for (int i = 1; i < months.size(); i++) {
                long a = origin.until(months.get(i - 1), ChronoUnit.MONTHS);
                long b = origin.until(months.get(i), ChronoUnit.MONTHS);
                if (b - a > LONG_GAP) {
                    cuts.add(new long[] {a + 1, b - 1});
                }
            }
        }

        /** Where a month's middle sits on the axis. */
        double at(YearMonth m) {
            double x = origin.until(m, ChronoUnit.MONTHS) + 0.5;
            double shift = 0;
            for (long[] c : cuts) {
                double len = c[1] - c[0];
                if (x >= c[1]) {
                    shift += len - SHORT;
                } else if (x > c[0]) {
                    return c[0] - shift + (x - c[0]) * SHORT / len;
                }
            }
            return x - shift;
        }

        /** Whether a month falls inside a shortened stretch (its tick is left out). */
        boolean hidden(YearMonth m) {
            long x = origin.until(m, ChronoUnit.MONTHS);
            return cuts.stream().anyMatch(c -> x > c[0] && x < c[1]);
        }

        /** The middle of each shortened stretch on the axis. */
        List<Double> breaks() {
            List<Double> out = new ArrayList<>();
            double shift = 0;
            for (long[] c : cuts) {
                out.add(c[0] - shift + SHORT / 2.0);
                shift += c[1] - c[0] - SHORT;
            }
            return out;
        }

        /** Each stretch of the axis between breaks, as its first and last month. */
        List<YearMonth[]> stretches(YearMonth first, YearMonth end) {
            List<YearMonth[]> out = new ArrayList<>();
            YearMonth from = first;
            for (long[] c : cuts) {
                out.add(new YearMonth[] {from, origin.plusMonths(c[0])});
                from = origin.plusMonths(c[1] + 1);
            }
            out.add(new YearMonth[] {from, end});
            return out;
        }

        /** The axis from {@code from} to {@code to}, left open at each break. */
        List<double[]> parts(double from, double to) {
            List<double[]> out = new ArrayList<>();
            double start = from;
            for (double b : breaks()) {
                out.add(new double[] {start, b - 0.35});
                start = b + 0.35;
            }
            out.add(new double[] {start, to});
            return out;
        }
    }
}
