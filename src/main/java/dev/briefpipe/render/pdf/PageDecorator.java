package dev.briefpipe.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Draws the running header (from page 2 on) and the footer ("x / y" by default), and turns tagged
 * headings into bookmarks. The total page count is a template filled in when the document closes,
 * which is why {@code {pages}} must end the footer pattern. Generic tags have the form {@code outline|<level>|<key>|<title>}; level 0 is a section,
 * level 1 a figure or table under the last section.
 */
final class PageDecorator extends PdfPageEventHelper {
    private static final float FOOT_SIZE = 8.5f;
    private final PdfText text;
    private final BriefTheme theme;
    private final String runningTitle;
    private final String footerBeforeTotal;
    private final boolean footerHasTotal;
    private final Map<String, PdfOutline> done = new HashMap<>();
    private PdfTemplate total;
    private int pages;
    private PdfOutline currentSection;

    /**
     * @param runningTitle the header text ("" = no header)
     * @param footer the footer pattern with {page} and, at its end, {pages}
     */
    PageDecorator(PdfText text, BriefTheme theme, String runningTitle, String footer) {
        this.text = text;
        this.theme = theme;
        this.runningTitle = runningTitle;
        int total = footer.indexOf("{pages}");
        this.footerHasTotal = total >= 0;
        this.footerBeforeTotal = total >= 0 ? footer.substring(0, total) : footer;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 14);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float left = document.left();
        float right = document.right();
        if (writer.getPageNumber() > 1 && !runningTitle.isEmpty()) {
            ColumnText.showTextAligned(
                    cb,
                    Element.ALIGN_RIGHT,
                    text.phrase(runningTitle, 8f, false, theme.muted),
                    right,
                    page.getTop() - 38,
                    0);
            cb.saveState();
            cb.setColorStroke(theme.rule);
            cb.setLineWidth(0.5f);
            cb.moveTo(left, page.getTop() - 43);
            cb.lineTo(right, page.getTop() - 43);
            cb.stroke();
            cb.restoreState();
        }
        String current = footerBeforeTotal.replace("{page}", String.valueOf(writer.getPageNumber()));
        float w = text.width(current, FOOT_SIZE, false);
        float x = (left + right) / 2 - w / 2 - (footerHasTotal ? 4 : 0);
        float y = 30;
        ColumnText.showTextAligned(
                cb, Element.ALIGN_LEFT, text.phrase(current, FOOT_SIZE, false, theme.muted), x, y, 0);
        if (footerHasTotal) {
            cb.addTemplate(total, x + w, y);
        }
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        pages = writer.getPageNumber() - 1; // the page begun last was left empty, and so not written
        ColumnText.showTextAligned(
                total,
                Element.ALIGN_LEFT,
                new Phrase(String.valueOf(pages), text.font(FOOT_SIZE, false, theme.muted)),
                0,
                0,
                0);
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
        String[] parts = tag.split("\\|", 4);
        if (parts.length != 4 || !parts[0].equals("outline") || done.containsKey(parts[2])) {
            return;
        }
        PdfDestination dest = new PdfDestination(PdfDestination.FITH, rect.getTop() + 14);
        boolean child = parts[1].equals("1") && currentSection != null;
        PdfOutline outline = new PdfOutline(child ? currentSection : writer.getRootOutline(), dest, parts[3], !child);
        if (!child) {
            currentSection = outline;
        }
        done.put(parts[2], outline);
    }

    /** How many pages the document has, once it is closed. */
    int pages() {
        return pages;
    }
}
