package dev.briefpipe.render.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.Row;
import java.awt.Color;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first-page header: a band with the series label and the style's band text (number, date…),
 * the title, and the authors with their units, closed by a rule.
 */
final class TitleBlockWriter {
    private TitleBlockWriter() {}

    static void write(RenderContext ctx, LayoutBlock.Title block) {
        if (block.isCover()) {
            cover(ctx, block);
            return;
        }
        Row meta = ctx.data().table(block.sheet()).rows().get(0);
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        PdfPTable band = new PdfPTable(new float[] {1.1f, 4f});
        band.setWidthPercentage(100);
        PdfPCell series = new PdfPCell(t.phrase(
                meta.text("series"),
                th.body + 0.5f,
                true,
                Color.WHITE,
                meta.cell("series").orElse(null)));
        series.setBackgroundColor(th.primary);
        series.setBorder(Rectangle.NO_BORDER);
        series.setHorizontalAlignment(Element.ALIGN_CENTER);
        series.setVerticalAlignment(Element.ALIGN_MIDDLE);
        series.setPadding(6);
        band.addCell(series);
        PdfPCell info = new PdfPCell(t.phrase(ctx.fill(th.style.band(), Map.of()), th.body - 1.5f, false, th.muted));
        info.setBorder(Rectangle.BOTTOM);
        info.setBorderColor(th.primary);
        info.setBorderWidth(1.5f);
        info.setHorizontalAlignment(Element.ALIGN_RIGHT);
        info.setVerticalAlignment(Element.ALIGN_MIDDLE);
        info.setPadding(6);
        band.addCell(info);
        ctx.add(band);

        float size = th.style.titleSize();
        Paragraph title = t.paragraph(size);
        title.add(t.phrase(
                meta.text("title"), size, true, th.primary, meta.cell("title").orElse(null)));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setLeading(size * 1.4f);
        title.setSpacingBefore(size * 1.3f);
        title.setSpacingAfter(size * 0.7f);
        ctx.add(title);

        if (block.authors() != null) {
            String line = authors(ctx, block)
                    .map(r -> r.text("unit") + " " + r.text("name"))
                    .collect(Collectors.joining("  ·  "));
            Paragraph p = t.paragraph(line, th.body - 1, false, th.muted);
            p.setAlignment(Element.ALIGN_RIGHT);
            p.setSpacingAfter(6);
            ctx.add(p);
        }
        rule(ctx, 0.8f, 8);
    }

    /** A cover page: the band (series, number, date), the title a third down the page, the authors, the publisher. */
    private static void cover(RenderContext ctx, LayoutBlock.Title block) {
        Row meta = ctx.data().table(block.sheet()).rows().get(0);
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        Paragraph band = t.paragraph(ctx.fill(th.style.band(), Map.of()), th.body, true, th.primary);
        band.setAlignment(Element.ALIGN_LEFT);
        ctx.add(band);
        float size = th.style.titleSize() * 1.3f;
        Paragraph title = t.paragraph(size);
        title.add(t.phrase(
                meta.text("title"), size, true, th.primary, meta.cell("title").orElse(null)));
        title.setAlignment(Element.ALIGN_LEFT);
        title.setLeading(size * 1.35f);
        title.setSpacingBefore(ctx.document().getPageSize().getHeight() / 4);
        title.setSpacingAfter(size);
        ctx.add(title);
        rule(ctx, 2f, 14);
        if (block.authors() != null) {
            authors(ctx, block).forEach(r -> {
                Paragraph p = t.paragraph(r.text("name") + "   " + r.text("unit"), th.body + 1, false, th.ink);
                p.setSpacingAfter(3);
                ctx.add(p);
            });
        }
        Paragraph publisher = t.paragraph(meta.text("publisher"), th.body + 4, true, th.primary);
        publisher.setAlignment(Element.ALIGN_RIGHT);
        publisher.setSpacingBefore(ctx.document().getPageSize().getHeight() / 5);
        ctx.add(publisher);
        ctx.document().newPage();
    }

    /** A full-width rule in the primary colour, {@code height} points of space under it. */
    private static void rule(RenderContext ctx, float weight, float height) {
        PdfPTable rule = new PdfPTable(1);
        rule.setWidthPercentage(100);
        PdfPCell line = new PdfPCell();
        line.setBorder(Rectangle.TOP);
        line.setBorderColor(ctx.theme().primary);
        line.setBorderWidth(weight);
        line.setFixedHeight(height);
        rule.addCell(line);
        ctx.add(rule);
    }

    /** The authors' rows in their order. */
    private static java.util.stream.Stream<Row> authors(RenderContext ctx, LayoutBlock.Title block) {
        return ctx.data().table(block.authors()).rows().stream()
                .sorted(Comparator.comparing(r -> r.get("order") instanceof Long l ? l : 0L));
    }
}
