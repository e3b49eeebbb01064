package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a typed value against its column's declared constraints; says what was expected. */
final class ValueRules {
  private ValueRules() {}

  /** The finding code of the first broken constraint, if any. */
  static Optional<String> check(Object value, ColumnSpec spec) {
    if (!spec.values().isEmpty() && !spec.values().contains(value.toString())) {
      return Optional.of("not-allowed");
    }
    if (value instanceof Long || value instanceof BigDecimal) {
      BigDecimal v = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
      if ((spec.min() != null && v.compareTo(spec.min()) < 0) || (spec.max() != null && v.compareTo(spec.max()) > 0)) {
        return Optional.of("out-of-range");
      }
      if (spec.type() == ColumnType.YEAR && (v.intValue() < 1000 || v.intValue() > 9999)) {
        return Optional.of("out-of-range");
      }
    }
    if (value instanceof String s) {
      if (spec.maxLength() != null && s.codePointCount(0, s.length()) > spec.maxLength()) {
        return Optional.of("too-long");
      }
      if (spec.minLength() != null && s.codePointCount(0, s.length()) < spec.minLength()) {
        return Optional.of("too-short");
      }
      if (spec.pattern() != null && !Pattern.compile(spec.pattern()).matcher(s).matches()) {
        return Optional.of("pattern-mismatch");
      }
    }
    return Optional.empty();
  }

  /**
   * What the column expects, for the report: a type key ("type.integer"), a list of values, a range
   * or a pattern. Rendered in the reader's language by the report writers.
   */
  static String expected(String code, ColumnSpec spec) {
    switch (code) {
      case "not-allowed":
        return String.join(", ", spec.values());
      case "out-of-range":
        return (spec.min() == null ? "" : spec.min().toPlainString()) + "–"
            + (spec.max() == null ? "" : spec.max().toPlainString());
      case "too-long":
        return "≤ " + spec.maxLength();
      case "too-short":
        return "≥ " + spec.minLength();
      case "pattern-mismatch":
        return spec.pattern();
      case "type-mismatch":
      case "number-as-text":
      case "date-as-text":
      case "date-as-number":
      case "korean-units":
      case "approximate":
      case "full-width":
      case "required-missing":
        return "type." + spec.type().yamlName();
      default:
        return "";
    }
  }
}
