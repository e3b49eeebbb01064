package dev.briefpipe.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV extract of a sheet. Without any extracts declared, every sheet gets one with the
 * {@code excel} profile and all its columns.
 *
 * @param sheet the sheet id
 * @param file file name in the build's csv/ folder (default: the sheet id plus .csv or .tsv)
 * @param profile excel (UTF-8 with BOM, CRLF, comma), rfc4180 (UTF-8, CRLF, comma) or tsv (UTF-8, LF, tab)
 * @param delimiter overrides the profile's delimiter (one character)
 * @param quote overrides the profile's quote character
 * @param lineEnding overrides the profile's line ending: crlf or lf
 * @param columns field ids in output order (default: all the sheet's columns)
 * @param rename output header per field id (default: the column's header)
 * @param filter an expression over a row's fields; only rows where it is true are written
 * @param formats number or date pattern per field (default: plain numbers, ISO-8601 dates)
 * @param neutralise prefix text that a spreadsheet would run as a formula with ' (default true)
 */
public record ExtractConfig(
        String sheet,
        String file,
        String profile,
        String delimiter,
        String quote,
        String lineEnding,
        List<String> columns,
        Map<String, String> rename,
        String filter,
        Map<String, String> formats,
        Boolean neutralise) {

    public ExtractConfig {
        profile = profile == null ? "excel" : profile;
        columns = columns == null ? List.of() : List.copyOf(columns);
        rename = rename == null ? Map.of() : new LinkedHashMap<>(rename);
        formats = formats == null ? Map.of() : new LinkedHashMap<>(formats);
        neutralise = neutralise == null || neutralise;
        if (file == null && sheet != null) {
            file = sheet + ("tsv".equals(profile) ? ".tsv" : ".csv");
        }
    }

    public static ExtractConfig of(String sheet) {
        return new ExtractConfig(sheet, null, null, null, null, null, null, null, null, null, null);
    }
}
