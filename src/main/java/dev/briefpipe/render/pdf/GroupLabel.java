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
 * again, in its own cell, so rows that ran on past a page break still say which group they are in.
 */
final class GroupLabel implements PdfPCellEvent {
    private final Phrase label;
    private final PdfWriter writer;
    /** The page the label was last shown on; 0 before the group's first row. */
    private int page;

    GroupLabel(Phrase label, PdfWriter writer) {
        this.label = label;
        this.writer = writer;
    }

    @Override
    public void cellLayout(PdfPCell cell, Rectangle at, PdfContentByte[] canvases) {
        int now = writer.getPageNumber();
        boolean first = page == 0;
        if (now == page) {
            return;
        }
        page = now;
        if (first) {
            return;
        }
        ColumnText column = new ColumnText(canvases[PdfPTable.TEXTCANVAS]);
        column.setSimpleColumn(
                at.getLeft() + cell.getEffectivePaddingLeft(),
                at.getBottom(),
                at.getRight() - cell.getEffectivePaddingRight(),
                at.getTop() - cell.getEffectivePaddingTop());
        column.setLeading(0, 1.45f);
        column.setAlignment(cell.getHorizontalAlignment());
        column.addText(label);
        try {
            column.go();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot set a table's group label: " + e.getMessage(), e);
        }
    }
}
