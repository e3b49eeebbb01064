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
import dev.briefpipe.model.CellRef;
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
    /** A heading's height with three lines of text under it, in points. */
    private static final float HEADING_WITH_NEXT = 96;

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
        // Keep with next: a heading goes to the next page unless three lines of text fit under it.
        if (ctx.writer().getVerticalPosition(true) - HEADING_WITH_NEXT
                < ctx.document().bottom()) {
            ctx.document().newPage();
        }
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
        // The narrative reads in the sheet's row order: a bullet is inserted by inserting a row.
        rows.sort(Comparator.comparingInt(Row::sheetRow));
        int paragraph = 0;
        float lastIndent = 0;
        // What prints, in order: bullets, and rows naming a figure or table (level 그림 or 표; no bullet).
        List<Item> items = new ArrayList<>();
        for (Row r : rows) {
            String level = r.text("level");
            boolean bullet = ctx.theme().isBullet(level);
            boolean lead = bullet && ctx.theme().startsParagraph(level);
            if (lead) {
                paragraph++;
            }
            // Rows before the section's first top-level bullet belong to its first paragraph.
            if (!block.prints(Math.max(paragraph, 1))) {
                continue;
            }
            BriefTheme.Bullet b = bullet ? ctx.theme().bullet(level) : null;
            float indent = b == null ? 0 : b.indent() != null ? b.indent() : lastIndent + NOTE_STEP;
            items.add(new Item(r, b, indent, lead));
            if (b != null && b.indent() != null) {
                lastIndent = b.indent();
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (it.bullet() == null) {
                ctx.place().accept(it.row().text("text").strip()); // the figure or table is printed here
                continue;
            }
            // A lead point (□) is never left alone at the foot of a page: it goes on with its first detail.
            Item next = i + 1 < items.size() ? items.get(i + 1) : null;
            float withNext = it.lead() && next != null && next.bullet() != null && !next.lead()
                    ? hanging(ctx, next.bullet(), CorrectionNotes.Noted.NONE)
                            .start(
                                    ctx,
                                    next.row().text("text"),
                                    next.indent(),
                                    next.bullet().before())
                    : 0;
            CorrectionNotes.Noted corrected = ctx.corrections().of(ctx, block.sheet(), it.row(), java.util.Map.of());
            Hanging h = hanging(ctx, it.bullet(), corrected);
            // A figure waiting for the next page lets the text after it fill this one, each bullet whole.
            ctx.flush(() ->
                    h.start(ctx, it.row().text("text"), it.indent(), it.bullet().before(), true) + withNext);
            h.write(
                    ctx,
                    it.row().text("text"),
                    it.row().cell("text").orElse(null),
                    it.indent(),
                    it.bullet().before(),
                    withNext);
            // Under the footnote policy, a correction is noted under the row it corrects.
            for (String note : corrected.notes()) {
                BriefTheme.Bullet n = ctx.theme().noteBullet();
                hanging(ctx, n, CorrectionNotes.Noted.NONE)
                        .write(ctx, note, null, it.indent() + NOTE_STEP, n.before(), 0);
            }
        }
    }

    /** A row of the narrative to print: a bullet at its indent, or (no bullet) a row placing a block. */
    private record Item(Row row, BriefTheme.Bullet bullet, float indent, boolean lead) {}

    private static Hanging hanging(RenderContext ctx, BriefTheme.Bullet b, CorrectionNotes.Noted corrected) {
        Color colour = b.note() ? ctx.theme().muted : ctx.theme().ink;
        FontSet.Face face = ctx.text().fonts().base(b.bold(), b.serif());
        return new Hanging(
                b.marker(), face, b.size(), b.size() * ctx.theme().style.leading(), colour, corrected);
    }

    /**
     * A marker and its text with a hanging indent, a paragraph per line as {@link LineSetter} breaks it:
     * every line but the last justified, the last at natural spacing. The marker and a gap of fixed
     * width (not a space, which justification would stretch) make the gap after □ ○ - the same on
     * every line of the document, and the wrapped lines align with the text.
     */
    record Hanging(
            String marker,
            FontSet.Face face,
            float size,
            float leading,
            Color colour,
            CorrectionNotes.Noted corrected) {
        Hanging(String marker, FontSet.Face face, float size, float leading, Color colour) {
            this(marker, face, size, leading, colour, CorrectionNotes.Noted.NONE);
        }

        void write(RenderContext ctx, String text, CellRef cell, float indent, float before) {
            write(ctx, text, cell, indent, before, 0);
        }

        /** The lines of {@code text} at {@code indent}, as they are set. */
        private List<LineSetter.Line> lines(RenderContext ctx, String text, FontSet.Face[] faces, float indent) {
            PdfText t = ctx.text();
            LineSetter setter = new LineSetter(
                    text,
                    t.advances(text, faces, size),
                    face.pdf().getWidthPoint(" ", size),
                    ctx.hyphenates() ? LatinHyphens.points(text) : null,
                    face.pdf().getWidthPoint("-", size));
            // A hair less than the measure, so OpenPDF never wraps a line that was set to fit.
            float width = ctx.contentWidth() - indent - markerWidth(ctx) - 0.05f;
            return setter.lines(width, width);
        }

        private float markerWidth(RenderContext ctx) {
            return face.pdf().getWidthPoint(marker, size) + ctx.text().width(" ", ctx.theme().body, false);
        }

        /**
         * The room a bullet needs below it to start on this page: the space before it and the lines that
         * stay together (no first line alone at the foot of a page: up to three lines stay whole, a longer
         * bullet starts with at least two).
         */
        float start(RenderContext ctx, String text, float indent, float before) {
            return start(ctx, text, indent, before, false);
        }

        /** @param whole the room the whole bullet needs, with the leading OpenPDF keeps free under a line */
        float start(RenderContext ctx, String text, float indent, float before, boolean whole) {
            int lines =
                    lines(ctx, text, ctx.text().faces(text, face, null), indent).size();
            return before + (whole ? lines + 1 : lines <= 3 ? lines : 2) * leading;
        }

        /** @param withNext the room the next bullet needs to start, when this one must not end a page without it */
        void write(RenderContext ctx, String text, CellRef cell, float indent, float before, float withNext) {
            PdfText t = ctx.text();
            float gap = t.width(" ", ctx.theme().body, false);
            float markerWidth = markerWidth(ctx);
            FontSet.Face[] faces = t.faces(text, face, cell);
            List<LineSetter.Line> lines = lines(ctx, text, faces, indent);
            int keep = lines.size() <= 3 ? lines.size() : 2;
            // (OpenPDF sets a line only with one more leading free below it.)
            float whole = keep < lines.size() ? 0 : withNext; // a bullet that breaks takes the next along anyway
            if (ctx.writer().getVerticalPosition(true) - before - (keep + 1) * leading - whole
                    < ctx.document().bottom()) {
                ctx.document().newPage();
            }
            for (int i = 0; i < lines.size(); i++) {
                LineSetter.Line line = lines.get(i);
                Paragraph p = t.paragraph(size);
                p.setLeading(leading);
                p.setIndentationLeft(indent + markerWidth);
                if (i == 0) {
                    // The marker carries the row's corrections tag: its page is the row's.
                    p.add(corrected.tagged(
                            t.phrase(marker, t.faces(marker, face, null), 0, marker.length(), size, colour)));
                    p.add(fixedGap(ctx, gap));
                    p.setFirstLineIndent(-markerWidth);
                    p.setSpacingBefore(before);
                }
                p.add(t.phrase(text, faces, line.from(), line.to(), size, colour));
                if (line.hyphen()) {
                    p.add(t.phrase("-", new FontSet.Face[] {faces[line.to() - 1]}, 0, 1, size, colour));
                }
                p.setAlignment(line.justified() ? Element.ALIGN_JUSTIFIED_ALL : Element.ALIGN_LEFT);
                ctx.add(p);
            }
        }
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
}
