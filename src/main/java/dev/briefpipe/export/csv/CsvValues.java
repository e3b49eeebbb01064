package dev.briefpipe.export.csv;

import dev.briefpipe.model.NumberPattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A typed value's text in an extract, and the guard that keeps text from running as a formula. */
public final class CsvValues {
    private CsvValues() {}

    /**
     * Makes text safe to open in a spreadsheet: a value starting with =, +, -, @, tab, CR or LF gets a
     * leading apostrophe, which spreadsheets show as text instead of running it. Reverse with {@link #restore}.
     */
    public static String neutralise(String s) {
        return isTriggered(s) ? "'" + s : s;
    }

    /** The value as written before {@link #neutralise}: one apostrophe fewer where one was added. */
    public static String restore(String s) {
        return s.startsWith("'") && isTriggered(s.substring(1)) ? s.substring(1) : s;
    }

    /**
     * Whether text, past any apostrophes it already starts with, begins with a formula trigger. Counting
     * those apostrophes keeps the rule reversible: "'@" becomes "''@" and reads back as "'@".
     */
    private static boolean isTriggered(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\'') {
            i++;
        }
        return i < s.length() && "=+-@\t\r\n".indexOf(s.charAt(i)) >= 0;
    }

    /** The machine-readable text of a typed value: "38210", "0.708", "2025-03-27", "2025-03", "true". */
    public static String text(Object v) {
        return text(v, null);
    }

    /** The text of a value in a number or date pattern (ISO and plain numbers when none). */
    public static String text(Object v, String pattern) {
        if (v == null) {
            return "";
        }
        if (pattern != null) {
            if (v instanceof LocalDate d) {
                return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(d);
            }
            if (v instanceof YearMonth ym) {
                return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(ym.atDay(1));
            }
            if (v instanceof BigDecimal || v instanceof Long) {
                return NumberPattern.of(pattern, Locale.ROOT).format(v);
            }
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return v.toString();
    }
}
