package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.ColumnType;
import dev.briefpipe.config.NormaliseConfig;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawCell;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    private static final Pattern APPROXIMATE =
            Pattern.compile("^(약|대략|~|≈|about|approx\\.?)\\s*", Pattern.CASE_INSENSITIVE);
    /** What tables print for "no value", as analysts type it into a number or date cell ("ㅡ" for a dash). */
    private static final Set<String> NO_VALUE = Stream.of(
                    "-", "–", "—", "―", "−", "ㅡ", "N/A", "NA", "n.a.", "해당 없음", "미공개", "비공개", "미상", "…")
            .map(CellParser::noValueKey)
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<ColumnType> NO_VALUE_TYPES = EnumSet.of(
            ColumnType.INTEGER,
            ColumnType.YEAR,
            ColumnType.DECIMAL,
            ColumnType.PERCENT,
            ColumnType.DATE,
            ColumnType.YEAR_MONTH);
    /** A year as Korean writes it: "2025년", "2025년도". */
    private static final Pattern YEAR_TEXT = Pattern.compile("(\\d{4})\\s*년도?");

    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> YES = Set.of("true", "yes", "y", "예", "참", "o");
    private static final Set<String> NO = Set.of("false", "no", "n", "아니오", "거짓", "x");

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

    private static String noValueKey(String typed) {
        return Normalizer.normalize(typed, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
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
        if (cell.kind() == RawCell.Kind.TEXT
                && NO_VALUE_TYPES.contains(spec.type())
                && ctx.normalise().noValueMarks()
                && NO_VALUE.contains(noValueKey(cell.text()))) { // "-" for no value: a blank, told
            return spec.required()
                    ? Parsed.fail(FindingCode.REQUIRED_MISSING)
                    : new Parsed(null, null, FindingCode.NO_VALUE_MARK, "");
        }
        switch (spec.type()) {
            case YEAR:
                Matcher year =
                        cell.kind() == RawCell.Kind.TEXT && ctx.normalise().koreanUnits()
                                ? YEAR_TEXT.matcher(plain(Decimals.clean(cell.text())))
                                : null;
                return year != null && year.matches()
                        ? Parsed.fixed(Long.parseLong(year.group(1)), FindingCode.KOREAN_UNITS)
                        : integer(cell, spec, ctx);
            case INTEGER:
                return integer(cell, spec, ctx);
            case DECIMAL:
                return decimal(cell, spec, ctx);
            case PERCENT:
                return percent(cell, spec, ctx);
            case BOOLEAN:
                return bool(cell);
            case DATE:
                return DateCells.date(cell, ctx);
            case YEAR_MONTH:
                return DateCells.yearMonth(cell, ctx);
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
        BigDecimal v = (BigDecimal) p.value();
        try {
            return new Parsed(v.longValueExact(), null, p.normalized(), p.read());
        } catch (ArithmeticException e) {
            // 38210.5 shown as 38,211 by the cell's format (a formula's result most often): say what it holds.
            boolean hidden = cell.kind() == RawCell.Kind.NUMBER
                    && v.stripTrailingZeros().scale() > 0
                    && !cell.display().replace(",", "").contains(v.toPlainString());
            return hidden
                    ? new Parsed(null, FindingCode.FRACTION_HIDDEN, null, v.toPlainString())
                    : Parsed.fail(FindingCode.TYPE_MISMATCH);
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
        Korean typed = n.koreanUnits() ? Korean.read(s) : null;
        // The column's unit read the same way, from one of it: "억 달러" is 10^8 and "달러".
        String unit = spec.unit() == null ? "" : spec.unit().strip();
        Korean one = Korean.read("1" + unit);
        if (typed == null
                || one == null
                || !(typed.word().isEmpty() || typed.word().equals(one.word()))) {
            boolean letterO = s.matches(".*\\d.*")
                    && NUMBER.matcher(s.replace(" ", "").replaceAll("[Oo]", "0"))
                            .matches();
            return Parsed.fail(letterO ? FindingCode.LETTER_O : FindingCode.TYPE_MISMATCH); // "12,5OO"
        }
        return Parsed.fixed(
                Decimals.strip(typed.value().divide(one.value())), how == null ? FindingCode.KOREAN_UNITS : how);
    }

    /**
     * A number in Korean words and the word after it: "560만 명", "3억 5천만", "1조 2,000억 달러", "5백만";
     * each term's 조, 억 or 만 below the one before, a term without one the last.
     */
    record Korean(BigDecimal value, String word) {
        private static final Pattern TERM =
                Pattern.compile("((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(십|백|천)?\\s*(조|억|만)?\\s*");

        static Korean read(String s) {
            Matcher t = TERM.matcher(s);
            boolean minus = s.startsWith("-"); // of the whole: -3억 5천만 is -350,000,000
            BigDecimal value = null;
            int at = minus || s.startsWith("+") ? 1 : 0;
            int below = 13;
            while (t.region(at, s.length()).lookingAt() && exponent(t.group(3)) < below) {
                below = exponent(t.group(3));
                int small = t.group(2) == null ? 0 : "십백천".indexOf(t.group(2)) + 1;
                BigDecimal term = new BigDecimal(t.group(1).replace(",", "")).movePointRight(below + small);
                value = value == null ? term : value.add(term);
                at = t.end();
                if (below == 0) {
                    break;
                }
            }
            return value == null
                    ? null
                    : new Korean(minus ? value.negate() : value, s.substring(at).strip());
        }

        private static int exponent(String word) {
            return word == null ? 0 : word.equals("만") ? 4 : word.equals("억") ? 8 : 12;
        }
    }

    /**
     * Full-width digits and signs made plain (NFKC), the typographic minus (U+2212) a figure pasted from
     * a PDF or Word often has, which NFKC leaves as it is, the △ Korean public tables print for minus,
     * and a number in brackets, as accounts print one below zero: (1,234).
     */
    private static String plain(String s) {
        String p = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('\u2212', '-')
                .replace('△', '-');
        return p.length() > 2 && p.startsWith("(") && p.endsWith(")")
                ? "-" + p.substring(1, p.length() - 1).strip()
                : p;
    }

    private static Parsed percent(RawCell cell, ColumnSpec spec, Context ctx) {
        if (cell.kind() == RawCell.Kind.TEXT) {
            String typed = Decimals.clean(cell.text()).replace(" ", "");
            String s = plain(typed);
            if (s.endsWith("%")
                    && NUMBER.matcher(s.substring(0, s.length() - 1)).matches()
                    && ctx.normalise().textNumbers()) {
                BigDecimal v = new BigDecimal(s.substring(0, s.length() - 1).replace(",", ""));
                return Parsed.fixed(
                        Decimals.strip(v.movePointLeft(2)),
                        s.equals(typed) ? FindingCode.NUMBER_AS_TEXT : FindingCode.FULL_WIDTH);
            }
        }
        Parsed p = decimal(cell, spec, ctx);
        // 70.8 typed for 70.8 % in a cell not formatted as a percent is 7,080 %: never guessed.
        if (p.value() instanceof BigDecimal v
                && v.abs().compareTo(BigDecimal.ONE) > 0
                && !cell.display().contains("%")) {
            return new Parsed(
                    null, FindingCode.PERCENT_UNMARKED, null, v.movePointLeft(2).toPlainString());
        }
        return p;
    }

    private static Parsed bool(RawCell cell) {
        if (cell.kind() == RawCell.Kind.BOOLEAN) {
            return Parsed.ok(cell.booleanValue());
        }
        String typed = Decimals.clean(cell.display()).toLowerCase(Locale.ROOT);
        return YES.contains(typed) || NO.contains(typed)
                ? Parsed.ok(YES.contains(typed))
                : Parsed.fail(FindingCode.TYPE_MISMATCH);
    }
}
