package dev.briefpipe.validate;

import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.validate.CellParser.Parsed;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/** Date and year-month cells as analysts and the systems they copy from write them. */
final class DateCells {
    /**
     * "2025.3.27.", "2025년 3월 27일", "20250327", "25.03.27." (as KISTEP's lists print a date), with the
     * weekday as Korean documents add it: "(목)".
     */
    private static final Pattern DATE_TEXT = Pattern.compile(
            "(?:(\\d{4}|\\d{2})\\s*[-./년]\\s*(\\d{1,2})\\s*[-./월]\\s*(\\d{1,2})\\s*[.일]?|((?:19|20)\\d{2})(\\d{2})(\\d{2}))"
                    + "\\s*(?:\\(\\s*([월화수목금토일])(?:요일)?\\s*\\))?");
    /** "2025.3", "2025년 3월", "202503". */
    private static final Pattern MONTH_TEXT =
            Pattern.compile("(\\d{4})\\s*[-./년]\\s*(\\d{1,2})\\s*[.월]?|((?:19|20)\\d{2})(\\d{2})");

    /** "27/03/2025" or "3/27/2025": the day or the month first, which the text cannot say. */
    private static final Pattern YEAR_LAST = Pattern.compile("\\d{1,2}\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*\\d{4}\\.?");

    private static final String WEEKDAYS = "월화수목금토일";

    private DateCells() {}

    static Parsed date(RawCell cell, CellParser.Context ctx) {
        if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
            return Parsed.ok(cell.date().toLocalDate());
        }
        boolean whole = cell.kind() == RawCell.Kind.NUMBER && cell.number() == Math.rint(cell.number());
        if (whole && ctx.normalise().serialDates() && cell.number() > 0 && cell.number() < 2_958_466) {
            // A date pasted as its value (45743), of a year a brief speaks of: 2025 alone is no 1905-07-17.
            LocalDate d =
                    DateUtil.getLocalDateTime(cell.number(), ctx.date1904()).toLocalDate();
            if (d.getYear() >= 1950 && d.getYear() < 2100) {
                return Parsed.fixed(d, FindingCode.DATE_AS_NUMBER);
            }
        }
        boolean text = cell.kind() == RawCell.Kind.TEXT;
        if ((text || whole) && ctx.normalise().textDates()) {
            String typed = text ? cell.text() : String.valueOf((long) cell.number()); // 20250327, typed as a number
            String plain = Normalizer.normalize(Decimals.clean(typed), Normalizer.Form.NFKC);
            Matcher m = DATE_TEXT.matcher(plain);
            if (m.matches()) {
                int g = m.group(1) != null ? 1 : 4;
                try {
                    int year = Integer.parseInt(m.group(g));
                    LocalDate d = LocalDate.of(
                            m.group(g).length() > 2
                                    ? year
                                    : year < 30 ? 2000 + year : 1900 + year, // as Excel reads "25"
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
            if (YEAR_LAST.matcher(plain).matches()) {
                return Parsed.fail(FindingCode.DATE_ORDER);
            }
        }
        return Parsed.fail(FindingCode.TYPE_MISMATCH);
    }

    static Parsed yearMonth(RawCell cell, CellParser.Context ctx) {
        if (cell.kind() == RawCell.Kind.DATE && cell.date() != null) {
            return Parsed.ok(YearMonth.from(cell.date()));
        }
        boolean text = cell.kind() == RawCell.Kind.TEXT;
        boolean number = cell.kind() == RawCell.Kind.NUMBER;
        if (number && cell.number() != Math.rint(cell.number())) {
            return decimalMonth(cell);
        }
        if (text || number) {
            String typed = text ? cell.text() : String.valueOf((long) cell.number()); // 202503, typed as a number
            String plain = Normalizer.normalize(Decimals.clean(typed), Normalizer.Form.NFKC);
            Matcher m = MONTH_TEXT.matcher(plain);
            if (m.matches()) {
                int g = m.group(1) != null ? 1 : 3;
                int month = Integer.parseInt(m.group(g + 1));
                if (month >= 1 && month <= 12) {
                    return Parsed.ok(YearMonth.of(Integer.parseInt(m.group(g)), month));
                }
            }
            Parsed serial = number ? date(cell, ctx) : null; // a date pasted as its value: 45717
            if (serial != null && serial.value() instanceof LocalDate d) {
                return Parsed.fixed(YearMonth.from(d), FindingCode.DATE_AS_NUMBER);
            }
            // A day typed with its month ("2025-02-01", "2025.3.27."): the month, as a date cell gives.
            Matcher day = DATE_TEXT.matcher(plain);
            if (text && day.matches() && day.group(1) != null && day.group(1).length() == 4) {
                try {
                    return Parsed.ok(YearMonth.from(LocalDate.of(
                            Integer.parseInt(day.group(1)),
                            Integer.parseInt(day.group(2)),
                            Integer.parseInt(day.group(3)))));
                } catch (DateTimeException e) {
                    return Parsed.fail(FindingCode.TYPE_MISMATCH);
                }
            }
        }
        return Parsed.fail(FindingCode.TYPE_MISMATCH);
    }

    /**
     * "2025.03" typed where Excel keeps it as the number 2025.03: the month is the digits after the
     * point. Excel keeps "2025.10" as 2025.1, so a single 1 is January or October, told apart only
     * by a cell whose format shows the zero.
     */
    private static Parsed decimalMonth(RawCell cell) {
        String typed = BigDecimal.valueOf(cell.number()).stripTrailingZeros().toPlainString();
        int point = typed.indexOf('.');
        String year = typed.substring(0, point);
        String digits = typed.substring(point + 1);
        if (year.length() != 4 || digits.length() > 2) {
            return Parsed.fail(FindingCode.TYPE_MISMATCH);
        }
        if (digits.equals("1") && cell.display().strip().endsWith(".10")) {
            digits = "10";
        } else if (digits.equals("1")) {
            return new Parsed(null, FindingCode.MONTH_AMBIGUOUS, null, year);
        }
        int month = Integer.parseInt(digits);
        return month < 1 || month > 12
                ? Parsed.fail(FindingCode.TYPE_MISMATCH)
                : Parsed.fixed(YearMonth.of(Integer.parseInt(year), month), FindingCode.MONTH_AS_NUMBER);
    }
}
