package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks a typed value against its column's declared constraints; says what was expected. */
final class ValueRules {
  /** Each column's pattern, compiled once: a large sheet checks it a million times. */
  private static final java.util.Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  private ValueRules() {}

  /** The finding code of the first broken constraint, or null. */
  static String check(Object value, ColumnSpec spec) {
    if (!spec.values().isEmpty() && !spec.values().contains(value.toString())) {
      return "not-allowed";
    }
    if (value instanceof Long || value instanceof BigDecimal) {
      BigDecimal v = value instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) value;
      if ((spec.min() != null && v.compareTo(spec.min()) < 0) || (spec.max() != null && v.compareTo(spec.max()) > 0)) {
        return "out-of-range";
      }
      if (spec.type() == ColumnType.YEAR && (v.intValue() < 1000 || v.intValue() > 9999)) {
        return "out-of-range";
      }
    }
    if (value instanceof String s) {
      if (spec.maxLength() != null && s.codePointCount(0, s.length()) > spec.maxLength()) {
        return "too-long";
      }
      if (spec.minLength() != null && s.codePointCount(0, s.length()) < spec.minLength()) {
        return "too-short";
      }
      if (spec.pattern() != null && !PATTERNS.computeIfAbsent(spec.pattern(), Pattern::compile).matcher(s).matches()) {
        return "pattern-mismatch";
      }
    }
    return null;
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
