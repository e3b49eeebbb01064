package dev.briefpipe.workbook;

import org.codehaus.stax2.typed.TypedValueDecoder;

/**
 * What a cell's XML says, read from the parser's characters without making strings: numbers in
 * {@code <v>}, the column of an {@code r} address, the {@code t} type.
 */
final class CellText {
  private CellText() {}

  /**
   * Most numbers in a sheet are whole, or have a few decimal places: those skip the general (and
   * slower) conversion. Up to 15 digits, the digits as a whole number divided by a power of ten are
   * both exact doubles, and one division rounds correctly: the same double as the general conversion.
   */
  static double parseNumber(char[] v, int n) {
    int start = 0;
    while (start < n && v[start] <= ' ') {
      start++;
    }
    while (n > start && v[n - 1] <= ' ') {
      n--;
    }
    int len = n - start;
    if (len > 0 && len <= 16) {
      boolean negative = v[start] == '-';
      int i = start + (negative ? 1 : 0);
      long x = 0;
      int digits = 0;
      int point = -1;
      boolean plain = i < n;
      for (int j = i; j < n && plain; j++) {
        char c = v[j];
        if (c >= '0' && c <= '9') {
          x = x * 10 + (c - '0');
          digits++;
        } else if (c == '.' && point < 0 && j > i && j < n - 1) {
          point = j;
        } else {
          plain = false;
        }
      }
      if (plain && digits <= 15) {
        double d = point < 0 ? x : x / POWERS[n - 1 - point];
        return negative ? -d : d;
      }
    }
    return Double.parseDouble(new String(v, start, len));
  }

  private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

  /** The column of a cell address ("AB12" is 27), or -1 when it has no letters. */
  static final class ColumnOf extends TypedValueDecoder {
    int column = -1;

    @Override
    public void decode(String input) {
      decode(input.toCharArray(), 0, input.length());
    }

    @Override
    public void decode(char[] buffer, int start, int end) {
      int c = 0;
      for (int i = start; i < end; i++) {
        char ch = buffer[i];
        if (ch < 'A' || ch > 'Z') {
          break;
        }
        c = c * 26 + (ch - 'A' + 1);
      }
      column = c - 1;
    }

    @Override
    public void handleEmptyValue() {
      column = -1;
    }
  }

  /** A cell's type attribute ("s", "str", "b", …), as one of a few constant strings where it is one. */
  static final class TypeOf extends TypedValueDecoder {
    private static final String[] KNOWN = {"s", "n", "b", "e", "str", "inlineStr", "d"};
    String type;

    @Override
    public void decode(String input) {
      type = input;
    }

    @Override
    public void decode(char[] buffer, int start, int end) {
      for (String k : KNOWN) {
        if (k.length() == end - start && same(k, buffer, start)) {
          type = k;
          return;
        }
      }
      type = new String(buffer, start, end - start);
    }

    private static boolean same(String k, char[] buffer, int start) {
      for (int i = 0; i < k.length(); i++) {
        if (buffer[start + i] != k.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void handleEmptyValue() {
      type = "";
    }
  }
}
