package dev.briefpipe.render.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a paragraph into lines the way a Korean brief is set. Lines break at spaces; a justified line
 * may stretch its spaces to at most twice their natural width, and when a break at a space would
 * stretch them further the line breaks between two Hangul syllables instead (as HWP does), carrying
 * at least two syllables over. A line that still could not be justified within the bound (a long URL
 * next) is set ragged rather than with rivers. Kinsoku: no line starts with closing punctuation
 * ({@code · ) ] } , . ? ! : ; 」 』 ’ ” 〉 》 %}) and none ends with an opening bracket or quote; a
 * name in brackets never breaks between its syllables. A paragraph's last line is never a lone short
 * word, and the last line is set at natural spacing. The text is never changed, so it extracts
 * exactly, except that where hyphenation points are given (Latin text) a line may end inside a word
 * with a hyphen added: when no space keeps the bound, or when the space would leave the line looser
 * than {@link #COMFORT} and a later hyphen keeps the bound.
 */
final class LineSetter {
    /** The most a justified space may grow, as a multiple of its natural width. */
    static final float MAX_STRETCH = 2f;
    /** A last word this short (in characters) never stands alone on the last line. */
    static final int SHORT_TAIL = 4;
    /** A justified space stretched beyond this (a multiple of its width) is loose: a hyphen is better. */
    static final float COMFORT = 1.5f;

    /** Kinsoku: no line starts with one of these… */
    static final String NO_START = "·)]},.?!:;」』’”〉》%、。";
    /** …and none ends with one of these. */
    static final String NO_END = "([{「『‘“〈《";

    /**
     * One line of a paragraph: the text from {@code from} to {@code to}, without the spaces it broke at.
     *
     * @param justified to be stretched to the measure; false for the last line and a line that could
     *     not be stretched within the bound
     * @param hyphen the line ends inside a word: a hyphen is printed after it
     */
    record Line(int from, int to, boolean justified, boolean hyphen) {}

    private final String text;
    private final float[] at; // at[i] = width of text[0, i)
    private final float space;
    private final int[] depth; // bracket depth before each char
    private final boolean[] hyphens; // hyphens[i]: may break before char i with a hyphen (or null)
    private final float hyphen; // the width of the hyphen

    /**
     * @param advances the width of each char of the text (0 for the low half of a surrogate pair)
     * @param space the natural width of a space
     */
    LineSetter(String text, float[] advances, float space) {
        this(text, advances, space, null, 0);
    }

    /**
     * @param hyphens where a word may break with a hyphen ({@link LatinHyphens#points}), or null for none
     * @param hyphen the width of the hyphen
     */
    LineSetter(String text, float[] advances, float space, boolean[] hyphens, float hyphen) {
        this.text = text;
        this.space = space;
        this.hyphens = hyphens;
        this.hyphen = hyphen;
        at = new float[text.length() + 1];
        depth = new int[text.length() + 1];
        int d = 0;
        for (int i = 0; i < text.length(); i++) {
            at[i + 1] = at[i] + advances[i];
            depth[i] = d;
            char c = text.charAt(i);
            if ("([{「『〈《".indexOf(c) >= 0) {
                d++;
            } else if (d > 0 && ")]}」』〉》".indexOf(c) >= 0) {
                d--;
            }
        }
        depth[text.length()] = d;
    }

    /** The lines, the first {@code first} wide and the others {@code rest} wide (points). */
    List<Line> lines(float first, float rest) {
        List<Line> lines = new ArrayList<>();
        int start = skipSpaces(0);
        float width = first;
        while (start < text.length()) {
            int end = trimEnd(start, text.length());
            if (width(start, end) <= width) {
                lines.add(new Line(start, end, false, false));
                break;
            }
            int b = breakFor(start, width, rest);
            lines.add(new Line(start, trimEnd(start, b), stretchOk(start, b, width), hyphenAt(b)));
            start = skipSpaces(b);
            width = rest;
        }
        return lines;
    }

    /**
     * Where the line starting at {@code start} ends (exclusive), {@code width} wide: of the breaks that
     * fit and keep the spaces within the bound, the best kind (a space, then between syllables carrying
     * two, then inside a long token, then carrying one), latest first; if none keeps the bound, the
     * latest break. When the rest would be a lone short word on the last line, an earlier break.
     */
    private int breakFor(int start, float width, float nextWidth) {
        List<Integer> breaks = new ArrayList<>();
        int fits = start + 1;
        for (int i = start + 1; i < text.length(); i++) {
            if (width(start, trimEnd(start, i)) > width) {
                break;
            }
            fits = i;
            Kind k = kind(start, i);
            if (k != Kind.NONE && (k != Kind.HYPHEN || width(start, i) + hyphen <= width)) {
                breaks.add(i);
            }
        }
        if (breaks.isEmpty()) {
            // One token longer than the line: cut it where it fills the line.
            return Character.isLowSurrogate(text.charAt(fits)) ? fits + 1 : fits;
        }
        int b = tighter(start, width, breaks, best(start, width, breaks, i -> true));
        int rest = skipSpaces(b);
        if (width(rest, trimEnd(rest, text.length())) <= nextWidth && loneShortWord(rest)) {
            int earlier = best(start, width, breaks, i -> i < b && !loneShortWord(skipSpaces(i)));
            if (earlier > start) {
                return earlier;
            }
        }
        return b;
    }

    /** A later hyphen within the bound instead of a space that leaves the line loose, if there is one. */
    private int tighter(int start, float width, List<Integer> breaks, int b) {
        if (hyphens == null || kind(start, b) != Kind.SPACE || stretch(start, b, width) <= COMFORT) {
            return b;
        }
        for (int j = breaks.size() - 1; j >= 0 && breaks.get(j) > b; j--) {
            int i = breaks.get(j);
            if (kind(start, i) == Kind.HYPHEN && stretchOk(start, i, width)) {
                return i;
            }
        }
        return b;
    }

    private int best(int start, float width, List<Integer> breaks, java.util.function.IntPredicate allowed) {
        for (Kind kind : Kind.values()) {
            for (int j = breaks.size() - 1; j >= 0; j--) {
                int i = breaks.get(j);
                if (allowed.test(i) && kind(start, i) == kind && stretchOk(start, i, width)) {
                    return i;
                }
            }
        }
        for (int j = breaks.size() - 1; j >= 0; j--) {
            if (allowed.test(breaks.get(j))) {
                return breaks.get(j);
            }
        }
        return -1;
    }

    private boolean stretchOk(int start, int end, float width) {
        return stretch(start, end, width) <= MAX_STRETCH;
    }

    /** How far the spaces of the line from start to end stretch when justified, as a multiple. */
    private float stretch(int start, int end, float width) {
        int e = trimEnd(start, end);
        int spaces = 0;
        for (int i = start; i < e; i++) {
            if (text.charAt(i) == ' ') {
                spaces++;
            }
        }
        float extra = width - width(start, e) - (hyphenAt(end) ? hyphen : 0);
        return spaces == 0 ? Float.MAX_VALUE : 1 + extra / spaces / space;
    }

    /** Whether a line ending before char i ends inside a word, at a hyphenation point. */
    private boolean hyphenAt(int i) {
        return hyphens != null && i < text.length() && hyphens[i] && text.charAt(i) != ' ' && text.charAt(i - 1) != ' ';
    }

    /** Kinds of break, best first. */
    private enum Kind {
        SPACE,
        SYLLABLE,
        HYPHEN,
        OTHER,
        SYLLABLE_CARRYING_ONE,
        NONE
    }

    /** May a line end just before text[i]? */
    private Kind kind(int start, int i) {
        char before = text.charAt(i - 1);
        char c = text.charAt(i);
        if (c == ' ') {
            int next = skipSpaces(i);
            return before != ' ' && next < text.length() && NO_START.indexOf(text.charAt(next)) < 0
                    ? Kind.SPACE
                    : Kind.NONE;
        }
        if (before == ' ' || NO_START.indexOf(c) >= 0 || NO_END.indexOf(before) >= 0) {
            return Kind.NONE;
        }
        if (hyphenAt(i)) {
            return Kind.HYPHEN;
        }
        if (isHangul(before) && isHangul(c)) {
            if (depth[i] > 0) {
                return Kind.NONE;
            }
            return i + 1 < text.length() && isHangul(text.charAt(i + 1)) ? Kind.SYLLABLE : Kind.SYLLABLE_CARRYING_ONE;
        }
        // After '/' or '-' inside a long token such as a URL.
        return (before == '/' || before == '-') && i - 1 > start && text.charAt(i - 2) != ' ' ? Kind.OTHER : Kind.NONE;
    }

    private static boolean isHangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    private float width(int from, int to) {
        return at[to] - at[from];
    }

    /** Whether the text from {@code from} on is one word of at most {@link #SHORT_TAIL} characters. */
    private boolean loneShortWord(int from) {
        int end = trimEnd(from, text.length());
        int space = text.indexOf(' ', from);
        return (space < 0 || space >= end) && text.codePointCount(from, end) <= SHORT_TAIL;
    }

    private int skipSpaces(int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private int trimEnd(int start, int end) {
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }
}
