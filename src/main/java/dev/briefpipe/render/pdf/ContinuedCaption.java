package dev.briefpipe.render.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import dev.briefpipe.i18n.Messages;
import java.awt.Color;

/**
 * A table's caption, repeated with its header on each page the table runs on, says on every page
 * after the first that the table goes on there ("[표 1] … (계속)"), so a reader does not take the rest
 * for a table of its own. The mark follows the caption's one line, on its baseline.
 */
final class ContinuedCaption implements PdfPCellEvent {
    private final Phrase caption;
    private final Phrase mark;
    private int drawn;

    ContinuedCaption(Phrase caption, Phrase mark) {
        this.caption = caption;
        this.mark = mark;
    }

    /** The header cell of a caption, spanning the table, marked in its own face on the pages after the first. */
    static PdfPCell cell(RenderContext ctx, Phrase caption, float size, Color color, int align, int columns) {
        String word = " " + Messages.forLocale(ctx.locale().toLanguageTag()).get("pdf.table.continued");
        PdfPCell c = FigureBlockWriter.plain(caption, align, align == Element.ALIGN_CENTER ? 4 : 0);
        c.setColspan(columns);
        c.setPaddingBottom(6);
        c.setCellEvent(new ContinuedCaption(caption, ctx.text().phrase(word, size, true, color)));
        return c;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle at, PdfContentByte[] canvases) {
        if (drawn++ == 0) {
            return;
        }
        float width = ColumnText.getWidth(caption);
        float left = at.getLeft() + cell.getEffectivePaddingLeft();
        float right = at.getRight() - cell.getEffectivePaddingRight();
        float end = cell.getHorizontalAlignment() == Element.ALIGN_CENTER ? (left + right + width) / 2 : left + width;
        ColumnText.showTextAligned(
                canvases[PdfPTable.TEXTCANVAS],
                Element.ALIGN_LEFT,
                mark,
                end,
                at.getBottom() + cell.getEffectivePaddingBottom(),
                0);
    }
}
