package dev.briefpipe.render.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where lines may break. OpenPDF by default breaks between any two Hangul syllables; briefs break at
 * spaces (and after '/' or a hyphen inside long tokens such as URLs), so no line starts with closing
 * punctuation. The last chunk of a paragraph also refuses its last space when the word after it is
 * short, so a paragraph never ends on a line holding only "중" or "있음". The text itself is never
 * changed, so it extracts exactly.
 */
final class LineBreaks {
    /** A final word this short (in characters) is kept with the word before it. */
    static final int SHORT_TAIL = 4;

    /** Breaks at spaces, and after '/' or '-' inside long tokens. */
    static final SplitCharacter WORDS = (start, current, end, cc, ck) -> isWordBreak(start, current, cc, ck);

    /**
     * {@link #WORDS}, except at the last space of the text when the last word is short. One instance
     * per chunk (it remembers how far OpenPDF's scan of the chunk got); not thread-safe.
     */
    static SplitCharacter keepShortTail() {
        return new SplitCharacter() {
            private char[] text;
            private int scanned = -1;

            @Override
            public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
                if (end - start <= 1) {
                    // OpenPDF's probe "may the last space seen break?": that space is the protected one when
                    // the protected space lies at or before where the scan stopped.
                    int last = text == null ? -1 : lastSpace(text);
                    return !(last >= 0 && last <= scanned + 1 && isProtectedSpace(text, null, last, text.length));
                }
                text = cc;
                scanned = current;
                return isWordBreak(start, current, cc, ck) && !isProtectedSpace(cc, ck, current, end);
            }
        };
    }

    private static int lastSpace(char[] cc) {
        for (int i = cc.length - 1; i >= 0; i--) {
            if (cc[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The last space of the text, when the word after it is short. */
    private static boolean isProtectedSpace(char[] cc, PdfChunk[] ck, int at, int end) {
        if (charAt(cc, ck, at) != ' ') {
            return false;
        }
        for (int i = at + 1; i < end; i++) {
            if (charAt(cc, ck, i) == ' ') {
                return false;
            }
        }
        return end - at - 1 <= SHORT_TAIL;
    }

    private LineBreaks() {}

    private static boolean isWordBreak(int start, int current, char[] cc, PdfChunk[] ck) {
        char c = charAt(cc, ck, current);
        return c == ' ' || c == '/' || (c == '-' && current > start);
    }

    private static char charAt(char[] cc, PdfChunk[] ck, int i) {
        return ck == null ? cc[i] : (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
