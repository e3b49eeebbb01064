package dev.briefpipe.cli;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed as aligned columns, two spaces apart. A column is as wide as its widest cell in terminal
 * columns, where a Hangul syllable or any other wide character takes two.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    /** @param header the column names, separated by {@code |} (a message such as {@code runs.columns}) */
    TextTable(String header) {
        rows.add(header.split("\\|", -1));
    }

    /** One row; a null cell prints as "-". */
    void add(Object... cells) {
        String[] row = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            row[i] = cells[i] == null ? "-" : String.valueOf(cells[i]);
        }
        rows.add(row);
    }

    void print(PrintWriter out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** The terminal columns a text takes. */
    static int width(String text) {
        return text.codePoints()
                .map(c -> switch (UCharacter.getIntPropertyValue(c, UProperty.EAST_ASIAN_WIDTH)) {
                    case UCharacter.EastAsianWidth.WIDE, UCharacter.EastAsianWidth.FULLWIDTH -> 2;
                    default -> 1;
                })
                .sum();
    }
}
