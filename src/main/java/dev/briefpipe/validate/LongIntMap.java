package dev.briefpipe.validate;

/**
 * An open-addressing map from long to non-negative int, twelve to eighteen bytes an entry: for the
 * keys of a sheet with a million rows.
 */
final class LongIntMap {
  private static final int FREE = -1;
  private long[] keys = new long[1 << 10];
  private int[] values = filled(1 << 10);
  private int size;

  /** Puts {@code value} (not negative) unless {@code key} is there; returns the value already there, or -1. */
  int putIfAbsent(long key, int value) {
    if (size >= keys.length - (keys.length >> 2)) {
      grow();
    }
    int n = keys.length;
    int i = (int) Long.remainderUnsigned(key, n);
    while (values[i] != FREE) {
      if (keys[i] == key) {
        return values[i];
      }
      i = i + 1 == n ? 0 : i + 1;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    // Half as much again, not twice: at a million keys that is a few megabytes less.
    int n = oldKeys.length + (oldKeys.length >> 1);
    keys = new long[n];
    values = filled(n);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != FREE) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, FREE);
    return a;
  }
}
