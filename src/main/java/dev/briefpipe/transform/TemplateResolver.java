package dev.briefpipe.transform;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.expr.MissingInputException;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.NumberPattern;
import dev.briefpipe.model.Severity;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills placeholders in prose from the data: {@code {patents[CN].families:#,##0}} becomes
 * "38,210". The part after the last top-level colon is a number pattern, formatted for the brief's
 * locale. A placeholder that cannot be filled is an error at its cell; a literal number near a
 * filled one that disagrees with it (within 20 % but not equal, e.g. "38,000건" beside 38,210) is a
 * warning, since it is probably a stale copy of the same figure.
 */
final class TemplateResolver {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    /** A number standing on its own: not part of a name such as "H100", "BF16" or "910C". */
    private static final Pattern LITERAL = Pattern.compile(
            "(?<![\\p{IsLatin}\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\p{IsLatin}\\d])\\s*(조|억|만)?");

    private static final double NEAR = 0.2;
    private final ExprEvaluator eval;
    private final BriefConfig brief;
    private final Locale locale;

    TemplateResolver(ExprEvaluator eval, BriefConfig brief) {
        this.eval = eval;
        this.brief = brief;
        this.locale = Locale.forLanguageTag(brief.locale());
    }

    /**
     * Why an expression has no value, in the words an analyst sees in the workbook: a sheet and a
     * column header, where the evaluator knows only a table id and a field id.
     */
    static Object reason(ExprException e, BriefConfig brief) {
        SheetSchema keyed = e.reason().key().equals("expr.no-row")
                ? brief.sheets().get(String.valueOf(e.reason().args().get(1)))
                : null;
        if (keyed != null) {
            // The sheet and its key's header, as the analyst sees them, not the table's id.
            String key = keyed.key().stream()
                    .map(f -> keyed.columns().containsKey(f)
                            ? keyed.columns().get(f).title()
                            : f)
                    .collect(java.util.stream.Collectors.joining(", "));
            return Phrase.of(
                    "expr.sheet-no-row", keyed.sheet(), key, e.reason().args().get(0));
        }
        SheetSchema s = e instanceof MissingInputException m && m.table() != null
                ? brief.sheets().get(m.table())
                : null;
        if (s == null) {
            // A table id the brief does not define: a typo, told with the ids it could have been.
            return e instanceof MissingInputException m
                            && m.table() != null
                            && e.reason().key().equals("expr.no-sheet")
                    ? Phrase.of(
                            "expr.unknown-table",
                            m.table(),
                            String.join(", ", brief.sheets().keySet()))
                    : e.reason();
        }
        MissingInputException m = (MissingInputException) e;
        ColumnSpec c = m.field() == null ? null : s.columns().get(m.field());
        return switch (e.reason().key()) {
            case "expr.no-sheet" -> Phrase.of("expr.sheet-absent", s.sheet());
            case "expr.no-rows" -> Phrase.of("expr.sheet-no-rows", s.sheet());
            case "expr.no-field" -> c == null ? e.reason() : Phrase.of("expr.sheet-no-column", s.sheet(), c.title());
            default -> e.reason();
        };
    }

    /** The text with its placeholders filled; problems are added to {@code findings}. */
    String resolve(String text, CellRef at, String field, String header, List<Finding> findings) {
        if (text.indexOf('{') < 0 && text.indexOf('}') < 0) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<BigDecimal> values = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        while (m.find()) {
            String body = m.group(1);
            int colon = formatColon(body);
            String expr = colon < 0 ? body : body.substring(0, colon);
            String pattern = colon < 0 ? null : body.substring(colon + 1).trim();
            String replacement;
            Object v = null;
            try {
                v = eval.eval(ExprParser.parse(expr));
                if (v == null) {
                    // Worked out again, watching its reads, only to name the first blank cell: an aggregate
                    // over a large sheet is not watched on the way to a value, nor its reads kept.
                    String[] blank = {null};
                    eval.recording(r -> {
                                if (blank[0] == null && r.value().isEmpty()) {
                                    blank[0] = r.where();
                                }
                            })
                            .eval(ExprParser.parse(expr));
                    throw blank[0] == null
                            ? new ExprException(-1, "blank")
                            : new ExprException(-1, "blank-cell", blank[0]);
                }
                replacement = format(v, pattern);
                if (v instanceof BigDecimal b) {
                    values.add(pattern != null && pattern.contains("%") ? b.movePointRight(2) : b);
                    shown.add(replacement);
                    exprs.add(expr.trim());
                }
            } catch (ExprException | IllegalArgumentException e) {
                findings.add(invalid(
                        at,
                        field,
                        header,
                        m.group(),
                        e instanceof ExprException x
                                ? reason(x, brief)
                                : pattern != null
                                        ? Phrase.of(
                                                v instanceof BigDecimal ? "expr.bad-format" : "expr.bad-date-format",
                                                pattern)
                                        : String.valueOf(e.getMessage())));
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String literal = PLACEHOLDER.matcher(text).replaceAll(" ");
        int open = literal.indexOf('{');
        int close = literal.indexOf('}');
        int stray = open < 0 || (close >= 0 && close < open) ? close : open;
        if (stray >= 0) {
            // A brace without its pair would print as typed: "{budget[US]:#,##0" in the PDF.
            String near = literal.substring(stray).strip();
            findings.add(invalid(
                    at,
                    field,
                    header,
                    near.length() > 30 ? near.substring(0, 30) + "…" : near,
                    Phrase.of("expr.unpaired-brace")));
        }
        checkLiterals(literal, values, shown, exprs, at, field, header, findings);
        return out.toString();
    }

    /** A placeholder that cannot be filled, with why. */
    private static Finding invalid(CellRef at, String field, String header, String value, Object reason) {
        return new Finding(
                FindingCode.PLACEHOLDER_INVALID, Severity.ERROR, at, field, header, value, "", List.of(reason));
    }

    private void checkLiterals(
            String literalText,
            List<BigDecimal> values,
            List<String> shown,
            List<String> exprs,
            CellRef at,
            String field,
            String header,
            List<Finding> findings) {
        Matcher lit = LITERAL.matcher(literalText);
        while (lit.find()) {
            BigDecimal literal = parseLiteral(lit);
            for (int i = 0; i < values.size(); i++) {
                BigDecimal v = values.get(i);
                if (v.signum() == 0 || literal.compareTo(v) == 0) {
                    continue;
                }
                double diff = literal.subtract(v).abs().doubleValue() / v.abs().doubleValue();
                if (diff <= NEAR) {
                    findings.add(new Finding(
                            FindingCode.NUMBER_CONTRADICTS,
                            Severity.WARNING,
                            at,
                            field,
                            header,
                            lit.group().trim(),
                            shown.get(i),
                            List.of(exprs.get(i))));
                }
            }
        }
    }

    /** "38,000" → 38000, "6,710억" → 671000000000, "1.5조" → 1500000000000. */
    static BigDecimal parseLiteral(Matcher m) {
        BigDecimal n = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
        String unit = m.group(3);
        int exp = unit == null ? 0 : unit.equals("만") ? 4 : unit.equals("억") ? 8 : 12;
        return n.movePointRight(exp);
    }

    private String format(Object v, String pattern) {
        if (v instanceof YearMonth || v instanceof LocalDate) {
            // As the brief writes its dates (2025.3.27.), unless the placeholder gives a date pattern.
            String p = pattern != null
                    ? pattern
                    : v instanceof YearMonth
                            ? brief.style().monthFormat()
                            : brief.style().dateFormat();
            try {
                return DateTimeFormatter.ofPattern(p, locale)
                        .format(v instanceof YearMonth m ? m.atDay(1) : (LocalDate) v);
            } catch (DateTimeException e) { // a pattern of hours or zones
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (!(v instanceof BigDecimal b)) {
            return v.toString();
        }
        if (pattern == null) {
            return b.stripTrailingZeros().toPlainString();
        }
        return NumberPattern.of(pattern, locale).format(b);
    }

    /** The index of the colon that starts the format: the last one outside brackets and quotes. */
    private static int formatColon(String body) {
        int depth = 0;
        char quote = 0;
        int found = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == ':' && depth == 0) {
                found = i;
            }
        }
        return found;
    }
}
