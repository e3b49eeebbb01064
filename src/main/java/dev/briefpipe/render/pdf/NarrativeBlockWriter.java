package dev.briefpipe.render.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.Row;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Section headings and the bullets of a section. A paragraph starts at each top-level bullet; a
 * narrative block may print a range of paragraphs so figures can sit between them. Each bullet has a
 * hanging indent: wrapped lines align with the text, not the marker. A note (※) sits one step in
 * from the bullet it explains.
 */
final class NarrativeBlockWriter {
    private static final float NOTE_STEP = 12;

    private NarrativeBlockWriter() {}

    static void heading(RenderContext ctx, LayoutBlock.Section block) {
        String title = block.title() != null
                ? block.title()
                : ctx.data()
                        .table(block.sheet())
                        .findByKey(String.valueOf(block.number()))
                        .map(r -> r.text("title"))
                        .orElse("");
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        PdfPTable h = new PdfPTable(new float[] {0.32f, 9.68f});
        h.setWidthPercentage(100);
        h.setSpacingBefore(16);
        h.setSpacingAfter(4);
        h.setKeepTogether(true);
        PdfPCell num = new PdfPCell(t.phrase(String.valueOf(block.number()), th.body + 2, true, Color.WHITE));
        num.setBackgroundColor(th.primary);
        num.setBorder(Rectangle.NO_BORDER);
        num.setHorizontalAlignment(Element.ALIGN_CENTER);
        num.setVerticalAlignment(Element.ALIGN_MIDDLE);
        num.setPaddingBottom(5);
        h.addCell(num);
        Phrase p = t.bookmarked(
                title, th.body + 2.5f, true, th.primary, 0, "section-" + block.number(), block.number() + ". " + title);
        PdfPCell cell = new PdfPCell(p);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(th.primary);
        cell.setBorderWidth(1f);
        cell.setPaddingLeft(6);
        cell.setPaddingBottom(5);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        h.addCell(cell);
        ctx.add(h);
    }

    static void bullets(RenderContext ctx, LayoutBlock.Narrative block) {
        List<Row> rows = new ArrayList<>(ctx.data().table(block.sheet()).rows());
        rows.removeIf(r -> !String.valueOf(block.section()).equals(r.text("section")));
        rows.sort(Comparator.comparingLong(r -> r.get("seq") instanceof Long l ? l : 0L));
        int[] range = range(block.paragraphs());
        int paragraph = 0;
        float lastIndent = 0;
        for (Row r : rows) {
            String level = r.text("level");
            BriefTheme.Bullet b = ctx.theme().bullet(level);
            if (ctx.theme().startsParagraph(level)) {
                paragraph++;
            }
            if (paragraph < range[0] || paragraph > range[1]) {
                continue;
            }
            float indent = b.indent() != null ? b.indent() : lastIndent + NOTE_STEP;
            ctx.add(bullet(ctx, b, indent, r));
            if (b.indent() != null) {
                lastIndent = b.indent();
            }
        }
    }

    private static Paragraph bullet(RenderContext ctx, BriefTheme.Bullet b, float indent, Row r) {
        PdfText t = ctx.text();
        Color colour = b.note() ? ctx.theme().muted : ctx.theme().ink;
        // The marker and a gap of fixed width (not a space, which justification would stretch), so the
        // gap after □ ○ - is the same on every line of the document and the wrapped lines align with the text.
        float gap = t.width(" ", ctx.theme().body, false);
        float markerWidth = t.width(b.marker(), b.size(), b.bold()) + gap;
        Paragraph p = t.paragraph(b.size());
        p.setLeading(b.size() * 1.62f);
        p.add(t.phrase(b.marker(), b.size(), b.bold(), colour));
        p.add(fixedGap(ctx, gap));
        p.add(t.phrase(
                r.text("text"), b.size(), b.bold(), colour, r.cell("text").orElse(null), true));
        p.setIndentationLeft(indent + markerWidth);
        p.setFirstLineIndent(-markerWidth);
        p.setSpacingBefore(b.before());
        p.setAlignment(Element.ALIGN_JUSTIFIED);
        return p;
    }

    /** Blank space of a fixed width that line justification leaves alone: an empty form, not a space. */
    static Chunk fixedGap(RenderContext ctx, float width) {
        PdfTemplate blank = ctx.writer().getDirectContent().createTemplate(width, 1f);
        try {
            return new Chunk(Image.getInstance(blank), 0, 0);
        } catch (BadElementException e) {
            throw new IllegalStateException("cannot make a gap: " + e.getMessage(), e);
        }
    }

    /** "1" → [1,1], "2-" → [2,∞], "1-3" → [1,3], null → all. */
    static int[] range(String spec) {
        if (spec == null || spec.isBlank()) {
            return new int[] {1, Integer.MAX_VALUE};
        }
        String s = spec.replace(" ", "");
        int dash = s.indexOf('-');
        if (dash < 0) {
            int n = Integer.parseInt(s);
            return new int[] {n, n};
        }
        int from = Integer.parseInt(s.substring(0, dash));
        String to = s.substring(dash + 1);
        return new int[] {from, to.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(to)};
    }
}
