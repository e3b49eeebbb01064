package dev.briefpipe.validate;

/** An open-addressing map from long to non-negative int, twelve bytes an entry: for a million keys. */
final class LongIntMap {
  private long[] keys = new long[1 << 10];
  private int[] values = new int[1 << 10];
  private boolean[] used = new boolean[1 << 10];
  private int size;

  /** Puts {@code value} unless {@code key} is there; returns the value already there, or -1. */
  int putIfAbsent(long key, int value) {
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    boolean[] oldUsed = used;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    used = new boolean[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldUsed[i]) {
        putIfAbsent(oldKeys[i], oldValues[i]);
      }
    }
  }
}
