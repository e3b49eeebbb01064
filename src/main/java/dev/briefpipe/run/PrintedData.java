package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.validate.PrintedBlocks;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What each figure, table and list of the layout prints of its rows, as a hash of those values: what a
 * later correction compares, so a value mended in a table is told even when no key figure or sentence
 * moved with it.
 */
final class PrintedData {
    private PrintedData() {}

    /** Each block by the name readers know it by (its caption, title or sheet), and its values' hash. */
    static List<Manifest.Block> of(BriefConfig brief, Checked c) {
        List<Manifest.Block> out = new ArrayList<>();
        for (LayoutBlock block : brief.layout()) {
            String sheet;
            List<String> fields;
            if (block instanceof LayoutBlock.Chart ch) {
                sheet = ch.sheet();
                fields = new ArrayList<>(java.util.Collections.singletonList(ch.category()));
                fields.addAll(ch.drawn());
                fields.add(ch.series());
            } else if (block instanceof LayoutBlock.Table t) {
                sheet = t.sheet();
                fields = t.columns();
            } else if (block instanceof LayoutBlock.ListBlock l) {
                sheet = l.sheet();
                fields = List.of(l.field());
            } else {
                continue;
            }
            Table table = c.data().findTable(sheet).orElse(null);
            if (table == null) {
                continue;
            }
            StringBuilder values = new StringBuilder();
            for (Row r : table.rows()) {
                for (String f : fields == null || fields.isEmpty() ? table.fields() : fields) {
                    values.append(f == null ? "" : r.text(f)).append('\u001f');
                }
                values.append('\u001e');
            }
            out.add(new Manifest.Block(
                    PrintedBlocks.where(brief, c.data(), block),
                    FileHashes.sha256(values.toString().getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    /**
     * The SHA-256 of every value of every sheet as read, the same for the same data whatever the file's
     * bytes: Excel re-saving a workbook, or a build refreshing its summary sheet in place, changes those.
     */
    static String values(Dataset data) {
        java.security.MessageDigest sha = FileHashes.digest();
        for (Table table : data.tables()) {
            sha.update((table.id() + '\u001d').getBytes(StandardCharsets.UTF_8));
            for (Row r : table.rows()) {
                for (String f : table.fields()) {
                    sha.update((r.text(f) + '\u001f').getBytes(StandardCharsets.UTF_8));
                }
                sha.update((byte) 0x1e);
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }
}
