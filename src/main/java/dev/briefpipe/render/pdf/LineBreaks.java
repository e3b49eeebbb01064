package dev.briefpipe.render.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where lines of text that OpenPDF wraps (table cells, captions) may break. OpenPDF by default breaks
 * between any two CJK characters; these break at spaces (and after '/' or a hyphen inside long tokens
 * such as URLs), so no line starts with closing punctuation. Narrative paragraphs are broken by
 * {@link LineSetter} instead.
 */
final class LineBreaks {

    /** Breaks at spaces, and after '/' or '-' inside long tokens. */
    static final SplitCharacter WORDS = (start, current, end, cc, ck) -> isWordBreak(start, current, cc, ck);

    private LineBreaks() {}

    private static boolean isWordBreak(int start, int current, char[] cc, PdfChunk[] ck) {
        char c = charAt(cc, ck, current);
        return c == ' ' || c == '/' || (c == '-' && current > start);
    }

    private static char charAt(char[] cc, PdfChunk[] ck, int i) {
        return ck == null ? cc[i] : (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
