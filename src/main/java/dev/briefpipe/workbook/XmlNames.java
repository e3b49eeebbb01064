package dev.briefpipe.workbook;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Names (and short values such as a cell's type) read from XML bytes, given as the same {@code String}
 * each time: a small table, each slot holding the last name met there, and the one-letter names
 * ({@code <c>}, {@code <v>}, {@code r}, {@code t="s"}), which are most of a sheet's, made once.
 */
final class XmlNames {
  private static final String[] ASCII = new String[128];

  static {
    for (int c = 0; c < ASCII.length; c++) {
      ASCII[c] = String.valueOf((char) c).intern();
    }
  }

  private final String[] names = new String[256];
  private final byte[][] bytes = new byte[256][];

  /** The name in {@code b} from {@code start} to {@code end}. */
  String of(byte[] b, int start, int end) {
    if (end - start == 1 && b[start] >= 0) {
      return ASCII[b[start]];
    }
    int h = 0;
    for (int p = start; p < end; p++) {
      h = 31 * h + b[p];
    }
    int slot = (h ^ (h >>> 8)) & (names.length - 1);
    byte[] k = bytes[slot];
    if (k != null && same(k, 0, k.length, b, start, end)) {
      return names[slot];
    }
    String s = new String(b, start, end - start, StandardCharsets.UTF_8);
    bytes[slot] = Arrays.copyOfRange(b, start, end);
    names[slot] = s;
    return s;
  }

  /** Whether two byte ranges hold the same bytes (a loop: the ranges are a few bytes long). */
  static boolean same(byte[] a, int aFrom, int aTo, byte[] b, int bFrom, int bTo) {
    if (aTo - aFrom != bTo - bFrom) {
      return false;
    }
    for (int i = aFrom, j = bFrom; i < aTo; i++, j++) {
      if (a[i] != b[j]) {
        return false;
      }
    }
    return true;
  }
}
