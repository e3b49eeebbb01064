package dev.briefpipe.render.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tables and lists. A table has a caption ("〈표 N〉 …") or a title, a shaded header repeated on every
 * page, thin rules, numbers right-aligned, long text wrapped, repeated values of the merge column
 * merged down (in a table long enough to break, labelled again atop each page: {@link GroupLabel}),
 * and a source note. A list prints one field per row with a dash and hanging indent.
 */
final class TableBlockWriter {
    private static final float SIZE = 8.8f;
    private static final int KEEP_TOGETHER_ROWS = 20;

    private TableBlockWriter() {}

    static void table(RenderContext ctx, LayoutBlock.Table block, int tableNumber) {
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        Table data = ctx.data().table(block.sheet());
        SheetSchema schema = ctx.brief().sheets().get(block.sheet());
        List<String> cols = block.columns() == null || block.columns().isEmpty() ? data.fields() : block.columns();
        Map<String, String> formats = new java.util.HashMap<>();
        // A number field's own format ("#,##0", "0.00"), or its type's, applies unless the block gives one.
        for (String f : cols) {
            formats.put(f, schema.printFormat(f));
        }
        if (block.formats() != null) {
            formats.putAll(block.formats());
        }
        if (block.title() != null) {
            Paragraph title = t.paragraph(block.title(), 11f, true, th.primary);
            title.setSpacingBefore(8);
            title.setSpacingAfter(6);
            ctx.add(title);
        }
        List<Row> rows = data.rows();
        List<String> corrections = new java.util.ArrayList<>();
        List<CorrectionNotes.Noted> corrected = new java.util.ArrayList<>();
        for (Row r : rows) {
            CorrectionNotes.Noted noted = ctx.corrections().of(ctx, block.sheet(), r, formats);
            noted.notes().forEach(n -> corrections.add("※ " + n));
            corrected.add(noted);
        }
        Map<String, Boolean> longText = new java.util.HashMap<>();
        // A column of numbers: its "-" for a missing value lines up with the numbers, on the right.
        Map<String, Boolean> numeric = new java.util.HashMap<>();
        for (String f : cols) {
            numeric.put(f, rows.stream().anyMatch(r -> ValueFormat.isNumber(r.get(f))));
            longText.put(
                    f,
                    rows.stream()
                            .anyMatch(r -> ValueFormat.format(r.get(f), formats.get(f), ctx)
                                            .length()
                                    > 12));
        }
        String captionText = ctx.caption(block, block.caption(), "caption");
        Setting setting = new Setting(
                ctx,
                block,
                cols,
                formats,
                captionText,
                tableNumber,
                rows,
                corrected,
                corrections,
                longText,
                numeric,
                ctx.caption(block, block.source(), "source"),
                ctx.unverifiedNote(block.sheet(), block.labelColumn()));
        // A short table (as most brief tables are) moves to the next page whole rather than splitting
        // its merged cells; a long one, or a short one taller than a page, splits with its header repeated.
        boolean keep = rows.size() <= KEEP_TOGETHER_ROWS;
        PdfPTable table = build(setting, keep);
        if (keep) {
            table.setTotalWidth(ctx.contentWidth());
            if (table.getTotalHeight() > ctx.document().top() - ctx.document().bottom()) {
                table = build(setting, false);
                keep = false;
            }
        }
        if (keep) {
            ctx.addWhole(table); // waits for the next page, as a figure does, when this one cannot hold it
        } else {
            ctx.flush();
            ctx.add(table);
        }
    }

    /** What one table is set from, worked out once: it may be set twice, merged and then split. */
    private record Setting(
            RenderContext ctx,
            LayoutBlock.Table block,
            List<String> cols,
            Map<String, String> formats,
            String captionText,
            int tableNumber,
            List<Row> rows,
            List<CorrectionNotes.Noted> corrected,
            List<String> corrections,
            Map<String, Boolean> longText,
            Map<String, Boolean> numeric,
            String source,
            String unverified) {}

