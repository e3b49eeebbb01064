package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * A brief's editorial policy, declared beside its schema.
 *
 * @param unverified what the PDF does with rows whose status says they are not verified
 * @param captions a sheet (id) whose rows give a figure's or table's caption and source line
 *     by its {@code id}, so analysts keep them in the workbook; the layout's own caption wins
 * @param corrections what the PDF does with rows that correct what was published (a column declared
 *     {@code corrects: FIELD} holds the published wording of that field)
 */
public record EditorialConfig(Unverified unverified, String captions, Corrections corrections) {

    public EditorialConfig {
        unverified = unverified == null ? new Unverified(null, null, null, null) : unverified;
        corrections = corrections == null ? new Corrections(null, null, null, null) : corrections;
    }

    /** This policy with the unverified rows' note, unless given, in the brief's language (Korean, else English). */
    EditorialConfig worded(String locale) {
        Unverified u = unverified;
        String note = u.note() != null
                ? u.note()
                : locale.startsWith("ko") ? "※ 출처 확인 중인 항목: {items}" : "※ Sources still being checked: {items}";
        return new EditorialConfig(new Unverified(u.field(), u.values(), u.policy(), note), captions, corrections);
    }

    public static EditorialConfig defaults() {
        return new EditorialConfig(null, null, null);
    }

    /**
     * @param policy {@code footnote} (default: the corrected text, and a 정정 note under its bullet or
     *     table), {@code appendix} (the corrected text, and a table of every correction at the end of
     *     the brief: page, published wording, correction, reason) or {@code original} (the published
     *     wording is printed, as it was)
     * @param reason the field, in any sheet that has it, with the reason shown to readers (default
     *     {@code correction})
     * @param note under {@code footnote}, the line printed under a corrected row: {@code {changes}} are
     *     its changes (‘published words’ → ‘corrected words’, for each field it corrects), {@code
     *     {reason}} the reason (default in the brief's language)
     * @param title the appendix's title (default in the brief's language)
     */
    public record Corrections(CorrectionPolicy policy, String reason, String note, String title) {
        public Corrections {
            policy = policy == null ? CorrectionPolicy.FOOTNOTE : policy;
            reason = reason == null ? "correction" : reason;
        }

        /**
         * What the row corrects, field by field (in the schema's column order): the corrected field and
         * the published wording held by the column declared {@code corrects: field}.
         */
        public java.util.Map<String, String> published(SheetSchema schema, dev.briefpipe.model.Row row) {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            columns(schema).forEach((field, column) -> {
                if (row.get(column) != null && !row.text(column).isBlank()) {
                    out.put(field, row.text(column).strip());
                }
            });
            return out;
        }

        /** The sheet's corrected fields, each with the column holding its published wording. */
        public static java.util.Map<String, String> columns(SheetSchema schema) {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            schema.columns().forEach((column, spec) -> {
                if (spec.corrects() != null) {
                    out.put(spec.corrects(), column);
                }
            });
            return out;
        }
    }

    /** What is printed where a row corrects what was published. */
    public enum CorrectionPolicy {
        FOOTNOTE,
        APPENDIX,
        ORIGINAL;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A caption or source line for the block with this id: {@code given} (the layout's own) if set,
     * else the field of the captions sheet's row whose id it is, else null. A line break typed in the
     * cell (Alt+Enter) is a space: the PDF, the mail and the list of figures set the line themselves.
     */
    public String caption(dev.briefpipe.model.Dataset data, String id, String given, String field) {
        if (given != null || captions == null || id == null) {
            return given;
        }
        return data.findTable(captions).stream()
                .flatMap(t -> t.rows().stream())
                .filter(r -> id.equals(r.text("id").strip()) && r.get(field) != null)
                .map(r -> r.line(field))
                .findFirst()
                .orElse(null);
    }

    /**
     * @param field the status column, in every sheet that has it (default {@code status})
     * @param values the statuses that mean "not verified" (default 미확인, 추정)
     * @param policy {@code warn} (default: a validation warning for each such row the PDF prints),
     *     {@code block} (an error: nothing is built), or {@code footnote} (the PDF marks them)
     * @param note under {@code footnote}, the line printed under a figure or table holding such rows;
     *     {@code {items}} is replaced by their names
     */
    public record Unverified(String field, List<String> values, Policy policy, String note) {
        public Unverified {
            field = field == null ? "status" : field;
            values = values == null ? List.of("미확인", "추정") : List.copyOf(values);
            policy = policy == null ? Policy.WARN : policy;
        }

        /** Whether the row's status is one of the unverified values. */
        public boolean matches(dev.briefpipe.model.Row row) {
            return row.get(field) != null && values.contains(row.text(field).strip());
        }
    }

    /** What an unverified row printed in the PDF leads to. */
    public enum Policy {
        WARN,
        BLOCK,
        FOOTNOTE;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
