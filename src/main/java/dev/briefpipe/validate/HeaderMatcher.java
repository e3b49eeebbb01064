package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.model.RawCell;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds each schema column in a header row by any of its header texts, ignoring case, spacing, a
 * trailing unit in brackets ("특허군 수 (건)") and a required field's mark ("검증*"), so analysts may
 * reorder columns or use an alias. A header as written is matched before any is read without its
 * brackets: "출원인(영문)" is the column of that name wherever it stands, never "출원인" with a unit.
 */
final class HeaderMatcher {
    /** What may follow a header's name: a unit in brackets, a required field's * (as forms mark one). */
    private static final String MARKS = "(\\s*([(\\[（][^)\\]）]*[)\\]）]|[*＊]))+\\s*$";

    private HeaderMatcher() {}

    /** Field id to zero-based column, for the fields found, in the schema's order. */
    static Map<String, Integer> match(Map<String, ColumnSpec> columns, List<RawCell> header) {
        List<String> whole = header.stream().map(c -> normalize(c.display())).toList();
        List<String> bare = header.stream()
                .map(c -> normalize(c.display().replaceAll(MARKS, "")))
                .toList();
        Map<String, Integer> found = new HashMap<>();
        for (List<String> texts : List.of(whole, bare)) {
            for (Map.Entry<String, ColumnSpec> e : columns.entrySet()) {
                for (int c = 0; c < texts.size() && !found.containsKey(e.getKey()); c++) {
                    String h = texts.get(c);
                    if (!found.containsValue(c)
                            && e.getValue().header().stream()
                                    .map(HeaderMatcher::normalize)
                                    .anyMatch(a -> !a.isEmpty() && a.equals(h))) {
                        found.put(e.getKey(), c);
                    }
                }
            }
        }
        Map<String, Integer> inOrder = new LinkedHashMap<>();
        columns.keySet().stream().filter(found::containsKey).forEach(f -> inOrder.put(f, found.get(f)));
        return inOrder;
    }

    static String normalize(String s) {
        return Decimals.clean(s).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
