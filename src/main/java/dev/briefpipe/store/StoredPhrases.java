package dev.briefpipe.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.briefpipe.i18n.Phrase;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases kept in the database as JSON, to be told later in each reader's language: a phrase as
 * {@code {"key":…, "args":[…]}}, a time as {@code {"time":"…"}}, a number, text or truth as itself, and
 * any other argument (a path, say) as its text.
 */
final class StoredPhrases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredPhrases() {}

    static String write(List<Phrase> phrases) {
        try {
            return JSON.writeValueAsString(
                    phrases.stream().map(StoredPhrases::plain).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The phrases stored, or an empty list for none or a row written before they were kept. */
    static List<Phrase> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Object>>() {}).stream()
                    .map(o -> (Phrase) told(o))
                    .toList();
        } catch (JsonProcessingException | ClassCastException e) {
            return List.of(); // the text kept beside them is shown instead
        }
    }

    private static Object plain(Object arg) {
        if (arg instanceof Phrase p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", p.key());
            m.put("args", p.args().stream().map(StoredPhrases::plain).toList());
            return m;
        }
        if (arg instanceof ZonedDateTime t) {
            return Map.of("time", t.toString());
        }
        return arg instanceof Number || arg instanceof String || arg instanceof Boolean ? arg : String.valueOf(arg);
    }

    private static Object told(Object stored) {
        if (stored instanceof Map<?, ?> m && m.get("time") instanceof String t) {
            return ZonedDateTime.parse(t);
        }
        if (stored instanceof Map<?, ?> m && m.get("args") instanceof List<?> args) {
            return new Phrase(
                    String.valueOf(m.get("key")),
                    args.stream().map(StoredPhrases::told).toList());
        }
        return stored;
    }
}
