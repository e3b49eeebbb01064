package dev.briefpipe.render.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where lines of text that OpenPDF wraps (table cells, captions) may break. OpenPDF by default breaks
 * between any two CJK characters; these break at spaces (and after '/' or a hyphen inside long tokens
 * such as URLs), and never where the next line would start with closing punctuation or this one end
 * with an opening bracket or quote ({@link LineSetter#NO_START}, {@link LineSetter#NO_END}). Narrative
 * paragraphs are broken by {@link LineSetter} instead.
 */
final class LineBreaks {

    /** Breaks at spaces, and after '/' or '-' inside long tokens, as the kinsoku table allows. */
    static final SplitCharacter WORDS =
            (start, current, end, cc, ck) -> isWordBreak(start, current, cc, ck) && kinsokuAllows(current, end, cc, ck);

    private LineBreaks() {}

    private static boolean isWordBreak(int start, int current, char[] cc, PdfChunk[] ck) {
        char c = charAt(cc, ck, current);
        return c == ' ' || c == '/' || (c == '-' && current > start);
    }

    /** Whether a line may end after char {@code current}: the next visible char may start a line. */
    private static boolean kinsokuAllows(int current, int end, char[] cc, PdfChunk[] ck) {
        int i = current;
        while (i > 0 && charAt(cc, ck, i) == ' ') {
            i--;
        }
        if (LineSetter.NO_END.indexOf(charAt(cc, ck, i)) >= 0) {
            return false;
        }
        int next = current + 1;
        while (next < end && charAt(cc, ck, next) == ' ') {
            next++;
        }
        return next >= end || LineSetter.NO_START.indexOf(charAt(cc, ck, next)) < 0;
    }

    private static char charAt(char[] cc, PdfChunk[] ck, int i) {
        return ck == null ? cc[i] : (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
