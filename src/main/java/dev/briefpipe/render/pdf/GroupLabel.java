package dev.briefpipe.render.pdf;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPTableEvent;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * The labels of a long table's groups of rows in its merged column ("표준 및 규제"). A group's first row
 * shows its label as its own text. On each later page the group runs on, the label is set again across
 * the group's cells there, which have no rule between them, once the page's rows are laid out (this
 * table event), where the first of those cells stands in the page's text (reading order): at the
 * table's size, or smaller when those rows are too short for all of it, so rows that ran on past a page
 * break say in full which group they are in (down to 5 pt: a label that needs more shows what fits).
 */
final class GroupLabel implements PdfPTableEvent {
    private static final float SMALLEST = 5f;
    private final PdfWriter writer;
    private final PdfText text;
    private final float size;
    /** The group that runs on atop the page being laid out, and the room its cells give there. */
    private Group continued;
    /** Where its label goes, placed among the cells' text at the first of them (for reading order). */
    private PdfTemplate place;

    private float width;
    private float top;
    private float bottom;
    private int align;

    GroupLabel(PdfWriter writer, PdfText text, float size) {
        this.writer = writer;
        this.text = text;
        this.size = size;
    }

    /** The event of each cell of one group in the merged column. */
    PdfPCellEvent group(String label, Color colour) {
        return new Group(label, colour);
    }

    private final class Group implements PdfPCellEvent {
        private final String label;
        private final Color colour;
        /** The page the group was last laid out on; 0 before its first row. */
        private int page;

        Group(String label, Color colour) {
            this.label = label;
            this.colour = colour;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle at, PdfContentByte[] canvases) {
            int now = writer.getPageNumber();
            if (page != 0 && now != page) {
                continued = this;
                float left = at.getLeft() + cell.getEffectivePaddingLeft();
                width = at.getRight() - cell.getEffectivePaddingRight() - left;
                top = at.getTop() - cell.getEffectivePaddingTop();
                align = cell.getHorizontalAlignment();
                place = canvases[PdfPTable.TEXTCANVAS].createTemplate(width, top);
                canvases[PdfPTable.TEXTCANVAS].addTemplate(place, left, 0);
            }
            if (continued == this) {
                bottom = at.getBottom() + cell.getEffectivePaddingBottom();
            }
            page = now;
        }
    }

    @Override
    public void tableLayout(
            PdfPTable table,
            float[][] widths,
            float[] heights,
            int headerRows,
            int rowStart,
            PdfContentByte[] canvases) {
        if (continued == null) {
            return;
        }
        float at = size;
        float end = set(null, at, top);
        while (Float.isNaN(end) && at > SMALLEST) {
            at -= 0.5f;
            end = set(null, at, top);
        }
        // Made smaller, it stands in the middle of its rows, as their own text does.
        set(place, at, at < size && !Float.isNaN(end) ? top - (end - bottom) / 2 : top);
        continued = null;
        place = null;
    }

    /**
     * Sets the label at a size from a height down, on the canvas (or only tries, on none): how low its
     * last line reaches, NaN when not all of it fits.
     */
    private float set(PdfContentByte canvas, float at, float from) {
        ColumnText c = new ColumnText(canvas);
        c.setSimpleColumn(0, bottom, width, from);
        c.setLeading(0, at < size ? 1.15f : 1.45f);
        c.setAlignment(align);
        c.addText(text.phrase(continued.label, at, false, continued.colour));
        try {
            return ColumnText.hasMoreText(c.go(canvas == null)) ? Float.NaN : c.getYLine();
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("cannot set a table's group label: " + e.getMessage(), e);
        }
    }
}
