package dev.briefpipe.model;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** A reporting period, one calendar month ("2025-03"). */
public record Period(YearMonth month) implements Comparable<Period> {

    /**
     * Parses "YYYY-MM".
     *
     * @throws IllegalArgumentException when the text is not a year and month
     */
    public static Period parse(String text) {
        try {
            return new Period(YearMonth.parse(text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a period (YYYY-MM): " + text, e);
        }
    }

    /** The month before. */
    public Period previous() {
        return new Period(month.minusMonths(1));
    }

    @Override
    public int compareTo(Period o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
