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
 */
public record EditorialConfig(Unverified unverified, String captions) {

    public EditorialConfig {
        unverified = unverified == null ? new Unverified(null, null, null, null) : unverified;
    }

    public static EditorialConfig defaults() {
        return new EditorialConfig(null, null);
    }

    /**
     * A caption or source line for the block with this id: {@code given} (the layout's own) if set,
     * else the field of the captions sheet's row whose id it is, else null.
     */
    public String caption(dev.briefpipe.model.Dataset data, String id, String given, String field) {
        if (given != null || captions == null || id == null) {
            return given;
        }
        return data.findTable(captions).stream()
                .flatMap(t -> t.rows().stream())
                .filter(r -> id.equals(r.text("id").strip()) && r.get(field) != null)
                .map(r -> r.text(field))
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
            note = note == null ? "※ 출처 확인 중인 항목: {items}" : note;
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
