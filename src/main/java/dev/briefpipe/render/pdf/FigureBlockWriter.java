package dev.briefpipe.render.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import dev.briefpipe.render.chart.BarChartBuilder;
import dev.briefpipe.render.chart.ChartData;
import dev.briefpipe.render.chart.ChartStyle;
import dev.briefpipe.render.chart.LineChartBuilder;
import dev.briefpipe.render.chart.TimelineChartBuilder;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * A figure: caption, the chart drawn as vector graphics into a PDF template, and the source note,
 * kept together on one page.
 */
final class FigureBlockWriter {
    private static final float DEFAULT_HEIGHT = 210;
    /** Without a height, a horizontal bar chart grows with its bars: ten bars take the default height. */
    private static final float HBAR_AXES = 40;

    private static final float HBAR_PER_BAR = 17;
    /** The least room a bar takes, its label (7.5 pt) clear of the next bar's. */
    private static final float HBAR_LEGIBLE = 14;

    private static final float MIN_HEIGHT = 100;
    /** Room a figure keeps on its page for the caption, source and unverified-note lines. */
    private static final float CAPTION_ROOM = 90;

    private FigureBlockWriter() {}

    /**
     * Draws the figure into the PDF as vectors.
     *
     * @param png where to write it also as a picture (the first figure, for the mail), or null
     * @return its caption as printed (the picture's, in the mail), or null without one
     */
    static String write(RenderContext ctx, LayoutBlock.Chart block, int figureNumber, Path png) {
        Table table = ctx.data().table(block.sheet());
        FontSet fonts = ctx.text().fonts();
        List<java.awt.Font> awt = new ArrayList<>();
        awt.add(fonts.regular().awt());
        fonts.fallbacks().forEach(f -> awt.add(f.awt()));
        ChartStyle style = ChartStyle.of(awt);
        float width = ctx.contentWidth() * 0.94f;
        boolean hbar = "hbar".equals(block.kind());
        int hbars = table.rows().size() * block.drawn().size();
        float height = block.height() != null
                ? block.height()
                : hbar ? Math.max(MIN_HEIGHT, HBAR_AXES + HBAR_PER_BAR * hbars) : DEFAULT_HEIGHT;
        if (hbar) { // a height too low for its bars to carry their labels apart is raised to what they need
            height = Math.max(height, HBAR_AXES + HBAR_LEGIBLE * hbars);
        }
        Map<String, String> labels =
                block.labels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(block.labels());
        SheetSchema schema = ctx.brief().sheets().get(block.sheet());
        if (block.values() != null && schema != null) { // each column a series, named by its heading
            block.values().forEach(f -> labels.putIfAbsent(f, legend(schema, f)));
        }
        ChartStyle main = ChartStyle.of(List.of(fonts.regular().awt()));
        labels.values().forEach(l -> {
            for (int cp : main.missing(l)) {
                ctx.text().missing(cp, l, null);
            }
        });
        JFreeChart chart;
        if ("timeline".equals(block.kind())) {
            List<ChartData.Event> events = new ArrayList<>();
            for (Row r : table.rows()) {
                if (r.get(block.drawn().get(0)) instanceof YearMonth m) {
                    check(
                            ctx,
                            style,
                            r.text(block.category()),
                            r.cell(block.category()).orElse(null));
                    events.add(new ChartData.Event(r.line(block.category()), m, r.line(block.series())));
                }
            }
            TimelineChartBuilder.Timeline t = new TimelineChartBuilder(style).build(events, labels, width, height);
            chart = t.chart();
            height = t.height();
        } else {
            String unit = unit(ctx, block);
            ChartData.Bars bars = bars(
                    table,
                    block,
                    unit == null ? null : ctx.theme().style.unitLabel().replace("{unit}", unit),
                    schema == null ? null : schema.printFormat(block.drawn().get(0)),
                    ctx.locale());
            for (Row r : table.rows()) {
                check(
                        ctx,
                        main,
                        r.text(block.category()),
                        r.cell(block.category()).orElse(null));
            }
            chart = "line".equals(block.kind())
                    ? new LineChartBuilder(style).build(bars, labels, width)
                    : new BarChartBuilder(style).build(bars, "hbar".equals(block.kind()), labels);
        }
        // Never taller than a page holds with its caption and source lines: OpenPDF cannot place it.
        height = Math.min(height, ctx.document().top() - ctx.document().bottom() - CAPTION_ROOM);
        PdfTemplate tpl = ctx.writer().getDirectContent().createTemplate(width, height);
        Graphics2D g2 = tpl.createGraphics(width, height, new EmbeddedFontMapper(fonts));
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
        if (png != null) {
            // Twice the PDF's points: sharp in a mail on a high-density screen, some 60 KB.
            try (OutputStream os = Files.newOutputStream(png)) {
                ChartUtils.writeScaledChartAsPNG(os, chart, Math.round(width), Math.round(height), 2, 2);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        PdfText t = ctx.text();
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setKeepTogether(true);
        box.setSpacingBefore(10);
        box.setSpacingAfter(6);
        String captionText = ctx.caption(block, block.caption(), "caption");
        String sourceText = ctx.caption(block, block.source(), "source");
        String caption = captionText == null
                ? null
                : ctx.fill(ctx.theme().style.figureCaption(), Map.of("n", figureNumber, "caption", captionText));
        if (caption != null) {
            Phrase cap = t.bookmarked(caption, 9.5f, true, ctx.theme().ink, 1, "figure-" + figureNumber, caption);
            box.addCell(plain(cap, Element.ALIGN_CENTER, 4));
        }
        try {
            PdfPCell img = new PdfPCell(Image.getInstance(tpl), false);
            img.setBorder(Rectangle.NO_BORDER);
            img.setHorizontalAlignment(Element.ALIGN_CENTER);
            box.addCell(img);
        } catch (BadElementException e) {
            throw new IllegalStateException("chart template rejected: " + e.getMessage(), e);
        }
        if (sourceText != null) {
            box.addCell(plain(t.phrase(sourceText, 7.5f, false, ctx.theme().muted), Element.ALIGN_LEFT, 2));
        }
        String unverified = ctx.unverifiedNote(block.sheet(), block.category());
        if (unverified != null) {
            box.addCell(plain(t.phrase(unverified, 7.5f, false, ctx.theme().accent), Element.ALIGN_LEFT, 2));
        }
        ctx.addWhole(box);
        return caption;
    }

    /**
     * The unit over a bar chart: the block's own ({@code unit: ""} for none), or else its value column's
     * (or derived field's).
     */
    private static String unit(RenderContext ctx, LayoutBlock.Chart block) {
        SheetSchema s = ctx.brief().sheets().get(block.sheet());
        if (block.unit() != null || s == null) {
            return block.unit() == null || block.unit().isBlank() ? null : block.unit();
        }
        return s.unit(block.drawn().get(0));
    }

    /** A column's name in a legend: its heading, without the unit the chart's unit line gives ("예산(억원)"). */
    private static String legend(SheetSchema s, String field) {
        String unit = s.unit(field);
        String heading = s.heading(field);
        return unit == null ? heading : heading.replace("(" + unit + ")", "").strip();
    }

    private static ChartData.Bars bars(
            Table table, LayoutBlock.Chart block, String unit, String format, java.util.Locale locale) {
        String hiField = null;
        String hiValue = null;
        if (block.highlight() != null) {
            String[] kv = block.highlight().split("=", 2);
            hiField = kv[0].trim();
            hiValue = kv[1].trim();
        }
        // Rows of one category (of one line) add up into its bar or point (validation refuses a repeat
        // that cannot).
        Map<List<String>, ChartData.Bar> bars = new LinkedHashMap<>();
        for (Row r : table.rows()) {
            boolean hi = hiField != null && hiValue.equals(r.text(hiField));
            String category = label(r.get(block.category()), r.line(block.category()), locale);
            for (String field : block.drawn()) {
                Object v = r.get(field);
                BigDecimal value = v instanceof Long l ? BigDecimal.valueOf(l) : v instanceof BigDecimal b ? b : null;
                if (value == null) {
                    continue;
                }
                String series = block.values() != null ? field : block.series() == null ? null : r.line(block.series());
                bars.merge(
                        java.util.Arrays.asList(series, category),
                        new ChartData.Bar(category, value, series, hi),
                        (a, b) -> new ChartData.Bar(
                                a.category(),
                                a.value().add(b.value()),
                                a.series(),
                                a.highlighted() || b.highlighted()));
            }
        }
        return new ChartData.Bars(List.copyOf(bars.values()), unit, format);
    }

    /**
     * A bar's name: a month or a day as a brief's chart prints one ("2024.3", "2024.3.27"; in English
     * "Mar" over "2024", every one alike), not as ISO ("2024-03", which broke at its hyphen under the bar).
     */
    private static String label(Object v, String text, java.util.Locale locale) {
        String key = v instanceof java.time.YearMonth
                ? "pdf.chart.month"
                : v instanceof java.time.LocalDate ? "pdf.chart.day" : null;
        return key == null
                ? text
                : java.time.format.DateTimeFormatter.ofPattern(
                                Messages.forLocale(locale.toLanguageTag()).get(key), locale)
                        .format((java.time.temporal.TemporalAccessor) v);
    }

    /** Chart labels are drawn in one face each: report what that face cannot show. */
    private static void check(RenderContext ctx, ChartStyle style, String label, dev.briefpipe.model.CellRef at) {
        for (int cp : style.missing(label)) {
            ctx.text().missing(cp, label, at);
        }
    }

    static PdfPCell plain(Phrase p, int align, float padding) {
        PdfPCell c = new PdfPCell(p);
        c.setBorder(Rectangle.NO_BORDER);
        c.setHorizontalAlignment(align);
        c.setPadding(padding);
        return c;
    }
}
