package dev.briefpipe.model;

import java.util.Locale;

/**
 * The kinds of finding briefpipe itself reports, each a stable code ({@link #id()}, e.g. {@code
 * type-mismatch}) that reports, scripts and tests rely on; the message is the bundle's {@code
 * finding.<code>}. A brief's own rules report under codes of their own ({@link RuleCode}).
 */
public enum FindingCode implements Finding.Code {
    SHEET_MISSING,
    SHEET_RENAMED,
    HIDDEN_SHEET,
    COLUMN_MISSING,
    COLUMN_UNKNOWN,
    COLUMN_RENAMED,
    COLUMN_TWICE,
    HEADER_MOVED,
    ROW_COUNT,
    HIDDEN_ROW,
    ROW_NOTE,
    ROW_ORDER,
    TOTAL_ROW,
    REQUIRED_MISSING,
    TYPE_MISMATCH,
    NOT_ALLOWED,
    OUT_OF_RANGE,
    TOO_SHORT,
    TOO_LONG,
    PATTERN_MISMATCH,
    KEY_DUPLICATE,
    UNIQUE_DUPLICATE,
    FOREIGN_KEY_MISSING,
    FORMULA_ERROR,
    FORMULA_NOT_COMPUTED,
    EXTERNAL_LINK,
    MERGED_CELL,
    NUMBER_AS_TEXT,
    KOREAN_UNITS,
    APPROXIMATE,
    FULL_WIDTH,
    VALUE_ALIAS,
    DATE_AS_TEXT,
    DATE_AS_NUMBER,
    WEEKDAY_MISMATCH,
    DATE_ORDER,
    MONTH_AS_NUMBER,
    MONTH_AMBIGUOUS,
    PERCENT_UNMARKED,
    FRACTION_HIDDEN,
    LETTER_O,
    NO_VALUE_MARK,
    FIGURE_FAILED,
    FIGURE_BLANK,
    FIGURE_MOVED,
    WORKBOOK_UNCHANGED,
    DATE_BEFORE_PERIOD,
    ISSUE_REPEATED,
    DERIVED_FAILED,
    PLACEHOLDER_INVALID,
    PLACEHOLDER_UNFILLED,
    NUMBER_CONTRADICTS,
    UNVERIFIED_PRINTED,
    MARKER_TYPED,
    PLACEMENT_UNKNOWN,
    PLACEMENT_MISSING,
    PLACEMENT_TWICE,
    CHART_CATEGORY_REPEATED,
    BAR_BLANK,
    CHART_LABEL_BLANK,
    PRINTED_EMPTY,
    ROW_UNPRINTED,
    SECTION_UNTITLED,
    GLYPH_MISSING;

    /** Whether this kind is about something computed from other cells, usually failing because of them. */
    public boolean follows() {
        return this == FIGURE_FAILED || this == DERIVED_FAILED || this == PLACEHOLDER_INVALID;
    }

    @Override
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }
}
