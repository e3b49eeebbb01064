package dev.briefpipe.model;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One kept field of {@link CompactRows}: a tag and a number per row (an int until a value needs a
 * long), decimal scales, text in a UTF-8 pool where a repeated value is stored once.
 */
final class CompactColumn {
    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DECIMAL = 2;
    private static final byte TEXT = 3;
    private static final byte DATE = 4;
    private static final byte YEAR_MONTH = 5;
    private static final byte BOOLEAN = 6;
    private static final byte OTHER = 7;

    /** Distinct texts remembered for sharing; a column with more (an id, a note) stops sharing. */
    private static final int SHARED_TEXTS = 4096;

    private byte[] tags = new byte[1024];
    private int[] ints = new int[1024];
    private long[] longs;
    private byte[] scales;
    private byte[] pool = new byte[0];
    private int poolSize;
    private Map<String, Integer> shared = new HashMap<>();
    private Map<Integer, Object> others;

    void grow(int n) {
        tags = Arrays.copyOf(tags, n);
        if (longs != null) {
            longs = Arrays.copyOf(longs, n);
        } else {
            ints = Arrays.copyOf(ints, n);
        }
        if (scales != null) {
            scales = Arrays.copyOf(scales, n);
        }
    }

    private void number(int i, long x) {
        if (longs == null && x == (int) x) {
            ints[i] = (int) x;
            return;
        }
        if (longs == null) {
            longs = new long[ints.length];
            for (int k = 0; k < ints.length; k++) {
                longs[k] = ints[k];
            }
            ints = null;
        }
        longs[i] = x;
    }

    private long number(int i) {
        return longs != null ? longs[i] : ints[i];
    }

    void set(int i, Object v) {
        if (v == null) {
            tags[i] = NULL;
        } else if (v instanceof Long l) {
            tags[i] = LONG;
            number(i, l);
        } else if (v instanceof BigDecimal d
                && d.scale() >= Byte.MIN_VALUE
                && d.scale() <= Byte.MAX_VALUE
                && d.precision() <= 18) {
            if (scales == null) {
                scales = new byte[tags.length];
            }
            tags[i] = DECIMAL;
            number(i, d.scaleByPowerOfTen(d.scale()).longValue());
            scales[i] = (byte) d.scale();
        } else if (v instanceof String s) {
            tags[i] = TEXT;
            number(i, text(s));
        } else if (v instanceof LocalDate d) {
            tags[i] = DATE;
            number(i, d.toEpochDay());
        } else if (v instanceof YearMonth ym) {
            tags[i] = YEAR_MONTH;
            number(i, ym.getYear() * 12L + ym.getMonthValue() - 1);
        } else if (v instanceof Boolean b) {
            tags[i] = BOOLEAN;
            number(i, b ? 1 : 0);
        } else {
            tags[i] = OTHER;
            if (others == null) {
                others = new HashMap<>();
            }
            others.put(i, v);
        }
    }

    /** Where the text is in the pool: added, or the place of the same text seen before. */
    private int text(String s) {
        if (shared != null) {
            Integer at = shared.get(s);
            if (at != null) {
                return at;
            }
        }
        int at = poolSize;
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensurePool(poolSize + utf8.length + 5);
        int n = utf8.length;
        while (n >= 0x80) {
            pool[poolSize++] = (byte) (n | 0x80);
            n >>>= 7;
        }
        pool[poolSize++] = (byte) n;
        System.arraycopy(utf8, 0, pool, poolSize, utf8.length);
        poolSize += utf8.length;
        if (shared != null) {
            shared.put(s, at);
            if (shared.size() > SHARED_TEXTS) {
                shared = null;
            }
        }
        return at;
    }

    Object get(int i) {
        long x = number(i);
        return switch (tags[i]) {
            case LONG -> x;
            case DECIMAL -> BigDecimal.valueOf(x, scales[i]);
            case TEXT -> text((int) x);
            case DATE -> LocalDate.ofEpochDay(x);
            case YEAR_MONTH -> YearMonth.of((int) Math.floorDiv(x, 12), Math.floorMod(x, 12) + 1);
            case BOOLEAN -> x != 0;
            case OTHER -> others.get(i);
            default -> null;
        };
    }

    private String text(int at) {
        int n = 0;
        int shift = 0;
        byte b;
        do {
            b = pool[at++];
            n |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return new String(pool, at, n, StandardCharsets.UTF_8);
    }

    private void ensurePool(int needed) {
        if (needed > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(needed, pool.length + (pool.length >> 1) + 1024));
        }
    }
}
