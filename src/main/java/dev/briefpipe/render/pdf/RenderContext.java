package dev.briefpipe.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfWriter;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.model.Dataset;

/** What block writers share while one document is being written. */
record RenderContext(Document document, PdfWriter writer, PdfText text, BriefConfig brief, Dataset data) {

  float contentWidth() {
    return document.right() - document.left();
  }

  void add(Element e) {
    try {
      document.add(e);
    } catch (DocumentException ex) {
      throw new IllegalStateException("cannot add to PDF: " + ex.getMessage(), ex);
    }
  }
}
