package dev.briefpipe.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.i18n.TextPattern;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import java.util.Locale;
import java.util.Map;

/**
 * What block writers share while one document is being written.
 *
 * @param meta the brief's title-block values (title, series, number, publisher, date) for text patterns
 * @param place prints the figure or table with this id, where the narrative names it (an id no block
 *     has is a validation error, and prints nothing)
 * @param corrections the notes and errata of rows that correct the published brief
 * @param waiting the figures and short tables waiting for the next page
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
        Locale locale,
        java.util.function.Consumer<String> place,
        CorrectionNotes corrections,
        Waiting waiting) {

    /** Figures and short tables that did not fit on the page where they were named, for the top of the next, and that page. */
    static final class Waiting {
        private final java.util.List<PdfPTable> boxes = new java.util.ArrayList<>();
        private int page;
    }

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

    /** The height left on this page, in points. */
    float room() {
        return writer.getVerticalPosition(true) - document.bottom();
    }

    /**
     * Adds a figure or a short table that stays whole. One that does not fit on this page waits for the top of the next,
     * as a typesetter floats it, and the text after it fills this page rather than a blank.
     */
    void addWhole(PdfPTable box) {
        box.setTotalWidth(contentWidth());
        if (waiting.boxes.isEmpty() && box.getTotalHeight() + box.spacingBefore() < room()) {
            add(box);
        } else {
            if (waiting.boxes.isEmpty()) {
                waiting.page = writer.getPageNumber();
            }
            waiting.boxes.add(box);
        }
    }

    /**
     * Prints the figures waiting at the top of the next page: now, when the text before has just begun
     * one, else on a new page unless what comes next ({@code need} points, worked out only then) still
     * fits on this one.
     */
    void flush(java.util.function.DoubleSupplier need) {
        if (waiting.boxes.isEmpty()) {
            return;
        }
        float room = room(); // (OpenPDF sets the line it holds, and may begin a page doing so)
        if (writer.getPageNumber() == waiting.page && need.getAsDouble() < room) {
            return;
        }
        if (writer.getPageNumber() == waiting.page) {
            document.newPage();
        }
        waiting.boxes.forEach(this::add);
        waiting.boxes.clear();
    }

    /** Prints the figures waiting before anything that is not text. */
    void flush() {
        flush(() -> Double.MAX_VALUE);
    }

    /**
     * Under the brief's {@code footnote} policy, the note naming the rows of a sheet that are not
     * verified (by their {@code label} field), or null when there is none to print.
     */
    String unverifiedNote(String sheet, String label) {
        var policy = brief.editorial().unverified();
        if (policy.policy() != dev.briefpipe.config.EditorialConfig.Policy.FOOTNOTE || label == null) {
            return null;
        }
        java.util.List<String> items = data.findTable(sheet).stream()
                .flatMap(t -> t.rows().stream())
                .filter(policy::matches)
                .map(r -> r.text(label))
                .toList();
        return items.isEmpty() ? null : policy.note().replace("{items}", String.join(", ", items));
    }

    /**
     * A figure's or table's caption or source line: the layout's own, else the field of the captions
     * sheet's row with the block's id, else null.
     */
    String caption(dev.briefpipe.config.LayoutBlock.Placed block, String given, String field) {
        return brief.editorial().caption(data, block.id(), given, field);
    }

    /** Whether Latin words in narrative are hyphenated: as the style says, else for an English brief. */
    boolean hyphenates() {
        Boolean given = brief.style().hyphenate();
        return given != null ? given : locale.getLanguage().equals("en");
    }

    String fill(String pattern, Map<String, ?> extra) {
        Map<String, Object> all = new java.util.HashMap<>(meta);
        all.putAll(extra);
        return TextPattern.fill(pattern, all, locale);
    }
}
