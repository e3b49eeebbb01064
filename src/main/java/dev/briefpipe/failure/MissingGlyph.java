package dev.briefpipe.failure;

import dev.briefpipe.model.CellRef;
import java.util.Locale;

/**
 * A character that no configured font can draw, where it was met.
 *
 * @param source the workbook cell the text came from, or null for text from config
 */
public record MissingGlyph(int codePoint, String text, CellRef source) {

    /** "U+20000". */
    public String codePointLabel() {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}
