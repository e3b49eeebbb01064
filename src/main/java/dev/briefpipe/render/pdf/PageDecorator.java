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
 * Draws the running header (the brief's title, from page 2 on) and the footer "x / y", and turns
 * tagged headings into bookmarks. The total page count is a template filled in when the document
 * closes. Generic tags have the form {@code outline|<level>|<key>|<title>}; level 0 is a section,
 * level 1 a figure or table under the last section.
 */
final class PageDecorator extends PdfPageEventHelper {
  private static final float FOOT_SIZE = 8.5f;
  private final PdfText text;
  private final String runningTitle;
  private final Map<String, PdfOutline> done = new HashMap<>();
  private PdfTemplate total;
  private PdfOutline currentSection;

  PageDecorator(PdfText text, String runningTitle) {
    this.text = text;
    this.runningTitle = runningTitle;
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
    if (writer.getPageNumber() > 1) {
      ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT,
          text.phrase(runningTitle, 8f, false, BriefTheme.GREY), right, page.getTop() - 38, 0);
      cb.saveState();
      cb.setColorStroke(BriefTheme.RULE);
      cb.setLineWidth(0.5f);
      cb.moveTo(left, page.getTop() - 43);
      cb.lineTo(right, page.getTop() - 43);
      cb.stroke();
      cb.restoreState();
    }
    String current = writer.getPageNumber() + " / ";
    float w = text.width(current, FOOT_SIZE, false);
    float x = (left + right) / 2 - w / 2 - 4;
    float y = 30;
    ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(current, text.font(FOOT_SIZE, false, BriefTheme.GREY)),
        x, y, 0);
    cb.addTemplate(total, x + w, y);
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
        new Phrase(String.valueOf(writer.getPageNumber() - 1), text.font(FOOT_SIZE, false, BriefTheme.GREY)), 0, 0, 0);
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
}
