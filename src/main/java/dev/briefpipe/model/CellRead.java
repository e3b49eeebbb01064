package dev.briefpipe.model;

/**
 * One input an expression read, or one value it computed, as a reader checks it: where
 * ({@code '환율'!F4}, a figure's id, or a sub-expression such as {@code amount / fx_per_usd}) and the value
 * found there as text; for a cell, the analyst's note on its row (its {@code note} field), if any.
 */
public record CellRead(String where, String value, String note) {
    public CellRead {
        where = where == null ? "" : where;
        value = value == null ? "" : value;
        note = note == null ? "" : note;
    }

    public CellRead(String where, String value) {
        this(where, value, "");
    }

    /** A cell's value, the cell written as Excel writes a reference: {@code '특허_발명자국가'!D3}. */
    public static CellRead of(CellRef cell, Object value) {
        return new CellRead(cell.excel(), text(value));
    }

    /** A value as a reader would type it: numbers without a trailing ".0" or exponent, blank as "". */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal d) {
            java.math.BigDecimal s = d.stripTrailingZeros();
            return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
        }
        return value.toString();
    }
}
