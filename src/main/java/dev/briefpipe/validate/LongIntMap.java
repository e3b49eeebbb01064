package dev.briefpipe.validate;

/**
 * An open-addressing map from long to non-negative int, twelve to eighteen bytes an entry: for the
 * keys of a sheet with a million rows. A free slot holds the key 0 (a key of 0 is kept as 1), so a
 * lookup reads only the keys: in a table larger than the cache that is one miss, not two.
 */
final class LongIntMap {
    private long[] keys;
    private int[] values;
    private int size;

    /**
     * @param expected how many keys are likely (-1: unknown): a table sized for them up front is never
     *     grown, so a million keys are not rehashed again and again, nor the old tables left to the
     *     collector
     */
    LongIntMap(int expected) {
        int n = Math.max(1 << 10, expected + expected / 3 + 2);
        keys = new long[n];
        values = new int[n];
    }

    /** Puts {@code value} (not negative) unless {@code key} is there; returns the value already there, or -1. */
    int putIfAbsent(long key, int value) {
        if (size >= keys.length - (keys.length >> 2)) {
            grow();
        }
        long k = key == 0 ? 1 : key;
        int n = keys.length;
        // The key's high half, scaled to the table: as good as a remainder for well-mixed keys, without a division.
        int i = (int) (((k >>> 32) * n) >>> 32);
        long at;
        while ((at = keys[i]) != 0) {
            if (at == k) {
                return values[i];
            }
            i = i + 1 == n ? 0 : i + 1;
        }
        keys[i] = k;
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
        values = new int[n];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }
}