    /** The table, its merge column as merged cells when {@code keep} (it moves whole), else row by row. */
    private static PdfPTable build(Setting s, boolean keep) {
        RenderContext ctx = s.ctx();
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        LayoutBlock.Table block = s.block();
        SheetSchema schema = ctx.brief().sheets().get(block.sheet());
        List<String> cols = s.cols();
        List<Row> rows = s.rows();
        PdfPTable table = new PdfPTable(cols.size());
        table.setWidthPercentage(100);
        if (block.widths() != null && block.widths().size() == cols.size()) {
            float[] w = new float[cols.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = block.widths().get(i);
            }
            table.setWidths(w);
        }
        table.setHeaderRows(s.captionText() == null ? 1 : 2);
        table.setKeepTogether(keep);
        table.setSpacingBefore(s.captionText() == null ? 2 : 10);
        table.setSpacingAfter(4);
        if (s.captionText() != null) {
            String caption = ctx.fill(
                    ctx.theme().style.tableCaption(), Map.of("n", s.tableNumber(), "caption", s.captionText()));
            Phrase cap = t.bookmarked(caption, 9.5f, true, ctx.theme().ink, 1, "table-" + s.tableNumber(), caption);
            table.addCell(ContinuedCaption.cell(ctx, cap, 9.5f, ctx.theme().ink, Element.ALIGN_CENTER, cols.size()));
        }
        for (String f : cols) {
            table.addCell(header(ctx, heading(ctx, schema, f), SIZE));
        }
        GroupLabel labels = keep || block.merge() == null ? null : new GroupLabel(ctx.writer(), t, SIZE);
        table.setTableEvent(labels);
        PdfPCellEvent group = null;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean lastRow = i == rows.size() - 1;
            for (String f : cols) {
                boolean inGroup = f.equals(block.merge())
                        && i > 0
                        && Objects.equals(rows.get(i - 1).text(f), r.text(f));
                if (inGroup && keep) {
                    continue;
                }
                Object v = r.get(f);
                PdfPCell c = new PdfPCell(s.corrected()
                        .get(i)
                        .tagged(t.phrase(
                                ValueFormat.format(v, s.formats().get(f), ctx),
                                SIZE,
                                false,
                                th.ink,
                                r.cell(f).orElse(null))));
                c.setLeading(0, 1.45f);
                c.setPadding(4);
                c.setPaddingBottom(4.5f);
                c.setBorder(Rectangle.BOTTOM);
                c.setBorderColor(th.rule);
                c.setBorderWidth(0.5f);
                c.setVerticalAlignment(Element.ALIGN_MIDDLE);
                c.setHorizontalAlignment(
                        ValueFormat.isNumber(v) || (v == null && s.numeric().get(f))
                                ? Element.ALIGN_RIGHT
                                : s.longText().get(f) && !f.equals(block.merge())
                                        ? Element.ALIGN_LEFT
                                        : Element.ALIGN_CENTER);
                if (f.equals(block.merge())) {
                    int span = 1;
                    while (i + span < rows.size()
                            && Objects.equals(rows.get(i + span).text(f), r.text(f))) {
                        span++;
                    }
                    if (keep) {
                        c.setRowspan(span);
                        lastRow = i + span == rows.size();
                    } else {
                        // A long table may break inside a group, where a merged cell would leave the rows
                        // on the next page without their label: each row has its own cell, the group's
                        // label in its first and again at the top of each page it runs on.
                        if (!inGroup) {
                            group = v == null
                                    ? labels.group("-", th.muted)
                                    : labels.group(
                                            ValueFormat.format(v, s.formats().get(f), ctx), th.ink);
                        }
                        c.setCellEvent(group);
                        c.setVerticalAlignment(Element.ALIGN_TOP);
                        c.setBorder(span > 1 ? Rectangle.NO_BORDER : Rectangle.BOTTOM);
                        if (inGroup) {
                            c.setPhrase(new Phrase(""));
                        }
                    }
                }
                if (lastRow) {
                    c.setBorderColor(th.primary);
                    c.setBorderWidth(1.2f);
                }
                if (v == null && !inGroup) {
                    c.setPhrase(t.phrase("-", SIZE, false, th.muted));
                }
                table.addCell(c);
                lastRow = i == rows.size() - 1;
            }
        }
        // The source line and a note on unverified rows are the table's last rows: they keep with it.
        note(ctx, table, s.source(), th.muted);
        note(ctx, table, s.unverified(), th.accent);
        s.corrections().forEach(n -> note(ctx, table, n, th.accent));
        return table;
    }

    /** A small line across the table as its last row (nothing for null). */
    private static void note(RenderContext ctx, PdfPTable table, String text, java.awt.Color colour) {
        if (text != null) {
            PdfPCell c = FigureBlockWriter.plain(ctx.text().phrase(text, 7.5f, false, colour), Element.ALIGN_LEFT, 2);
            c.setColspan(table.getNumberOfColumns());
            table.addCell(c);
        }
    }

    /**
     * A column's heading with its unit, "수출액(억 달러)" or "Amount (bn USD)", so a number never prints
     * without one; a heading that already names its unit ("메모리(GB)") stays as written.
     */
    private static String heading(RenderContext ctx, SheetSchema schema, String field) {
        String heading = schema.heading(field);
        String unit = schema.unit(field);
        if (unit == null || unit.isBlank() || heading.contains(unit)) {
            return heading;
        }
        return Messages.forLocale(ctx.locale().toLanguageTag()).get("pdf.heading.unit", heading, unit);
    }

    /** A column header: bold on the header fill, a heavy rule above and a thin one below. */
    static PdfPCell header(RenderContext ctx, String text, float size) {
        BriefTheme th = ctx.theme();
        PdfPCell h = new PdfPCell(ctx.text().phrase(text, size, true, th.ink));
        h.setBackgroundColor(th.headerFill);
        h.setHorizontalAlignment(Element.ALIGN_CENTER);
        h.setVerticalAlignment(Element.ALIGN_MIDDLE);
        h.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
        h.setBorderWidthTop(1.2f);
        h.setBorderColor(th.primary);
        h.setPadding(5);
        return h;
    }

    static void list(RenderContext ctx, LayoutBlock.ListBlock block) {
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        if (block.title() != null) {
            Paragraph title = t.paragraph(block.title(), 12f, true, th.primary);
            title.setSpacingBefore(18);
            title.setSpacingAfter(6);
            ctx.add(title);
        }
        // Set like the narrative's bullets: the same fixed gap after the marker, the same line breaking.
        var item = new NarrativeBlockWriter.Hanging("-", t.fonts().regular(), SIZE, SIZE * 1.5f, th.ink);
        for (Row r : ctx.data().table(block.sheet()).rows()) {
            item.write(ctx, r.text(block.field()), r.cell(block.field()).orElse(null), 0, 1.5f);
        }
    }
}
