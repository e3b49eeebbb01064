package dev.briefpipe.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import dev.briefpipe.failure.MissingGlyph;
import dev.briefpipe.model.CellRef;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes phrases from text: each run of characters in the first face that has them (so a Chinese name
 * inside Korean prose still gets glyphs), lines broken as {@link LineBreaks} says, and every
 * character no face has recorded as a
 * {@link MissingGlyph} instead of silently vanishing. Not thread-safe: one per document.
 */
final class PdfText {
    private final FontSet fonts;
    private final Color ink;
    private final Map<String, Font> cache = new HashMap<>();
    private final List<MissingGlyph> missing = new ArrayList<>();

    PdfText(FontSet fonts, Color ink) {
        this.fonts = fonts;
        this.ink = ink;
    }

    FontSet fonts() {
        return fonts;
    }

    Phrase phrase(String text, float size, boolean bold, Color color, CellRef source) {
        return phrase(text, size, bold, color, source, false);
    }

    /**
     * @param paragraphEnd this text ends a paragraph: keep a short last word with the word before it
     */
    Phrase phrase(String text, float size, boolean bold, Color color, CellRef source, boolean paragraphEnd) {
        Phrase p = new Phrase();
        p.setFont(font(size, bold, color));
        p.setLeading(size * 1.5f);
        StringBuilder run = new StringBuilder();
        FontSet.Face runFace = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            FontSet.Face face = faceFor(cp, bold);
            if (face == null) {
                missing.add(new MissingGlyph(cp, text, source));
                continue;
            }
            if (runFace != null && !face.equals(runFace) && run.length() > 0) {
                p.add(chunk(run.toString(), runFace, size, color));
                run.setLength(0);
            }
            runFace = face;
            run.appendCodePoint(cp);
        }
        if (run.length() > 0) {
            Chunk last = chunk(run.toString(), runFace, size, color);
            if (paragraphEnd) {
                last.setSplitCharacter(LineBreaks.keepShortTail());
            }
            p.add(last);
        }
        return p;
    }

    /**
     * An empty paragraph whose own font is the embedded face: OpenPDF writes the spacing between
     * paragraphs in the paragraph's font, and the default would be a non-embedded Helvetica.
     */
    Paragraph paragraph(float size) {
        Paragraph p = new Paragraph();
        p.setFont(font(size, false, ink));
        return p;
    }

    /** A paragraph holding one phrase of text. */
    Paragraph paragraph(String text, float size, boolean bold, Color color) {
        Paragraph p = paragraph(size);
        p.add(phrase(text, size, bold, color));
        return p;
    }

    Phrase phrase(String text, float size, boolean bold, Color color) {
        return phrase(text, size, bold, color, null);
    }

    /**
     * A phrase that also becomes a bookmark: an invisible anchor carries the tag that
     * {@link PageDecorator} turns into an outline entry at the place the phrase is printed.
     *
     * @param level 0 for a section, 1 for a figure or table under the last section
     * @param key unique per document, so a phrase split over lines is bookmarked once
     */
    Phrase bookmarked(String text, float size, boolean bold, Color color, int level, String key, String title) {
        Phrase p = phrase(text, size, bold, color);
        Chunk anchor = new Chunk(" ", font(size, bold, color));
        anchor.setGenericTag("outline|" + level + "|" + key + "|" + title);
        p.add(0, anchor);
        return p;
    }

    /** Records a character that text drawn outside phrases (chart labels) cannot show. */
    void missing(int codePoint, String text, CellRef source) {
        missing.add(new MissingGlyph(codePoint, text, source));
    }

    /** The width of text in the main face at a size (for hanging indents). */
    float width(String text, float size, boolean bold) {
        return (bold ? fonts.bold() : fonts.regular()).pdf().getWidthPoint(text, size);
    }

    Font font(float size, boolean bold, Color color) {
        return font(bold ? fonts.bold() : fonts.regular(), size, color);
    }

    List<MissingGlyph> missing() {
        return List.copyOf(missing);
    }

    private FontSet.Face faceFor(int cp, boolean bold) {
        if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
            return bold ? fonts.bold() : fonts.regular();
        }
        if (bold && fonts.bold().has(cp)) {
            return fonts.bold();
        }
        return fonts.faceFor(cp).orElse(null);
    }

    private Chunk chunk(String s, FontSet.Face face, float size, Color color) {
        Chunk c = new Chunk(s, font(face, size, color));
        c.setSplitCharacter(LineBreaks.WORDS);
        return c;
    }

    private Font font(FontSet.Face face, float size, Color color) {
        String key = face.file() + "|" + size + "|" + color.getRGB();
        return cache.computeIfAbsent(key, k -> new Font(face.pdf(), size, Font.NORMAL, color));
    }
}
