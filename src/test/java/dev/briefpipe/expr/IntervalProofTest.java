package dev.briefpipe.expr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The interval proof never says a rule holds where the exact evaluation says otherwise. */
class IntervalProofTest {
    private static final ExprEvaluator EXACT = new ExprEvaluator(new Dataset(List.of()), n -> Optional.empty());

    private static Row row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new Row(2, m, Map.of());
    }

    private static boolean exact(Expr e, Row r) {
        try {
            return Boolean.TRUE.equals(EXACT.eval(e, r));
        } catch (ExprException x) {
            return false;
        }
    }

    /** Checks the proof on one row against the exact result; returns whether it proved the rule. */
    private static boolean agree(String rule, Row r) {
        Expr e = ExprParser.parse(rule);
        IntervalProof p = IntervalProof.of(e);
        assertThat(p).as(rule).isNotNull();
        boolean proved = p.holds(r);
        if (proved) {
            assertThat(exact(e, r)).as("%s on %s", rule, r.values()).isTrue();
        }
        return proved;
    }

    @Test
    void provesTheConversionRuleOnPlainRowsAndNeverWhereItFails() {
        String rule = "abs(amount_usd - amount / fx) <= 0.01 * amount_usd + 0.01";
        Random random = new Random(7);
        int proved = 0;
        int holds = 0;
        for (int i = 0; i < 200_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(4));
            BigDecimal fx = BigDecimal.valueOf(1 + random.nextInt(200_000), random.nextInt(5));
            BigDecimal usd = amount.divide(fx, MathContext.DECIMAL64);
            // Exactly right, off by about the tolerance either way, or far off.
            switch (random.nextInt(4)) {
                case 0 -> usd = usd.setScale(2, java.math.RoundingMode.HALF_UP);
                case 1 -> usd = usd.add(usd.multiply(new BigDecimal("0.01")).add(new BigDecimal("0.01")));
                case 2 -> usd = usd.multiply(BigDecimal.valueOf(random.nextInt(3)));
                default -> {}
            }
            Row r = row("amount", amount, "fx", fx, "amount_usd", usd);
            if (agree(rule, r)) {
                proved++;
            }
            if (exact(ExprParser.parse(rule), r)) {
                holds++;
            }
        }
        // Most rows that hold are proved quickly; the rest are left to the exact evaluation.
        assertThat(proved).isGreaterThan(holds * 9 / 10);
    }

    @Test
    void aValueExactlyAtTheLimitIsLeftToTheExactEvaluation() {
        // 10 - 9.99 is 0.01 exactly; in doubles it is 0.009999999999999787.
        Row r = row("a", new BigDecimal("10"), "b", new BigDecimal("9.99"));
        assertThat(agree("a - b <= 0.01", r)).isFalse();
        assertThat(exact(ExprParser.parse("a - b <= 0.01"), r)).isTrue();
        assertThat(agree("a - b < 0.01", r)).isFalse();
        // Different decimals with the same nearest double.
        Row close = row("a", new BigDecimal("0.1"), "b", new BigDecimal("0.1000000000000000000001"));
        assertThat(agree("a >= b", close)).isFalse();
        assertThat(agree("b <= a", close)).isFalse();
        // 1/3 * 3 is 0.9999999999999999 in 16 digits, not 1.
        Row third = row("x", BigDecimal.ONE, "y", BigDecimal.valueOf(3));
        assertThat(agree("x / y * y >= 1", third)).isFalse();
        assertThat(exact(ExprParser.parse("x / y * y >= 1"), third)).isFalse();
    }

    @Test
    void blanksTextDivisorsOfZeroAndHugeNumbersAreNotProved() {
        assertThat(agree("a / b > 0", row("a", BigDecimal.ONE, "b", BigDecimal.ZERO)))
                .isFalse();
        assertThat(agree("a / b > 0", row("a", BigDecimal.ONE))).isFalse();
        assertThat(agree("a > 0", row("a", "twelve"))).isFalse();
        assertThat(agree("a > 0", row("a", new BigDecimal("1e400")))).isFalse();
        assertThat(agree("a * a > 0", row("a", new BigDecimal("1e200")))).isFalse();
        assertThat(agree("a > 0", row("a", new BigDecimal("1e-400")))).isFalse();
    }

    @Test
    void logicFollowsTheEvaluatorsOrder() {
        Row r = row("a", 5L, "b", BigDecimal.ZERO);
        assertThat(agree("a > 1 or a / b > 0", r)).isTrue();
        assertThat(agree("a < 1 or a / b > 0", r)).isFalse();
        assertThat(agree("a > 1 and a < 10", r)).isTrue();
        assertThat(agree("not (a < 1)", r)).isTrue();
        assertThat(agree("a != 6", r)).isTrue();
        assertThat(agree("-a < 0", r)).isTrue();
    }

    @Test
    void anExpressionBeyondItHasNoProof() {
        assertThat(IntervalProof.of(ExprParser.parse("a = 1"))).isNull();
        assertThat(IntervalProof.of(ExprParser.parse("round(a, 2) > 1"))).isNull();
        assertThat(IntervalProof.of(ExprParser.parse("t[x].v > 1"))).isNull();
        assertThat(IntervalProof.of(ExprParser.parse("a + 1"))).isNull();
    }

    @Test
    void randomArithmeticNeverProvesWhatIsFalse() {
        String[] rules = {
            "a + b - c <= a * 0.5",
            "a / b * c > a - c",
            "abs(a - b / c) < 0.001 * b",
            "a * b >= c / a",
            "-a + b / 7 < c * 3",
            "a / b / c >= 0.1 and a - b != c"
        };
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            Row r = row("a", value(random), "b", value(random), "c", value(random));
            for (String rule : rules) {
                agree(rule, r);
            }
        }
    }

    private static Object value(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> (long) random.nextInt(2001) - 1000;
            case 1 -> BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, random.nextInt(12));
            case 2 -> BigDecimal.valueOf(random.nextInt(100) + 1, random.nextInt(3));
            case 3 ->
                new BigDecimal(BigDecimal.valueOf(random.nextInt(1000), 0).toPlainString() + ".000000000000000001");
            default -> BigDecimal.ONE.divide(BigDecimal.valueOf(random.nextInt(50) + 1), MathContext.DECIMAL64);
        };
    }
}
