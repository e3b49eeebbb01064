package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.model.FindingCode;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a typed value against its column's declared constraints; says what was expected. */
final class ValueRules {
    private ValueRules() {}

    /**
     * One column's constraints, made ready once for every value of the column: the pattern compiled
     * (one matcher, reset for each value: not for use from two threads), the allowed values hashed, and
     * whole-number bounds kept as longs.
     */
    static final class Checker {
        private final ColumnSpec spec;
        private final java.util.Set<String> values;
        private final Matcher pattern;
        private final Long minLong;
        private final Long maxLong;

        Checker(ColumnSpec spec) {
            this.spec = spec;
            this.values = spec.values().isEmpty() ? null : new java.util.HashSet<>(spec.values());
            this.pattern = spec.pattern() == null
                    ? null
                    : Pattern.compile(spec.pattern()).matcher("");
            this.minLong = asLong(spec.min());
            this.maxLong = asLong(spec.max());
        }

        private static Long asLong(BigDecimal b) {
            if (b == null) {
                return null;
            }
            try {
                return b.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }

        /** The finding code of the first broken constraint, or null. */
        FindingCode check(Object value) {
            if (values != null && !values.contains(value.toString())) {
                return FindingCode.NOT_ALLOWED;
            }
            if (value instanceof Long l
                    && (spec.min() == null || minLong != null)
                    && (spec.max() == null || maxLong != null)) {
                long v = l;
                if ((minLong != null && v < minLong) || (maxLong != null && v > maxLong)) {
                    return FindingCode.OUT_OF_RANGE;
                }
                if (spec.type() == ColumnType.YEAR && (v < 1000 || v > 9999)) {
                    return FindingCode.OUT_OF_RANGE;
                }
            } else if (value instanceof Long || value instanceof BigDecimal) {
                BigDecimal v = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
                if ((spec.min() != null && v.compareTo(spec.min()) < 0)
                        || (spec.max() != null && v.compareTo(spec.max()) > 0)) {
                    return FindingCode.OUT_OF_RANGE;
                }
                if (spec.type() == ColumnType.YEAR && (v.compareTo(YEAR_MIN) < 0 || v.compareTo(YEAR_MAX) > 0)) {
                    return FindingCode.OUT_OF_RANGE;
                }
            }
            if (value instanceof String s) {
                if (spec.maxLength() != null && s.codePointCount(0, s.length()) > spec.maxLength()) {
                    return FindingCode.TOO_LONG;
                }
                if (spec.minLength() != null && s.codePointCount(0, s.length()) < spec.minLength()) {
                    return FindingCode.TOO_SHORT;
                }
                if (pattern != null && !pattern.reset(s).matches()) {
                    return FindingCode.PATTERN_MISMATCH;
                }
            }
            return null;
        }
    }

    private static final BigDecimal YEAR_MIN = BigDecimal.valueOf(1000);
    private static final BigDecimal YEAR_MAX = BigDecimal.valueOf(9999);

    /**
     * What the column expects, for the report: a type key ("type.integer"), a list of values, a range
     * or a pattern (in the words of the column's help, when it has one). Rendered in the reader's language by the report writers.
     */
    static String expected(FindingCode code, ColumnSpec spec) {
        switch (code) {
            case NOT_ALLOWED:
            case VALUE_ALIAS:
                return String.join(", ", spec.values());
            case OUT_OF_RANGE:
                boolean year = spec.type() == ColumnType.YEAR; // four digits, whatever else it says
                String min = spec.min() != null ? spec.min().toPlainString() : year ? YEAR_MIN.toPlainString() : null;
                String max = spec.max() != null ? spec.max().toPlainString() : year ? YEAR_MAX.toPlainString() : null;
                return min == null ? "≤ " + max : max == null ? "≥ " + min : min + "–" + max;
            case TOO_LONG:
                return "≤ " + spec.maxLength();
            case TOO_SHORT:
                return "≥ " + spec.minLength();
            case PATTERN_MISMATCH: // the column's help says in words what the pattern says in symbols
                return spec.help() == null || spec.help().isBlank() ? spec.pattern() : spec.help();
            case TYPE_MISMATCH:
            case NUMBER_AS_TEXT:
            case DATE_AS_TEXT:
            case DATE_AS_NUMBER:
            case DATE_ORDER:
            case MONTH_AS_NUMBER:
            case MONTH_AMBIGUOUS:
            case PERCENT_UNMARKED:
            case FRACTION_HIDDEN:
            case LETTER_O:
            case KOREAN_UNITS:
            case APPROXIMATE:
            case FULL_WIDTH:
            case REQUIRED_MISSING:
                return "type." + spec.type().yamlName();
            default:
                return "";
        }
    }
}
