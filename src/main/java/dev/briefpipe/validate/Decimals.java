package dev.briefpipe.validate;

import dev.briefpipe.model.RawCell;
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

    /** Trims, and removes no-break and zero-width spaces. */
    static String clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // What is cleaned is all at U+00A0 or above: most text has none of it.
            if (c >= '\u00A0' && (c == '\u00A0' || RawCell.zeroWidth(c))) {
                StringBuilder b = new StringBuilder(s.length());
                s.chars()
                        .filter(x -> !RawCell.zeroWidth((char) x))
                        .forEach(x -> b.append(x == '\u00A0' ? ' ' : (char) x));
                return b.toString().strip();
            }
        }
        return s.strip();
    }
}
