package dev.briefpipe.validate;

import java.math.BigDecimal;

/** Numbers and text as cells hold them, made exact and clean: the helpers of {@link CellParser}. */
final class Decimals {
    private Decimals() {}

    /** The double as the shortest exact decimal ("38210", "0.708"), never "3.821E+4". */
    static BigDecimal exact(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf((long) d);
        }
        return strip(BigDecimal.valueOf(d));
    }

    static BigDecimal strip(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A character that {@link String#strip} takes off the ends. */
    private static boolean edge(char c) {
        return c <= ' ' || Character.isWhitespace(c);
    }

    /** Trims, and removes no-break and zero-width spaces. */
    static String clean(String s) {
        int n = s.length();
        boolean plain = n == 0 || (!edge(s.charAt(0)) && !edge(s.charAt(n - 1)));
        for (int i = 0; i < n && plain; i++) {
            char c = s.charAt(i);
            // What is cleaned below is all at U+00A0 or above: most text has none of it.
            plain = c < '\u00A0'
                    || (c != '\u00A0'
                            && c != '\u200B'
                            && c != '\u200C'
                            && c != '\u200D'
                            && c != '\u2060'
                            && c != '\uFEFF');
        }
        if (plain) {
            return s;
        }
        return s.replace('\u00A0', ' ')
                .replace("\u200B", "")
                .replace("\u200C", "")
                .replace("\u200D", "")
                .replace("\u2060", "")
                .replace("\uFEFF", "")
                .strip();
    }
}
