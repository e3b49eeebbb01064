package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.model.RawCell;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds each schema column in a header row by any of its header texts, ignoring case, spacing and a
 * trailing unit in brackets ("특허군 수 (건)"), so analysts may reorder columns or use an alias.
 */
final class HeaderMatcher {
    private HeaderMatcher() {}

    /** Field id to zero-based column, for the fields found. */
    static Map<String, Integer> match(Map<String, ColumnSpec> columns, List<RawCell> header) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnSpec> e : columns.entrySet()) {
            for (int c = 0; c < header.size() && !found.containsKey(e.getKey()); c++) {
                String h = normalize(header.get(c).display());
                String bare = normalize(header.get(c).display().replaceAll("\\s*[(\\[（][^)\\]）]*[)\\]）]\\s*$", ""));
                for (String alias : e.getValue().header()) {
                    String a = normalize(alias);
                    if (!a.isEmpty() && (a.equals(h) || a.equals(bare)) && !found.containsValue(c)) {
                        found.put(e.getKey(), c);
                        break;
                    }
                }
            }
        }
        return found;
    }

    static String normalize(String s) {
        return Decimals.clean(s).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
