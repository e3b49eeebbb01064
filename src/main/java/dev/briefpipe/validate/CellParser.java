package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.config.NormaliseConfig;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawCell;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns one raw cell into a typed value for its column, or says why it cannot. Values an analyst
 * plainly meant — a number typed as text, "약 560만", "6,710억" in a column counted in 억, full-width
 * digits, "2025.3.27.", a date stored as a serial number — are accepted (as the brief's
 * {@link NormaliseConfig} allows) and reported as normalised with what was read, so the fix is
 * visible but nothing blocks.
 */
final class CellParser {
    private static final Pattern NUMBER =
            Pattern.compile("([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[+-]?\\.\\d+)");
    private static final Pattern KOREAN_NUMBER =
            Pattern.compile("([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(조|억|만)?\\s*(.*)");
    private static final Pattern APPROXIMATE =
            Pattern.compile("^(약|대략|~|≈|about|approx\\.?)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TEXT =
            Pattern.compile("(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*[.일]?");
    private static final Pattern MONTH_TEXT = Pattern.compile("(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[.월]?");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("true", true),
            Map.entry("false", false),
            Map.entry("yes", true),
            Map.entry("no", false),
            Map.entry("y", true),
            Map.entry("n", false),
            Map.entry("예", true),
            Map.entry("아니오", false),
            Map.entry("참", true),
            Map.entry("거짓", false),
            Map.entry("o", true),
            Map.entry("x", false));

    private CellParser() {}

    /**
     * @param value the typed value (null for blank)
     * @param error a finding code when the cell cannot be used, else null
     * @param normalized a finding code when the value was accepted after normalising, else null
     * @param read what the normalised value was read as, for the warning ("671000000000")
     */
    record Parsed(Object value, FindingCode error, FindingCode normalized, String read) {
        static Parsed ok(Object v) {
            return new Parsed(v, null, null, null);
        }

        static Parsed fixed(Object v, FindingCode how) {
            return new Parsed(v, null, how, v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v));
        }

