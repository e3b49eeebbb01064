package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The value types a column may declare; the YAML name is the lower-case, hyphenated form. */
public enum ColumnType {
    TEXT,
    INTEGER,
    DECIMAL,
    PERCENT,
    BOOLEAN,
    DATE,
    YEAR,
    YEAR_MONTH,
    URL,
    EMAIL,
    ENUM;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ColumnType fromYaml(String text) {
        for (ColumnType t : values()) {
            if (t.yamlName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw BadSetting.unknown(text, known());
    }

    public static String known() {
        return Arrays.stream(values()).map(ColumnType::yamlName).collect(Collectors.joining(", "));
    }

    /**
     * Whether a value of this type can be printed in {@code pattern}: a date pattern for dates and
     * months, a number pattern for numbers (other types take none, and so any).
     */
    public boolean takes(String pattern) {
        try {
            return switch (this) {
                case DATE, YEAR_MONTH ->
                    !java.time.format.DateTimeFormatter.ofPattern(pattern, Locale.ROOT)
                            .format(java.time.LocalDate.of(2025, 3, 27))
                            .isEmpty();
                case INTEGER, DECIMAL, PERCENT, YEAR ->
                    !dev.briefpipe.model.NumberPattern.of(pattern, Locale.ROOT)
                            .format(1234.5)
                            .isEmpty();
                default -> true;
            };
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return false;
        }
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == PERCENT || this == YEAR;
    }

    /**
     * How a number of this type prints when its column names no format: grouped in thousands as the
     * workbook's own template shows it, a percent as one, and no digit dropped; a year as it is.
     */
    String printFormat() {
        return switch (this) {
            case INTEGER -> "#,##0";
            case DECIMAL -> "#,##0.##########";
            case PERCENT -> "#,##0.########%";
            default -> null;
        };
    }
}
