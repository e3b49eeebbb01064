package dev.briefpipe.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A number format written as in Excel ({@code #,##0"건"}, {@code 0.0%}, {@code #,##0;(#,##0);"-"}) that
 * prints a value as Excel shows it in that format: text in quotes or after a backslash as written,
 * colours and conditions in brackets and padding left out, a negative and a zero section used, and a
 * half rounded away from zero (7,900.5 as "7,901", where Java's own rounding gives the even "7,900").
 */
public final class NumberPattern {
    private NumberPattern() {}

    /** @throws IllegalArgumentException for a format no number can be written in */
    public static NumberFormat of(String excel, Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        List<Section> sections = sections(excel);
        String pattern = sections.get(0).java()
                + (sections.size() > 1 ? ";" + sections.get(1).java() : "");
        DecimalFormat f = new DecimalFormat(pattern, symbols);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return sections.size() > 2 ? new WithZero(f, sections.get(2).shown(symbols)) : f;
    }

    /**
     * One section of an Excel format: as {@link DecimalFormat} reads it, and its text alone (what a
     * section without digits, {@code "-"} say, prints).
     */
    private record Section(String java, String text, boolean digits) {
        /** What a zero prints in this section. */
        String shown(DecimalFormatSymbols symbols) {
            return digits ? new DecimalFormat(java, symbols).format(0) : text;
        }
    }

    /** The positive, negative and zero sections (a fourth, for text, is not a number's). */
    private static List<Section> sections(String excel) {
        if (excel.equalsIgnoreCase("General")) {
            return List.of(new Section("0.##########", "", true));
        }
        List<Section> sections = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        StringBuilder text = new StringBuilder();
        boolean digits = false;
        for (int i = 0; i <= excel.length() && sections.size() < 3; i++) {
            char c = i < excel.length() ? excel.charAt(i) : ';';
            switch (c) {
                case '"' -> {
                    int end = excel.indexOf('"', i + 1);
                    end = end < 0 ? excel.length() : end;
                    literal(out, text, excel.substring(i + 1, end));
                    i = end;
                }
                case '\\' -> literal(out, text, i + 1 < excel.length() ? String.valueOf(excel.charAt(++i)) : "");
                case '[' -> i = excel.indexOf(']', i) < 0 ? excel.length() : excel.indexOf(']', i);
                case '_', '*' -> i++; // room for a character, or a fill: nothing on a printed page
                case '\'' -> {
                    out.append("''");
                    text.append(c);
                }
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
                    text.append(c);
                }
                case 'E', 'e' -> { // Excel's E+00: Java writes the exponent's sign only when it is minus
                    out.append('E');
                    i += i + 1 < excel.length() && "+-".indexOf(excel.charAt(i + 1)) >= 0 ? 1 : 0;
                }
                case ';' -> {
                    // The first section prints every number with no other: a date's (yyyy-mm) has no digit.
                    if (sections.isEmpty() && !digits) {
                        throw new IllegalArgumentException("no digit: " + excel);
                    }
                    sections.add(new Section(out.toString(), text.toString(), digits));
                    out.setLength(0);
                    text.setLength(0);
                    digits = false;
                }
                default -> {
                    digits |= c == '0' || c == '#';
                    out.append(c);
                    text.append(c);
                }
            }
        }
        return sections;
    }

    private static void literal(StringBuilder out, StringBuilder text, String s) {
        if (!s.isEmpty()) {
            out.append('\'').append(s.replace("'", "''")).append('\'');
            text.append(s);
        }
    }

    /** A format whose zero prints in a section of its own ({@code "-"}), as Excel prints it. */
    private static final class WithZero extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final DecimalFormat number;
        private final String zero;

        WithZero(DecimalFormat number, String zero) {
            this.number = number;
            this.zero = zero;
        }

        @Override
        public StringBuffer format(double n, StringBuffer to, FieldPosition at) {
            return n == 0 ? to.append(zero) : number.format(n, to, at);
        }

        @Override
        public StringBuffer format(long n, StringBuffer to, FieldPosition at) {
            return n == 0 ? to.append(zero) : number.format(n, to, at);
        }

        @Override
        public StringBuffer format(Object n, StringBuffer to, FieldPosition at) {
            boolean isZero =
                    n instanceof BigDecimal b ? b.signum() == 0 : n instanceof Number x && x.doubleValue() == 0;
            return isZero ? to.append(zero) : number.format(n, to, at);
        }

        @Override
        public Number parse(String text, ParsePosition at) {
            return number.parse(text, at);
        }
    }
}
