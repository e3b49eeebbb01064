package dev.briefpipe.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortest exact decimal of a cell's double, and the duplicate-key table of large sheets. */
class NumbersAndKeysTest {

    @Test
    void aDecimalIsTheShortestOneThatReadsBackAsTheSameDouble() {
        Random random = new Random(11);
        for (int i = 0; i < 300_000; i++) {
            long digits = (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(15)));
            int places = random.nextInt(12);
            double d = (random.nextBoolean() ? -1 : 1)
                    * BigDecimal.valueOf(digits, places).doubleValue();
            BigDecimal exact = Decimals.exact(d);
            assertThat(exact.doubleValue()).as("%s", d).isEqualTo(d);
            BigDecimal java = BigDecimal.valueOf(d).stripTrailingZeros();
            assertThat(exact.compareTo(java))
                    .as("%s: %s against %s", d, exact, java)
                    .isZero();
            assertThat(exact.scale()).isGreaterThanOrEqualTo(0);
        }
        assertThat(Decimals.exact(0.1).toPlainString()).isEqualTo("0.1");
        assertThat(Decimals.exact(1234.5).toPlainString()).isEqualTo("1234.5");
        assertThat(Decimals.exact(38210).toPlainString()).isEqualTo("38210");
        assertThat(Decimals.exact(1e-7).toPlainString()).isEqualTo("0.0000001");
        assertThat(Decimals.exact(0.1 + 0.2).toPlainString()).isEqualTo("0.30000000000000004");
    }

    @Test
    void theKeyTableFindsEveryRepeatAndNothingElse() {
        // Unsized (grown step by step), sized for the keys, and sized far too small for them.
        for (int expected : new int[] {-1, 200_001, 10}) {
            findsEveryRepeat(new LongIntMap(expected));
        }
    }

    private static void findsEveryRepeat(LongIntMap map) {
        Random random = new Random(5);
        long[] keys = new long[200_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
            assertThat(map.putIfAbsent(keys[i], i)).isEqualTo(-1);
        }
        for (int i = 0; i < keys.length; i += 7) {
            assertThat(map.putIfAbsent(keys[i], 999_999)).isEqualTo(i);
        }
        assertThat(map.putIfAbsent(0, 1)).isEqualTo(-1);
        assertThat(map.putIfAbsent(0, 2)).isEqualTo(1);
    }
}
