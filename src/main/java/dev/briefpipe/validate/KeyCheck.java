package dev.briefpipe.validate;

import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Duplicate keys (or values of a unique field) in one sheet: each repeat is a finding at its cell,
 * naming the row of the first. A 64-bit hash is kept per key instead of the key, so a sheet of a
 * million rows checks in little memory (a false duplicate needs a hash collision: about one in 10^10
 * for a million keys).
 */
final class KeyCheck {
    private final SheetSchema schema;
    private final List<String> fields;
    private final FindingCode code;
    private final LongIntMap hashes = new LongIntMap(-1);
    final List<Finding> findings = new ArrayList<>();

    KeyCheck(SheetSchema schema, List<String> fields, FindingCode code) {
        this.schema = schema;
        this.fields = fields.stream().map(String::intern).toList();
        this.code = code;
    }

    void accept(Row r) {
        if (fields.size() == 1) {
            // One field, the usual key: hashed as it is, no list made for it.
            String key = r.text(fields.get(0));
            int first = key.isEmpty() ? -1 : hashes.putIfAbsent(finish(add(BASIS, key)), r.sheetRow());
            if (first >= 0) {
                repeated(r, first, key);
            }
            return;
        }
        List<String> k = fields.stream().map(r::text).toList();
        boolean empty = true;
        for (String part : k) {
            empty &= part.isEmpty();
        }
        if (empty) {
            return;
        }
        int first = hashes.putIfAbsent(hash(k), r.sheetRow());
        if (first >= 0) {
            repeated(r, first, String.join(", ", k));
        }
    }

    /** @param first the sheet row the key was first met in */
    private void repeated(Row r, int first, String key) {
        String field = fields.get(0);
        CellRef at = r.cell(field).orElseThrow();
        findings.add(new Finding(
                code, Severity.ERROR, at, field, schema.columns().get(field).title(), key, "", List.of(first + 1)));
    }

    private static final long BASIS = 0xcbf29ce484222325L;

    private static long hash(List<String> key) {
        long h = BASIS;
        for (String part : key) {
            h = add(h, part);
        }
        return finish(h);
    }

    /** FNV-1a over one part's characters, then a separator. */
    private static long add(long h, String part) {
        for (int i = 0; i < part.length(); i++) {
            h ^= part.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0x1F;
        return h * 0x100000001b3L;
    }

    /** murmur3's finaliser, so that near-equal keys spread over the table. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
