package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a build refreshes the summary sheet: into the output folder, in the workbook itself, or not at all. */
public enum SummaryMode {
    /** The refreshed workbook is one of the build's outputs; the analyst's file is only read. */
    COPY,
    /** The analyst's workbook itself is replaced (refused while it is open; backups kept). */
    IN_PLACE,
    /** No summary sheet. */
    OFF;

    /** The word in config and on the command line: {@code in-place}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws IllegalArgumentException for a word that is not a mode */
    @JsonCreator
    public static SummaryMode of(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id().equals(id))
                .findFirst()
                .orElseThrow(() -> BadSetting.unknown(
                        id, Arrays.stream(values()).map(SummaryMode::id).collect(Collectors.joining(", "))));
    }
}
