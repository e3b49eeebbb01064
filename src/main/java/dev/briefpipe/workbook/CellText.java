package dev.briefpipe.workbook;

/** A cell's number, read from the bytes of its {@code <v>} without making a string. */
final class CellText {
  private CellText() {}

  /**
   * Most numbers in a sheet are whole, or have a few decimal places: those skip the general (and
   * slower) conversion. Up to 15 digits, the digits as a whole number divided by a power of ten are
   * both exact doubles, and one division rounds correctly: the same double as the general conversion.
   */
  static double parseNumber(byte[] v, int n) {
    int start = 0;
    while (start < n && (v[start] & 0xFF) <= ' ') {
      start++;
    }
    while (n > start && (v[n - 1] & 0xFF) <= ' ') {
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
        byte c = v[j];
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
    return Double.parseDouble(new String(v, start, len, java.nio.charset.StandardCharsets.UTF_8));
  }

  private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
}
