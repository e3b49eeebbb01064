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

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == PERCENT || this == YEAR;
    }
}
