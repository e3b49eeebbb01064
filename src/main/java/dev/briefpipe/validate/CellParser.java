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
    /** "2025.3.27.", "2025년 3월 27일", "20250327", with the weekday as Korean documents add it: "(목)". */
    private static final Pattern DATE_TEXT = Pattern.compile(
            "(?:(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*[.일]?|((?:19|20)\\d{2})(\\d{2})(\\d{2}))"
                    + "\\s*(?:\\(\\s*([월화수목금토일])(?:요일)?\\s*\\))?");
    /** "2025.3", "2025년 3월", "202503". */
    private static final Pattern MONTH_TEXT =
            Pattern.compile("(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[.월]?|((?:19|20)\\d{2})(\\d{2})");

    private static final String WEEKDAYS = "월화수목금토일";
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
     * @param read what the normalised value was read as, for the warning ("671000000000"); with an
     *     error, what its message names beside the cell (the date's real weekday)
     */
    record Parsed(Object value, FindingCode error, FindingCode normalized, Object read) {
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
            return Parsed.fail(cell.isUncomputed() ? FindingCode.FORMULA_NOT_COMPUTED : FindingCode.FORMULA_ERROR);
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
                return text(cell, spec);
        }
    }

    private static Parsed text(RawCell cell, ColumnSpec spec) {
        ColumnType type = spec.type();
        String s = cell.kind() == RawCell.Kind.DATE && cell.date() != null
                ? cell.date().toLocalDate().toString()
                : Decimals.clean(cell.display());
        String meant = spec.aliases().get(s);
        if (meant != null && !spec.values().contains(s)) { // "ㅇ" typed for "○"
            return Parsed.fixed(meant, FindingCode.VALUE_ALIAS);
        }
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
            return Parsed.ok(Decimals.exact(cell.number()));
        }
        if (cell.kind() != RawCell.Kind.TEXT) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        NormaliseConfig n = ctx.normalise();
        String s = Decimals.clean(cell.text());
        FindingCode how = null;
        if (n.fullWidth()) {
            String nfkc = plain(s);
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
                    Decimals.strip(new BigDecimal(s.replace(" ", "").replace(",", ""))),
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
        return Parsed.fixed(
                Decimals.strip(value.movePointLeft(unitExponent)), how == null ? FindingCode.KOREAN_UNITS : how);
    }

    /**
     * Full-width digits and signs made plain (NFKC), and the typographic minus (U+2212) a figure pasted
     * from a PDF or Word often has, which NFKC leaves as it is.
     */
    private static String plain(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u2212', '-');
    }

    private static int exponent(String word) {
        return word == null ? 0 : word.equals("만") ? 4 : word.equals("억") ? 8 : 12;
    }

    private static Parsed percent(RawCell cell, ColumnSpec spec, Context ctx) {
        if (cell.kind() == RawCell.Kind.TEXT) {
            String s = plain(Decimals.clean(cell.text())).replace(" ", "");
            if (s.endsWith("%")
                    && NUMBER.matcher(s.substring(0, s.length() - 1)).matches()
                    && ctx.normalise().textNumbers()) {
                BigDecimal v = new BigDecimal(s.substring(0, s.length() - 1).replace(",", ""));
                return Parsed.fixed(Decimals.strip(v.movePointLeft(2)), FindingCode.NUMBER_AS_TEXT);
            }
        }
        return decimal(cell, spec, ctx);
    }

    private static Parsed bool(RawCell cell) {
        if (cell.kind() == RawCell.Kind.BOOLEAN) {
            return Parsed.ok(cell.booleanValue());
        }
        Boolean b = BOOLEANS.get(Decimals.clean(cell.display()).toLowerCase(Locale.ROOT));
        return b == null ? Parsed.fail(FindingCode.TYPE_MISMATCH) : Parsed.ok(b);
    }

    private static Parsed date(RawCell cell, Context ctx) {
        if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
            return Parsed.ok(cell.date().toLocalDate());
        }
        boolean whole = cell.kind() == RawCell.Kind.NUMBER && cell.number() == Math.rint(cell.number());
        if (whole && ctx.normalise().serialDates() && cell.number() > 0 && cell.number() < 2_958_466) {
            return Parsed.fixed(
                    DateUtil.getLocalDateTime(cell.number(), ctx.date1904()).toLocalDate(), FindingCode.DATE_AS_NUMBER);
        }
        boolean text = cell.kind() == RawCell.Kind.TEXT;
        if ((text || whole) && ctx.normalise().textDates()) {
            String typed = text ? cell.text() : String.valueOf((long) cell.number()); // 20250327, typed as a number
            Matcher m = DATE_TEXT.matcher(Normalizer.normalize(Decimals.clean(typed), Normalizer.Form.NFKC));
            if (m.matches()) {
                int g = m.group(1) != null ? 1 : 4;
                try {
                    LocalDate d = LocalDate.of(
                            Integer.parseInt(m.group(g)),
                            Integer.parseInt(m.group(g + 1)),
                            Integer.parseInt(m.group(g + 2)));
                    if (m.group(7) != null
                            && WEEKDAYS.indexOf(m.group(7)) + 1
                                    != d.getDayOfWeek().getValue()) {
                        return new Parsed(null, FindingCode.WEEKDAY_MISMATCH, null, d.getDayOfWeek());
                    }
                    return Parsed.fixed(d, text ? FindingCode.DATE_AS_TEXT : FindingCode.DATE_AS_NUMBER);
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
        boolean text = cell.kind() == RawCell.Kind.TEXT;
        if (text || (cell.kind() == RawCell.Kind.NUMBER && cell.number() == Math.rint(cell.number()))) {
            String typed = text ? cell.text() : String.valueOf((long) cell.number()); // 202503, typed as a number
            Matcher m = MONTH_TEXT.matcher(Normalizer.normalize(Decimals.clean(typed), Normalizer.Form.NFKC));
            if (m.matches()) {
                int g = m.group(1) != null ? 1 : 3;
                int month = Integer.parseInt(m.group(g + 1));
                if (month >= 1 && month <= 12) {
                    return Parsed.ok(YearMonth.of(Integer.parseInt(m.group(g)), month));
                }
            }
        }
        return Parsed.fail(FindingCode.TYPE_MISMATCH);
    }
}
