package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.model.RawCell;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one raw cell into a typed value for its column, or says why it cannot. Values an analyst
 * plainly meant (a number typed as text, "2025.3." for a month) are accepted and reported as
 * normalised, so the fix is visible but nothing blocks.
 */
final class CellParser {
  private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
  private static final Pattern DATE_TEXT = Pattern.compile("(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*[.일]?");
  private static final Pattern MONTH_TEXT = Pattern.compile("(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[.월]?");
  private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
      Map.entry("true", true), Map.entry("false", false), Map.entry("yes", true), Map.entry("no", false),
      Map.entry("y", true), Map.entry("n", false), Map.entry("예", true), Map.entry("아니오", false),
      Map.entry("참", true), Map.entry("거짓", false), Map.entry("o", true), Map.entry("x", false));

  private CellParser() {}

  /**
   * @param value the typed value (null for blank)
   * @param error a finding code when the cell cannot be used, else null
   * @param normalized a finding code when the value was accepted after normalising, else null
   */
  record Parsed(Object value, String error, String normalized) {
    static Parsed ok(Object v) {
      return new Parsed(v, null, null);
    }

    static Parsed fixed(Object v, String how) {
      return new Parsed(v, null, how);
    }

    static Parsed fail(String code) {
      return new Parsed(null, code, null);
    }
  }

  static Parsed parse(RawCell cell, ColumnSpec spec) {
    if (cell.kind() == RawCell.Kind.ERROR) {
      return Parsed.fail("formula-error");
    }
    if (cell.isBlank()) {
      return Parsed.ok(null);
    }
    ColumnType type = spec.type();
    switch (type) {
      case INTEGER:
      case YEAR:
        return integer(cell);
      case DECIMAL:
        return decimal(cell);
      case PERCENT:
        return percent(cell);
      case BOOLEAN:
        return bool(cell);
      case DATE:
        return date(cell);
      case YEAR_MONTH:
        return yearMonth(cell);
      default:
        return text(cell, type);
    }
  }

  private static Parsed text(RawCell cell, ColumnType type) {
    String s = cell.kind() == RawCell.Kind.DATE && cell.date() != null
        ? cell.date().toLocalDate().toString() : clean(cell.display());
    if (type == ColumnType.URL && !URL.matcher(s).matches()) {
      return Parsed.fail("type-mismatch");
    }
    if (type == ColumnType.EMAIL && !EMAIL.matcher(s).matches()) {
      return Parsed.fail("type-mismatch");
    }
    return Parsed.ok(s);
  }

  private static Parsed integer(RawCell cell) {
    Parsed p = decimal(cell);
    if (p.error() != null) {
      return p;
    }
    BigDecimal d = (BigDecimal) p.value();
    try {
      return new Parsed(d.longValueExact(), null, p.normalized());
    } catch (ArithmeticException e) {
      return Parsed.fail("type-mismatch");
    }
  }

  private static Parsed decimal(RawCell cell) {
    if (cell.kind() == RawCell.Kind.NUMBER) {
      return Parsed.ok(exact(cell.number()));
    }
    if (cell.kind() == RawCell.Kind.TEXT) {
      String s = clean(cell.text()).replace(" ", "");
      if (NUMBER_TEXT.matcher(s).matches()) {
        return Parsed.fixed(strip(new BigDecimal(s.replace(",", ""))), "number-as-text");
      }
    }
    return Parsed.fail("type-mismatch");
  }

  private static Parsed percent(RawCell cell) {
    if (cell.kind() == RawCell.Kind.TEXT) {
      String s = clean(cell.text()).replace(" ", "");
      if (s.endsWith("%") && NUMBER_TEXT.matcher(s.substring(0, s.length() - 1)).matches()) {
        BigDecimal v = new BigDecimal(s.substring(0, s.length() - 1).replace(",", ""));
        return Parsed.fixed(strip(v.movePointLeft(2)), "number-as-text");
      }
    }
    return decimal(cell);
  }

  private static Parsed bool(RawCell cell) {
    if (cell.kind() == RawCell.Kind.BOOLEAN) {
      return Parsed.ok(cell.booleanValue());
    }
    Boolean b = BOOLEANS.get(clean(cell.display()).toLowerCase(Locale.ROOT));
    return b == null ? Parsed.fail("type-mismatch") : Parsed.ok(b);
  }

  private static Parsed date(RawCell cell) {
    if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
      return Parsed.ok(cell.date().toLocalDate());
    }
    if (cell.kind() == RawCell.Kind.TEXT) {
      Matcher m = DATE_TEXT.matcher(clean(cell.text()));
      if (m.matches()) {
        try {
          LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
          return Parsed.fixed(d, "date-as-text");
        } catch (java.time.DateTimeException e) {
          return Parsed.fail("type-mismatch");
        }
      }
    }
    return Parsed.fail("type-mismatch");
  }

  private static Parsed yearMonth(RawCell cell) {
    if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
      return Parsed.ok(YearMonth.from(cell.date()));
    }
    if (cell.kind() == RawCell.Kind.TEXT) {
      Matcher m = MONTH_TEXT.matcher(clean(cell.text()));
      if (m.matches()) {
        int month = Integer.parseInt(m.group(2));
        if (month >= 1 && month <= 12) {
          return Parsed.ok(YearMonth.of(Integer.parseInt(m.group(1)), month));
        }
      }
    }
    return Parsed.fail("type-mismatch");
  }

  /** The double as the shortest exact decimal ("38210", "0.708"), never "3.821E+4". */
  static BigDecimal exact(double d) {
    return strip(BigDecimal.valueOf(d));
  }

  private static BigDecimal strip(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** Trims, and turns no-break and zero-width spaces into nothing or a space. */
  static String clean(String s) {
    return s.replace('\u00A0', ' ').replace("\u200B", "").replace("\uFEFF", "").strip();
  }
}
