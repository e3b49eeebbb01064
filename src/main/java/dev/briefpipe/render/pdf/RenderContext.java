package dev.briefpipe.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfWriter;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import java.util.Locale;
import java.util.Map;

/**
 * What block writers share while one document is being written.
 *
 * @param meta the brief's title-block values (title, series, number, publisher, date) for text patterns
 */
record RenderContext(
        Document document,
        PdfWriter writer,
        PdfText text,
        BriefTheme theme,
        BriefConfig brief,
        Dataset data,
        Map<String, KeyFigure> figures,
        Map<String, Object> meta,
        Locale locale) {

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

    String fill(String pattern, Map<String, ?> extra) {
        Map<String, Object> all = new java.util.HashMap<>(meta);
        all.putAll(extra);
        return TextPattern.fill(pattern, all, locale);
    }
}
