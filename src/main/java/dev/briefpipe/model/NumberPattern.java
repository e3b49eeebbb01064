package dev.briefpipe.model;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A number pattern ("#,##0", "0.0%") that prints a value as Excel shows it in that format: a half rounds
 * away from zero (7,900.5 as "7,901"), where Java's own rounds it to the even neighbour ("7,900").
 */
public final class NumberPattern {
    private NumberPattern() {}

    public static DecimalFormat of(String pattern, Locale locale) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
