package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.util.List;
import java.util.Optional;

/**
 * The fonts a brief is typeset in: one family's sans regular and bold and serif regular faces, and
 * fallback faces for characters the family lacks, each as a PDF font (embedded as a subset) and the
 * matching AWT font made from the same bytes, so chart text is measured with the widths it is drawn
 * with.
 */
public record FontSet(Face regular, Face bold, Face serif, List<Face> fallbacks) {

    public FontSet {
        fallbacks = List.copyOf(fallbacks);
    }

    /**
     * One font file as PDF font and, for the faces charts draw with (regular and fallbacks), AWT font;
     * {@code name} is its file name; {@code awt} is null for the bold and serif faces.
     */
    public record Face(String name, BaseFont pdf, java.awt.Font awt) {
        public boolean has(int codePoint) {
            return pdf.charExists(codePoint);
        }
    }

    /** The face text of a level starts in: bold wins (a heading), then serif or sans. */
    public Face base(boolean bold, boolean serif) {
        return bold ? this.bold : serif ? this.serif : regular;
    }

    /** The first face (the family's regular, then fallbacks) that has the code point, if any. */
    public Optional<Face> faceFor(int codePoint) {
        if (regular.has(codePoint)) {
            return Optional.of(regular);
        }
        return fallbacks.stream().filter(f -> f.has(codePoint)).findFirst();
    }

    /** The first fallback that has every character of a word, if any. */
    public Optional<Face> fallbackFor(String word) {
        return fallbacks.stream()
                .filter(f -> word.codePoints().allMatch(cp -> Character.isWhitespace(cp) || f.has(cp)))
                .findFirst();
    }

    /** Every face, the family's first. */
    public List<Face> all() {
        List<Face> all = new java.util.ArrayList<>(List.of(regular, bold, serif));
        all.addAll(fallbacks);
        return all;
    }

    /** True when some face has a glyph for every non-space character of {@code text}. */
    public boolean canDisplay(String text) {
        return text.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp) || faceFor(cp).isPresent());
    }
}
