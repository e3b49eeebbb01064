package dev.briefpipe.render.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.KeyFigure;

/** A row of boxes: each key figure's value, large, with its unit, and its label beneath. */
final class KeyFiguresBlockWriter {
    private KeyFiguresBlockWriter() {}

    static void write(RenderContext ctx, LayoutBlock.KeyFigures block) {
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        if (block.title() != null) {
            Paragraph title = t.paragraph(block.title(), th.body + 0.5f, true, th.primary);
            title.setSpacingBefore(10);
            title.setSpacingAfter(4);
            ctx.add(title);
        }
        PdfPTable row = new PdfPTable(block.figures().size());
        row.setWidthPercentage(100);
        row.setSpacingBefore(4);
        row.setSpacingAfter(8);
        row.setKeepTogether(true);
        for (String id : block.figures()) {
            KeyFigure f = ctx.figures().get(id);
            Phrase value = t.phrase(f.formatted(ctx.locale()), th.body + 7, true, th.accent);
            if (!f.unitAfter().isEmpty()) {
                value.add(t.phrase(f.unitAfter(), th.body - 1, false, th.muted));
            }
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.TOP);
            cell.setBorderWidth(2f);
            cell.setBorderColor(th.primary);
            cell.setBackgroundColor(th.headerFill);
            cell.setPadding(8);
            Paragraph v = t.paragraph(th.body);
            v.add(value);
            v.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(v);
            // The last two words held together, so a wrapped label never leaves one word alone.
            String text = f.label().strip();
            int last = text.lastIndexOf(' ');
            if (last > 0 && text.indexOf(' ') < last) {
                text = text.substring(0, last) + '\u00A0' + text.substring(last + 1);
            }
            Paragraph label = t.paragraph(text, th.body - 2, false, th.ink);
            label.setAlignment(Element.ALIGN_CENTER);
            label.setLeading((th.body - 2) * 1.4f);
            cell.addElement(label);
            row.addCell(cell);
        }
        ctx.add(row);
    }
}
