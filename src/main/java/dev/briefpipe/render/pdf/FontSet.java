package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Path;
import java.util.List;

/**
 * The fonts a brief is typeset in: the Korean regular and bold faces, and fallback faces for
 * characters they lack, each as a PDF font (embedded as a subset) and the matching AWT font made
 * from the same file, so chart text is measured with the widths it is drawn with.
 */
public record FontSet(Face regular, Face bold, List<Face> fallbacks) {

    public FontSet {
        fallbacks = List.copyOf(fallbacks);
    }

    /** One font file as PDF and AWT font. */
    public record Face(Path file, BaseFont pdf, java.awt.Font awt) {
        public boolean has(int codePoint) {
            return pdf.charExists(codePoint);
        }
    }

    /** The first face (regular, then fallbacks) that has the code point, if any. */
    public java.util.Optional<Face> faceFor(int codePoint) {
        if (regular.has(codePoint)) {
            return java.util.Optional.of(regular);
        }
        return fallbacks.stream().filter(f -> f.has(codePoint)).findFirst();
    }

    /** True when some face has a glyph for every non-space character of {@code text}. */
    public boolean canDisplay(String text) {
        return text.codePoints()
                .allMatch(cp -> Character.isWhitespace(cp) || faceFor(cp).isPresent());
    }
}
