package dev.briefpipe.model;

/**
 * The address of one cell: sheet name plus zero-based row and column.
 *
 * <p>{@link #a1()} gives the spreadsheet form ("D7"); {@link #row1()} the one-based row an analyst sees.
 * A column of -1 means "the whole row", a row of -1 "the whole sheet".
 */
public record CellRef(String sheet, int row, int column) {

    public static CellRef ofSheet(String sheet) {
        return new CellRef(sheet, -1, -1);
    }

    /** One-based row number as shown in Excel, or 0 for a sheet-level reference. */
    public int row1() {
        return row + 1;
    }

    /** Column letters ("A", "AB"), or "" for a row- or sheet-level reference. */
    public String columnLetters() {
        return column < 0 ? "" : columnLetters(column);
    }

    /** "D7" for a cell, "7" for a row, "" for a sheet. */
    public String a1() {
        if (row < 0) {
            return "";
        }
        return columnLetters() + row1();
    }

    public static String columnLetters(int zeroBasedColumn) {
        StringBuilder sb = new StringBuilder();
        int n = zeroBasedColumn + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.toString();
    }

    /** The reference as Excel writes it in a formula: {@code 'sheet'!D7}, or {@code 'sheet'} alone. */
    public String excel() {
        String quoted = "'" + sheet.replace("'", "''") + "'";
        return a1().isEmpty() ? quoted : quoted + "!" + a1();
    }

    /** The reference back from {@link #excel()}: {@code 'sheet'!D7}; empty for anything else. */
    public static java.util.Optional<CellRef> parseExcel(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'((?:[^']|'')+)'!([A-Z]{1,3})([0-9]{1,7})")
                .matcher(text);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int column = 0;
        for (char ch : m.group(2).toCharArray()) {
            column = column * 26 + (ch - 'A' + 1);
        }
        return java.util.Optional.of(
                new CellRef(m.group(1).replace("''", "'"), Integer.parseInt(m.group(3)) - 1, column - 1));
    }

    @Override
    public String toString() {
        return a1().isEmpty() ? sheet : sheet + "!" + a1();
    }
}
