package dev.briefpipe.model;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A number format written as in Excel ({@code #,##0"건"}, {@code 0.0%}, {@code #,##0;(#,##0)}) that
 * prints a value as Excel shows it in that format: text in quotes or after a backslash as written,
 * colours and conditions in brackets and padding left out, and a half rounded away from zero (7,900.5
 * as "7,901", where Java's own rounding gives the even "7,900").
 */
public final class NumberPattern {
    private NumberPattern() {}

    /** @throws IllegalArgumentException for a format no number can be written in */
    public static DecimalFormat of(String excel, Locale locale) {
        DecimalFormat f = new DecimalFormat(java(excel), DecimalFormatSymbols.getInstance(locale));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /** The Excel format as {@link DecimalFormat} reads it: its positive and negative sections. */
    static String java(String excel) {
        if (excel.equalsIgnoreCase("General")) {
            return "0.##########";
        }
        StringBuilder out = new StringBuilder();
        int sections = 1;
        boolean digits = false; // of the first section: a date format (yyyy-mm) has none
        for (int i = 0; i < excel.length(); i++) {
            char c = excel.charAt(i);
            switch (c) {
                case '"' -> {
                    int end = excel.indexOf('"', i + 1);
                    end = end < 0 ? excel.length() : end;
                    literal(out, excel.substring(i + 1, end));
                    i = end;
                }
                case '\\' -> literal(out, i + 1 < excel.length() ? String.valueOf(excel.charAt(++i)) : "");
                case '[' -> i = excel.indexOf(']', i) < 0 ? excel.length() : excel.indexOf(']', i);
                case '_', '*' -> i++; // room for a character, or a fill: nothing on a printed page
                case '\'' -> out.append("''");
                case '?' -> {
                    digits = true;
                    out.append('#');
                }
                case '/' -> { // a fraction (# ?/?) Java cannot write; a slash between words is text
                    boolean over = i + 1 < excel.length() && "#0?".indexOf(excel.charAt(i + 1)) >= 0;
                    if (over || (!out.isEmpty() && "#0".indexOf(out.charAt(out.length() - 1)) >= 0)) {
                        throw new IllegalArgumentException("a fraction: " + excel);
                    }
                    out.append(c);
                }
                case 'E', 'e' -> { // Excel's E+00: Java writes the exponent's sign only when it is minus
                    out.append('E');
                    i += i + 1 < excel.length() && "+-".indexOf(excel.charAt(i + 1)) >= 0 ? 1 : 0;
                }
                case ';' -> {
                    if (!digits) {
                        throw new IllegalArgumentException("no digit: " + excel);
                    }
                    if (++sections > 2) { // a zero's or a text's section: Java has none
                        return out.toString();
                    }
                    out.append(c);
                }
                default -> {
                    digits |= c == '0' || c == '#';
                    out.append(c);
                }
            }
        }
        if (!digits) {
            throw new IllegalArgumentException("no digit: " + excel);
        }
        return out.toString();
    }

    private static void literal(StringBuilder out, String text) {
        if (!text.isEmpty()) {
            out.append('\'').append(text.replace("'", "''")).append('\'');
        }
    }
}
