package dev.briefpipe.load;

import dev.briefpipe.failure.WorkbookReadException;
import java.nio.file.Path;
import org.apache.poi.ss.SpreadsheetVersion;
import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * A1 references as a sheet's XML has them ({@code AB12} on a cell, {@code 12} on a row), read within
 * Excel's grid: a column past XFD or a row past 1,048,576 is a broken file. A cell's column is decoded
 * where it lies in the parser's buffer (Stax2's typed access), without making a string.
 */
final class CellAddresses extends TypedValueDecoder {
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();
    private final Path file;
    private final String sheet;

    /** The column last decoded, zero-based; -1 when the attribute was empty. */
    int column;

    CellAddresses(Path file, String sheet) {
        this.file = file;
        this.sheet = sheet;
    }

    @Override
    public void decode(String ref) {
        column = column(ref);
    }

    @Override
    public void decode(char[] buf, int start, int end) {
        int c = 0;
        int i = start;
        for (char ch; i < end && (ch = buf[i]) >= 'A' && ch <= 'Z'; i++) {
            c = c * 26 + (ch - 'A' + 1);
        }
        if (i == start || c > MAX_COLUMNS) {
            throw badAddress(new String(buf, start, end - start));
        }
        column = c - 1;
    }

    @Override
    public void handleEmptyValue() {
        column = -1;
    }

    /** The zero-based column of an A1 reference ("AB12" → 27); its row is the row element's. */
    int column(String ref) {
        int c = 0;
        int i = 0;
        for (char ch; i < ref.length() && (ch = ref.charAt(i)) >= 'A' && ch <= 'Z'; i++) {
            c = c * 26 + (ch - 'A' + 1);
        }
        if (i == 0 || c > MAX_COLUMNS) {
            throw badAddress(ref);
        }
        return c - 1;
    }

    /** The one-based row number of a row element's {@code r}, or of the A1 reference {@code ref}. */
    int row(String ref) {
        int r = 0;
        int i = 0;
        while (i < ref.length() && ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z') {
            i++;
        }
        if (ref.length() - i > 7) {
            throw badAddress(ref);
        }
        for (; i < ref.length(); i++) {
            char ch = ref.charAt(i);
            if (ch < '0' || ch > '9') {
                throw badAddress(ref);
            }
            r = r * 10 + (ch - '0');
        }
        if (r < 1 || r > MAX_ROWS) {
            throw badAddress(ref);
        }
        return r;
    }

    private WorkbookReadException badAddress(String ref) {
        return new WorkbookReadException(file, "bad-address", "'" + sheet + "'!" + ref, null);
    }

    /** Reads a cell's type ({@code t}): the one-letter ones, most cells', without making a string. */
    static final class TypeDecoder extends TypedValueDecoder {
        String type;

        @Override
        public void decode(String t) {
            type = t;
        }

        @Override
        public void decode(char[] buf, int start, int end) {
            type = end - start != 1
                    ? new String(buf, start, end - start)
                    : switch (buf[start]) {
                        case 's' -> "s";
                        case 'n' -> "n";
                        case 'b' -> "b";
                        case 'e' -> "e";
                        default -> String.valueOf(buf[start]);
                    };
        }

        @Override
        public void handleEmptyValue() {
            type = null;
        }
    }
}
