package dev.briefpipe.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import dev.briefpipe.config.EditorialConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Rows that correct the published brief, as the brief's {@code editorial.corrections} policy prints
 * them: a 정정 note under the row or table ({@code footnote}), or an entry of the table of corrections
 * at the end ({@code appendix}). Under {@code original} the transform already put the published
 * wording in place, so nothing is added. Either way the reader sees the words that differ, not the
 * whole sentence twice.
 */
final class CorrectionNotes extends PdfPageEventHelper {
    /** Longest excerpt of a note, in characters; a longer one is cut with an ellipsis. */
    private static final int EXCERPT = 90;

    private static final String TAG = "erratum:";

    /** @param page the page the corrected row is printed on, once OpenPDF has placed it (0 until then) */
    private record Erratum(int page, String published, String corrected, String reason) {}

    /**
     * What a row's corrections print: notes under it (footnote policy), or a tag to set on the row's
     * chunks (appendix policy) so the table of corrections gives the page the row landed on.
     */
    record Noted(List<String> notes, String tag) {
        static final Noted NONE = new Noted(List.of(), null);

        /** Sets the tag on the phrase's chunks (nothing without a tag). */
        <P extends com.lowagie.text.Phrase> P tagged(P phrase) {
            if (tag != null) {
                phrase.getChunks().forEach(c -> {
                    if (c instanceof com.lowagie.text.Chunk chunk) {
                        chunk.setGenericTag(tag);
                    }
                });
            }
            return phrase;
        }
    }

    private final EditorialConfig.Corrections policy;
    private final Messages messages;
    private final List<Erratum> errata = new ArrayList<>();
    /** How many of {@link #errata} a table of corrections has listed already. */
    private int listed;

    CorrectionNotes(EditorialConfig.Corrections policy, String locale) {
        this.policy = policy;
        this.messages = Messages.forLocale(locale);
    }

    /**
     * The notes to print under this row under the {@code footnote} policy (none under the others); under
     * {@code appendix} the row's corrections are recorded, and get their page when the tag is printed.
     *
     * @param formats how the sheet's values are printed, by field (a table's formats), so the corrected
     *     value is compared and quoted as it appears
     */
    Noted of(RenderContext ctx, String sheet, Row row, Map<String, String> formats) {
        SheetSchema schema = ctx.brief().sheets().get(sheet);
        if (schema == null || policy.policy() == EditorialConfig.CorrectionPolicy.ORIGINAL) {
            return Noted.NONE;
        }
        String reason = row.get(policy.reason()) == null
                ? ""
                : row.text(policy.reason()).strip();
        List<String[]> changes = new ArrayList<>();
        policy.published(schema, row).forEach((field, published) -> {
            String corrected = ValueFormat.format(row.get(field), formats.get(field), ctx);
            if (!corrected.equals(published)) {
                changes.add(differing(published, corrected));
            }
        });
        if (changes.isEmpty()) {
            return Noted.NONE;
        }
        if (policy.policy() == EditorialConfig.CorrectionPolicy.APPENDIX) {
            // One entry per row: a row correcting two fields (a month and a name) gives one reason.
            errata.add(new Erratum(
                    0,
                    String.join(" · ", changes.stream().map(c -> c[0]).toList()),
                    String.join(" · ", changes.stream().map(c -> c[1]).toList()),
                    reason));
            return new Noted(List.of(), TAG + (errata.size() - 1));
        }
        String listed = String.join(
                ", ",
                changes.stream()
                        .map(c -> messages.get("pdf.correction.change", cut(c[0]), cut(c[1])))
                        .toList());
        String note = policy.note() == null
                ? messages.get("pdf.correction.note", listed, reason)
                : policy.note().replace("{changes}", listed).replace("{reason}", reason);
        // No reason given: no empty brackets or dangling colon.
        return new Noted(List.of(note.replaceAll("\\s*\\(\\s*\\)", "").replaceAll("[\\s:;,]+$", "")), null);
    }

    /** A tagged chunk was printed: its row's correction is on this page (the first, if the row is split). */
    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
        if (!text.startsWith(TAG)) {
            return;
        }
        int i = Integer.parseInt(text.substring(TAG.length()));
        Erratum e = errata.get(i);
        if (e.page() == 0) {
            errata.set(i, new Erratum(writer.getPageNumber(), e.published(), e.corrected(), e.reason()));
        }
    }

    /**
     * Under the {@code appendix} policy, the table of the corrections recorded so far: where the layout
     * has a {@code corrections} block, and after the last block for any left.
     */
    void appendix(RenderContext ctx) {
        // In page order (a row is recorded before OpenPDF has placed it; a table may move on a page).
        List<Erratum> list = new ArrayList<>(errata.subList(listed, errata.size()));
        list.sort(java.util.Comparator.comparingInt(Erratum::page));
        if (list.isEmpty()) {
            return;
        }
        PdfText t = ctx.text();
        BriefTheme th = ctx.theme();
        float size = 8.8f;
        String title = policy.title() != null ? policy.title() : messages.get("pdf.errata.title");
        PdfPTable table = new PdfPTable(new float[] {0.7f, 3.4f, 3.4f, 3f});
        table.setWidthPercentage(100);
        table.setHeaderRows(2);
        table.setSpacingBefore(18);
        table.addCell(ContinuedCaption.cell(
                ctx,
                t.bookmarked(title, 12f, true, th.primary, 0, "errata", title),
                12f,
                th.primary,
                Element.ALIGN_LEFT,
                4));
        for (String key : List.of("page", "published", "corrected", "reason")) {
            table.addCell(TableBlockWriter.header(ctx, messages.get("pdf.errata." + key), size));
        }
        for (int i = 0; i < list.size(); i++) {
            Erratum e = list.get(i);
            boolean last = i == list.size() - 1;
            String[] cells = {e.page() == 0 ? "-" : String.valueOf(e.page()), e.published(), e.corrected(), e.reason()};
            for (int c = 0; c < cells.length; c++) {
                PdfPCell cell = new PdfPCell(t.phrase(cells[c], size, false, c == 1 ? th.muted : th.ink));
                cell.setLeading(0, 1.45f);
                cell.setPadding(4);
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(last ? th.primary : th.rule);
                cell.setBorderWidth(last ? 1.2f : 0.5f);
                cell.setHorizontalAlignment(c == 0 ? Element.ALIGN_CENTER : Element.ALIGN_LEFT);
                table.addCell(cell);
            }
        }
        ctx.add(table);
        // Listed: a later corrections block lists only what follows (the tags index this list, so it
        // stays as long as it is).
        listed = errata.size();
    }

    /**
     * The words of {@code published} and {@code corrected} that differ: what is left when the words
     * both begin and end with are taken off. A pure insertion or deletion keeps one word of context.
     */
    static String[] differing(String published, String corrected) {
        String[] a = published.strip().split("\\s+");
        String[] b = corrected.strip().split("\\s+");
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head
                && tail < b.length - head
                && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        if (head + tail == a.length || head + tail == b.length) {
            // One side is empty: show a word either side of the change.
            head = Math.max(0, head - 1);
            tail = Math.max(0, tail - 1);
        }
        return new String[] {
            String.join(" ", Arrays.copyOfRange(a, head, a.length - tail)),
            String.join(" ", Arrays.copyOfRange(b, head, b.length - tail))
        };
    }

    private static String cut(String s) {
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT - 1).strip() + "…";
    }
}
