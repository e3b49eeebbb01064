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

  /** {@link #WORDS}, except at the last space of the text when the last word is short. */
  static final SplitCharacter KEEP_SHORT_TAIL = (start, current, end, cc, ck) -> {
    if (end - start <= 1) {
      // OpenPDF's probe with a lone space ("may a space break?") cannot tell which space it is;
      // the scan over the real text has already recorded every allowed break.
      return false;
    }
    if (isWordBreak(start, current, cc, ck) && charAt(cc, ck, current) == ' ') {
      int tail = 0;
      for (int i = current + 1; i < end; i++) {
        if (charAt(cc, ck, i) == ' ') {
          return true;
        }
        tail++;
      }
      return tail > SHORT_TAIL;
    }
    return isWordBreak(start, current, cc, ck);
  };

  private LineBreaks() {}

  private static boolean isWordBreak(int start, int current, char[] cc, PdfChunk[] ck) {
    char c = charAt(cc, ck, current);
    return c == ' ' || c == '/' || (c == '-' && current > start);
  }

  private static char charAt(char[] cc, PdfChunk[] ck, int i) {
    return ck == null ? cc[i] : (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
  }
}
