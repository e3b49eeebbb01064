package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One column of a sheet's schema.
 *
 * @param header accepted header texts; the first is the one briefpipe writes (Korean), the others are aliases
 * @param min inclusive lower bound for numbers and years (null = none)
 * @param max inclusive upper bound (null = none)
 * @param values allowed values for {@code enum} (and, when given, for text)
 * @param help a one-line explanation for analysts (header comment in the workbook)
 * @param width column width in characters for templates and refreshed sheets
 * @param format Excel number format used when briefpipe writes this column
 * @param minLength fewest characters for text (null = none)
 * @param valuesFrom allowed values taken from another sheet's column, as "sheet.field"
 * @param references a foreign key: every value must appear in "sheet.field"
 * @param template the text may hold placeholders such as {@code {patents[CN].families:#,##0}},
 *     filled from the data when the brief is built
 * @param corrects this column holds the published wording of that field (of the same sheet) where the
 *     row corrects what was published; the brief's {@code editorial.corrections} says what is printed
 * @param aliases forms analysts type for an allowed value, each read as that value with a warning
 *     ({@code {ㅇ: ○, ㅁ: □}}: the jamo typed for the markers)
 */
public record ColumnSpec(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> header,

        ColumnType type,
        String unit,
        boolean required,
        boolean unique,
        BigDecimal min,
        BigDecimal max,
        Integer maxLength,
        List<String> values,
        String pattern,
        String help,
        Integer width,
        String format,
        boolean template,
        Integer minLength,
        String valuesFrom,
        String references,
        String corrects,
        Map<String, String> aliases,
        boolean ascending) {

    public ColumnSpec {
        header = header == null ? List.of() : List.copyOf(header);
        type = type == null ? ColumnType.TEXT : type;
        values = values == null ? List.of() : List.copyOf(values);
        aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
    }

    /** The header briefpipe writes: the first one declared. */
    public String title() {
        return header.isEmpty() ? "" : header.get(0);
    }
}
