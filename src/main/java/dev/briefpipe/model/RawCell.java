package dev.briefpipe.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * One cell exactly as the workbook holds it, before any schema is applied.
 *
 * <p>For a formula cell, {@code kind} and the value describe the cached result and {@code formula}
 * holds the formula text. {@code display} is what an analyst sees in the cell (used in messages).
 * A number's display text may be worked out only when it is first asked for: formatting is the
 * costliest part of reading a large sheet, and most numbers are never shown.
 *
 * <p>{@code number} is the numeric value for {@link Kind#NUMBER} and {@link Kind#DATE} (Excel
 * serial); {@code date} the date for {@link Kind#DATE}, already resolved for the workbook's date
 * system; {@code text} the string for {@link Kind#TEXT}, the error literal ("#REF!") for
 * {@link Kind#ERROR} (empty for a formula whose result the file does not hold), the display text
 * for numbers and dates.
 */
public final class RawCell {
    // The address as its parts, not a CellRef: a large sheet reads some ten million cells, and the
    // address object is wanted only for the few that get a finding.
    private final String sheet;
    private final int row;
    private final int column;
    private final Kind kind;
    private final double number;
    private final LocalDateTime date;
    private final String formula;
    private String text;
    private String display;
    private DoubleFunction<String> format;

    public RawCell(
            CellRef ref, Kind kind, String text, double number, LocalDateTime date, String formula, String display) {
        this(ref.sheet(), ref.row(), ref.column(), kind, text, number, date, formula, display);
    }

    public RawCell(
            String sheet,
            int row,
            int column,
            Kind kind,
            String text,
            double number,
            LocalDateTime date,
            String formula,
            String display) {
        this.sheet = sheet;
        this.row = row;
        this.column = column;
        this.kind = kind;
        this.text = text;
        this.number = number;
        this.date = date;
        this.formula = formula;
        this.display = display;
    }

    private RawCell(
            String sheet,
            int row,
            int column,
            Kind kind,
            double number,
            LocalDateTime date,
            String formula,
            DoubleFunction<String> format) {
        this.sheet = sheet;
        this.row = row;
        this.column = column;
        this.kind = kind;
        this.number = number;
        this.date = date;
        this.formula = formula;
        this.format = format;
    }

    /**
     * A formula whose result the file does not hold, as a program that does not calculate leaves it:
     * an error without a literal, shown as its formula.
     */
    public static RawCell uncomputed(String sheet, int row, int column, String formula) {
        return new RawCell(sheet, row, column, Kind.ERROR, "", 0, null, formula, "=" + formula);
    }

    /**
     * A number or date whose display text (also its {@code text}) is formatted when first asked for.
     *
     * @param format formats the number as the cell's style does (shared by the cells of a style)
     */
    public static RawCell formatted(
            String sheet,
            int row,
            int column,
            Kind kind,
            double number,
            LocalDateTime date,
            String formula,
            DoubleFunction<String> format) {
        return new RawCell(sheet, row, column, kind, number, date, formula, format);
    }

    public enum Kind {
        TEXT,
        NUMBER,
        DATE,
        BOOLEAN,
        ERROR,
        BLANK
    }

    public static RawCell blank(CellRef ref) {
        return new RawCell(ref, Kind.BLANK, "", 0, null, null, "");
    }

    public static RawCell blank(String sheet, int row, int column) {
        return new RawCell(sheet, row, column, Kind.BLANK, "", 0, null, null, "");
    }

    public static RawCell text(CellRef ref, String text) {
        return new RawCell(ref, Kind.TEXT, text, 0, null, null, text);
    }

    public CellRef ref() {
        return new CellRef(sheet, row, column);
    }

    /** The zero-based row, as {@code ref().row()}. */
    public int row() {
        return row;
    }

    /** The zero-based column, as {@code ref().column()}. */
    public int column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        if (text == null) {
            text = display();
        }
        return text;
    }

    public double number() {
        return number;
    }

    public LocalDateTime date() {
        return date;
    }

    public String formula() {
        return formula;
    }

    public String display() {
        if (display == null && format != null) {
            display = format.apply(number);
            format = null;
        }
        return display;
    }

    /** A formula whose result the file does not hold (see {@link #uncomputed}). */
    public boolean isUncomputed() {
        return kind == Kind.ERROR && formula != null && text().isEmpty();
    }

    /** Blank as an analyst sees it: nothing, or only spaces (no-break and zero-width ones too). */
    public boolean isBlank() {
        if (kind != Kind.TEXT) {
            return kind == Kind.BLANK;
        }
        String t = text();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && !zeroWidth(c)) {
                return false;
            }
        }
        return true;
    }

    /** A character that takes no room, as pasted from the web: zero-width spaces and joiners, a byte-order mark. */
    public static boolean zeroWidth(char c) {
        return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }

    public boolean booleanValue() {
        return kind == Kind.BOOLEAN && number != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawCell c
                && sheet.equals(c.sheet)
                && row == c.row
                && column == c.column
                && kind == c.kind
                && Double.compare(number, c.number) == 0
                && Objects.equals(date, c.date)
                && Objects.equals(formula, c.formula)
                && Objects.equals(text(), c.text())
                && Objects.equals(display(), c.display());
    }

    @Override
    public int hashCode() {
        return Objects.hash(sheet, row, column, kind, number, date, formula);
    }

    @Override
    public String toString() {
        return "RawCell[" + ref() + ", " + kind + ", " + text() + ", " + number + ", " + date + ", " + formula + "]";
    }
}
