package dev.briefpipe.render.pdf;

import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/**
 * The 정정 box of a corrected edition, under the title: its heading (the first line, in the brief's
 * language) and each change, old → new.
 */
final class CorrectionBlockWriter {
    private CorrectionBlockWriter() {}

    static void write(RenderContext ctx, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.BOX);
        cell.setBorderWidth(1.2f);
        cell.setBorderColor(th.accent);
        cell.setPadding(8);
        Paragraph heading = t.paragraph(lines.get(0), th.body, true, th.accent);
        heading.setSpacingAfter(3);
        cell.addElement(heading);
        for (String line : lines.subList(1, lines.size())) {
            Paragraph p = t.paragraph("· " + line, th.body - 1.5f, false, th.ink);
            p.setIndentationLeft(8);
            p.setFirstLineIndent(-8);
            p.setLeading((th.body - 1.5f) * 1.45f);
            cell.addElement(p);
        }
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingBefore(4);
        box.setSpacingAfter(10);
        box.addCell(cell);
        ctx.add(box);
    }
}
