package dev.briefpipe.render.pdf;

import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The label of a group of rows in a long table's merged column ("표준 및 규제"), attached to each row's
 * cell of the group: the first prints it; a later one that is the group's first on a new page prints it
 * again, so rows that ran on past a page break still say which group they are in. A label longer than
 * that row's cell goes on in the cells of the group's next rows, which have no rule between them, as
 * one text runs through linked frames.
 */
final class GroupLabel implements PdfPCellEvent {
    private final Phrase label;
    private final PdfWriter writer;
    /** The page the label was last shown on; 0 before the group's first row. */
    private int page;
    /** The label as set on this page so far, while some of it is still to come; null when done. */
    private ColumnText flowing;

    GroupLabel(Phrase label, PdfWriter writer) {
        this.label = label;
        this.writer = writer;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle at, PdfContentByte[] canvases) {
        int now = writer.getPageNumber();
        boolean first = page == 0;
        if (now != page) {
            page = now;
            if (first) {
                return;
            }
            flowing = new ColumnText(null);
            flowing.setLeading(0, 1.45f);
            flowing.setAlignment(cell.getHorizontalAlignment());
            flowing.addText(label);
        }
        if (flowing == null) {
            return;
        }
        flowing.setCanvas(canvases[PdfPTable.TEXTCANVAS]);
        flowing.setSimpleColumn(
                at.getLeft() + cell.getEffectivePaddingLeft(),
                at.getBottom(),
                at.getRight() - cell.getEffectivePaddingRight(),
                at.getTop() - cell.getEffectivePaddingTop());
        try {
            if (!ColumnText.hasMoreText(flowing.go())) {
                flowing = null;
            }
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot set a table's group label: " + e.getMessage(), e);
        }
    }
}