        static Parsed fail(FindingCode code) {
            return new Parsed(null, code, null, null);
        }
    }

    /** What parsing may accept: the brief's normalisation switches and the workbook's date system. */
    record Context(NormaliseConfig normalise, boolean date1904) {
        static Context defaults() {
            return new Context(NormaliseConfig.defaults(), false);
        }
    }

    static Parsed parse(RawCell cell, ColumnSpec spec) {
        return parse(cell, spec, Context.defaults());
    }

    static Parsed parse(RawCell cell, ColumnSpec spec, Context ctx) {
        if (cell.kind() == RawCell.Kind.ERROR) {
            return Parsed.fail(FindingCode.FORMULA_ERROR);
        }
        if (cell.isBlank()) {
            return Parsed.ok(null);
        }
        switch (spec.type()) {
            case INTEGER:
            case YEAR:
                return integer(cell, spec, ctx);
            case DECIMAL:
                return decimal(cell, spec, ctx);
            case PERCENT:
                return percent(cell, spec, ctx);
            case BOOLEAN:
                return bool(cell);
            case DATE:
                return date(cell, ctx);
            case YEAR_MONTH:
                return yearMonth(cell);
            default:
                return text(cell, spec.type());
        }
    }

    private static Parsed text(RawCell cell, ColumnType type) {
        String s = cell.kind() == RawCell.Kind.DATE && cell.date() != null
                ? cell.date().toLocalDate().toString()
                : clean(cell.display());
        if (type == ColumnType.URL && !URL.matcher(s).matches()) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        if (type == ColumnType.EMAIL && !EMAIL.matcher(s).matches()) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        return Parsed.ok(s);
    }

    private static Parsed integer(RawCell cell, ColumnSpec spec, Context ctx) {
        Parsed p = decimal(cell, spec, ctx);
        if (p.error() != null) {
            return p;
        }
        try {
            return new Parsed(((BigDecimal) p.value()).longValueExact(), null, p.normalized(), p.read());
        } catch (ArithmeticException e) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
    }

    private static Parsed decimal(RawCell cell, ColumnSpec spec, Context ctx) {
        if (cell.kind() == RawCell.Kind.NUMBER) {
            return Parsed.ok(exact(cell.number()));
        }
        if (cell.kind() != RawCell.Kind.TEXT) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        NormaliseConfig n = ctx.normalise();
        String s = clean(cell.text());
        FindingCode how = null;
        if (n.fullWidth()) {
            String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
            if (!nfkc.equals(s)) {
                s = nfkc;
                how = FindingCode.FULL_WIDTH;
            }
        }
        Matcher approx = APPROXIMATE.matcher(s);
        if (approx.find()) {
            if (!n.approximate()) {
                return Parsed.fail(FindingCode.TYPE_MISMATCH);
            }
            s = s.substring(approx.end());
            how = FindingCode.APPROXIMATE;
        }
        if (NUMBER.matcher(s.replace(" ", "")).matches()) {
            if (!n.textNumbers()) {
                return Parsed.fail(FindingCode.TYPE_MISMATCH);
            }
            return Parsed.fixed(
                    strip(new BigDecimal(s.replace(" ", "").replace(",", ""))),
                    how == null ? FindingCode.NUMBER_AS_TEXT : how);
        }
        Matcher k = KOREAN_NUMBER.matcher(s);
        if (!k.matches() || !n.koreanUnits()) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        BigDecimal value = new BigDecimal(k.group(1).replace(",", "")).movePointRight(exponent(k.group(2)));
        String word = k.group(3).strip();
        String unit = spec.unit() == null ? "" : spec.unit().strip();
        Matcher unitParts = Pattern.compile("^(조|억|만)?\\s*(.*)$").matcher(unit);
        unitParts.matches();
        int unitExponent = exponent(unitParts.group(1));
        String unitWord = unitParts.group(2).strip();
        boolean wordOk =
                word.isEmpty() || word.equals(unit) || word.equals(unitWord) || (unitExponent > 0 && word.equals(unit));
        if (!wordOk) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        if (k.group(2) == null && word.equals(unit) && unitExponent > 0) {
            value = value.movePointRight(unitExponent);
        }
        return Parsed.fixed(strip(value.movePointLeft(unitExponent)), how == null ? FindingCode.KOREAN_UNITS : how);
    }

    private static int exponent(String word) {
        return word == null ? 0 : word.equals("만") ? 4 : word.equals("억") ? 8 : 12;
    }

    private static Parsed percent(RawCell cell, ColumnSpec spec, Context ctx) {
        if (cell.kind() == RawCell.Kind.TEXT) {
            String s = Normalizer.normalize(clean(cell.text()), Normalizer.Form.NFKC)
                    .replace(" ", "");
            if (s.endsWith("%")
                    && NUMBER.matcher(s.substring(0, s.length() - 1)).matches()
                    && ctx.normalise().textNumbers()) {
                BigDecimal v = new BigDecimal(s.substring(0, s.length() - 1).replace(",", ""));
                return Parsed.fixed(strip(v.movePointLeft(2)), FindingCode.NUMBER_AS_TEXT);
            }
        }
        return decimal(cell, spec, ctx);
    }

    private static Parsed bool(RawCell cell) {
        if (cell.kind() == RawCell.Kind.BOOLEAN) {
            return Parsed.ok(cell.booleanValue());
        }
        Boolean b = BOOLEANS.get(clean(cell.display()).toLowerCase(Locale.ROOT));
        return b == null ? Parsed.fail(FindingCode.TYPE_MISMATCH) : Parsed.ok(b);
    }

    private static Parsed date(RawCell cell, Context ctx) {
        if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
            return Parsed.ok(cell.date().toLocalDate());
        }
        if (cell.kind() == RawCell.Kind.NUMBER
                && ctx.normalise().serialDates()
                && cell.number() > 0
                && cell.number() < 2_958_466
                && cell.number() == Math.rint(cell.number())) {
            return Parsed.fixed(
                    DateUtil.getLocalDateTime(cell.number(), ctx.date1904()).toLocalDate(), FindingCode.DATE_AS_NUMBER);
        }
        if (cell.kind() == RawCell.Kind.TEXT && ctx.normalise().textDates()) {
            Matcher m = DATE_TEXT.matcher(Normalizer.normalize(clean(cell.text()), Normalizer.Form.NFKC));
            if (m.matches()) {
                try {
                    LocalDate d = LocalDate.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    return Parsed.fixed(d, FindingCode.DATE_AS_TEXT);
                } catch (DateTimeException e) {
                    return Parsed.fail(FindingCode.TYPE_MISMATCH);
                }
            }
        }
        return Parsed.fail(FindingCode.TYPE_MISMATCH);
    }

    private static Parsed yearMonth(RawCell cell) {
        if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
            return Parsed.ok(YearMonth.from(cell.date()));
        }
        if (cell.kind() == RawCell.Kind.TEXT) {
            Matcher m = MONTH_TEXT.matcher(Normalizer.normalize(clean(cell.text()), Normalizer.Form.NFKC));
            if (m.matches()) {
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    return Parsed.ok(YearMonth.of(Integer.parseInt(m.group(1)), month));
                }
            }
        }
        return Parsed.fail(FindingCode.TYPE_MISMATCH);
    }

    /** The double as the shortest exact decimal ("38210", "0.708"), never "3.821E+4". */
    static BigDecimal exact(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return BigDecimal.valueOf((long) d);
        }
        // Most decimals in a sheet have a few places ("1234.56"): the fewest places whose decimal is
        // nearest this double is the shortest exact decimal, found without Double.toString's general
        // conversion. Up to 15 digits, no two such decimals share a double, so the answer is the same.
        double a = Math.abs(d);
        if (a >= 1e-6 && a < 1e14) {
            for (int places = 1; places < POWERS.length; places++) {
                double scaled = a * POWERS[places];
                if (scaled >= 1e15) {
                    break;
                }
                long digits = Math.round(scaled);
                if ((double) digits / POWERS[places] == a) {
                    return strip(BigDecimal.valueOf(d < 0 ? -digits : digits, places));
                }
            }
        }
        return strip(BigDecimal.valueOf(d));
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14
    };

    private static BigDecimal strip(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** A character that {@link String#strip} takes off the ends. */
    private static boolean edge(char c) {
        return c <= ' ' || Character.isWhitespace(c);
    }

    /** Trims, and removes no-break and zero-width spaces. */
    static String clean(String s) {
        int n = s.length();
        boolean plain = n == 0 || (!edge(s.charAt(0)) && !edge(s.charAt(n - 1)));
        for (int i = 0; i < n && plain; i++) {
            char c = s.charAt(i);
            // What is cleaned below is all at U+00A0 or above: most text has none of it.
            plain = c < '\u00A0'
                    || (c != '\u00A0'
                            && c != '\u200B'
                            && c != '\u200C'
                            && c != '\u200D'
                            && c != '\u2060'
                            && c != '\uFEFF');
        }
        if (plain) {
            return s;
        }
        return s.replace('\u00A0', ' ')
                .replace("\u200B", "")
                .replace("\u200C", "")
                .replace("\u200D", "")
                .replace("\u2060", "")
                .replace("\uFEFF", "")
                .strip();
    }
}
