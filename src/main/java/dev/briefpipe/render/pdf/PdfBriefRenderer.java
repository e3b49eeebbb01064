package dev.briefpipe.render.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.failure.GlyphMissingException;
import dev.briefpipe.i18n.TextPattern;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders a brief to an A4 PDF by walking its layout blocks in order. Korean text is set in the
 * embedded font subset; charts are vector drawings; sections, figures and tables are bookmarked.
 * Fails with {@link GlyphMissingException} (after writing to {@code out}, which the caller discards)
 * when a character cannot be drawn, rather than letting it vanish.
 */
public final class PdfBriefRenderer {
    private final FontSet fonts;

    public PdfBriefRenderer(FontSet fonts) {
        this.fonts = fonts;
    }

    /** Facts about the PDF written. */
    /**
     * @param figure the first figure as a PNG beside the PDF, when the brief has one
     * @param figureCaption its caption as printed, when it has one
     */
    /** The first figure's picture, written beside the PDF. */
    public static final String FIGURE = "figure-1.png";

    public record Rendered(Path file, int pages, Optional<Path> figure, Optional<String> figureCaption) {}

    /**
     * What makes two renderings of the same input byte-identical: the dates written into the document
     * and a stable identity (hashed into the trailer ID and the font-subset prefixes). Derive both from
     * the inputs, never from the clock.
     */
    public record Identity(ZonedDateTime created, String seed) {}

    /**
     * @param figures the brief's key figures, for key-figure blocks
     */
    public Rendered render(BriefConfig brief, Dataset data, Map<String, KeyFigure> figures, Path out, Identity identity)
            throws IOException {
        return render(brief, data, figures, out, identity, List.of());
    }

    /** @param corrections what a corrected edition changed, in a 정정 box under the title (none: no box) */
    public Rendered render(
            BriefConfig brief,
            Dataset data,
            Map<String, KeyFigure> figures,
            Path out,
            Identity identity,
            List<String> corrections)
            throws IOException {
        BriefTheme theme = new BriefTheme(brief.style());
        PdfText text = new PdfText(fonts, theme.ink);
        Locale locale = Locale.forLanguageTag(brief.locale());
        Map<String, Object> meta = meta(brief, data);
        Document doc = new Document(
                PageSize.A4, BriefTheme.MARGIN_X, BriefTheme.MARGIN_X, BriefTheme.MARGIN_TOP, BriefTheme.MARGIN_BOTTOM);
        int pages;
        String[] firstCaption = {null};
        try (OutputStream os = Files.newOutputStream(out)) {
            PdfWriter writer = PdfWriter.getInstance(doc, os);
            writer.setPDFXConformance(PdfWriter.PDFA1B);
            writer.setStrictImageSequence(true);
            writer.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
            PageDecorator decorator = new PageDecorator(
                    text,
                    theme,
                    TextPattern.fill(brief.style().header(), meta, locale),
                    brief.style().footer());
            writer.setPageEvent(decorator);
            metadata(doc, brief, data);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(brief.locale()));
            Archival.seedFonts(fonts, identity.seed());
            doc.open();
            // Dated as the brief is, when its title block gives a date (else the period's first day).
            Archival.fix(
                    writer,
                    meta.get("date") instanceof java.time.LocalDate d
                            ? new Identity(d.atStartOfDay(identity.created().getZone()), identity.seed())
                            : identity);
            Path png = out.resolveSibling(FIGURE);
            int[] numbers = {0, 0}; // figures and tables so far
            Map<String, LayoutBlock.Placed> byId = new java.util.HashMap<>();
            brief.layout().stream()
                    .filter(b -> b instanceof LayoutBlock.Placed p && p.id() != null)
                    .forEach(b -> byId.put(((LayoutBlock.Placed) b).id(), (LayoutBlock.Placed) b));
            RenderContext[] self = new RenderContext[1];
            java.util.function.Consumer<LayoutBlock.Placed> print = b -> {
                if (b instanceof LayoutBlock.Chart c) {
                    ++numbers[0];
                    String caption = FigureBlockWriter.write(self[0], c, numbers[0], numbers[0] == 1 ? png : null);
                    if (numbers[0] == 1) {
                        firstCaption[0] = caption;
                    }
                } else if (b instanceof LayoutBlock.Table t) {
                    TableBlockWriter.table(self[0], t, ++numbers[1]);
                }
            };
            RenderContext ctx = new RenderContext(
                    doc,
                    writer,
                    text,
                    theme,
                    brief,
                    data,
                    figures,
                    meta,
                    locale,
                    id -> {
                        LayoutBlock.Placed b = byId.get(id);
                        if (b != null) {
                            print.accept(b);
                        }
                    },
                    new CorrectionNotes(brief.editorial().corrections(), brief.locale()),
                    new RenderContext.Waiting());
            self[0] = ctx;
            writer.setPageEvent(ctx.corrections());
            for (LayoutBlock block : brief.layout()) {
                if (!(block instanceof LayoutBlock.Narrative || block instanceof LayoutBlock.Placed)) {
                    ctx.flush(); // a figure waits only for text
                }
                if (block instanceof LayoutBlock.Title t) {
                    TitleBlockWriter.write(ctx, t);
                    CorrectionBlockWriter.write(ctx, corrections);
                } else if (block instanceof LayoutBlock.Section s) {
                    NarrativeBlockWriter.heading(ctx, s);
                } else if (block instanceof LayoutBlock.Narrative n) {
                    NarrativeBlockWriter.bullets(ctx, n);
                } else if (block instanceof LayoutBlock.Placed p && p.id() == null) {
                    print.accept(p);
                } else if (block instanceof LayoutBlock.ListBlock l) {
                    TableBlockWriter.list(ctx, l);
                } else if (block instanceof LayoutBlock.KeyFigures k) {
                    KeyFiguresBlockWriter.write(ctx, k);
                } else if (block instanceof LayoutBlock.Corrections) {
                    ctx.corrections().appendix(ctx);
                } else if (block instanceof LayoutBlock.PageBreak) {
                    doc.newPage();
                }
            }
            ctx.flush();
            ctx.corrections().appendix(ctx);
            writer.createXmpMetadata();
            doc.close();
            pages = decorator.pages();
        } catch (DocumentException e) {
            throw new IOException("PDF could not be written: " + e.getMessage(), e);
        }
        if (!text.missing().isEmpty()) {
            throw new GlyphMissingException(text.missing(), brief.id());
        }
        Path png = out.resolveSibling(FIGURE);
        return new Rendered(
                out,
                pages,
                Files.exists(png) ? Optional.of(png) : Optional.empty(),
                Optional.ofNullable(firstCaption[0]));
    }

    /** The title block's values for text patterns; the config's title where the sheet gives none. */
    private static Map<String, Object> meta(BriefConfig brief, Dataset data) {
        Map<String, Object> meta = new HashMap<>(brief.issue(data));
        meta.putIfAbsent("title", brief.title());
        return meta;
    }

    private static void metadata(Document doc, BriefConfig brief, Dataset data) {
        String title = brief.title();
        String author = "";
        String subject = "";
        for (LayoutBlock b : brief.layout()) {
            if (b instanceof LayoutBlock.Title t) {
                Row meta = data.table(t.sheet()).rows().get(0);
                title = meta.line("title");
                subject = meta.text("publisher") + " " + meta.text("series") + " " + meta.text("number");
                if (t.authors() != null) {
                    author = data.table(t.authors()).rows().stream()
                            .map(r -> r.text("name"))
                            .collect(Collectors.joining(", "));
                }
            }
        }
        doc.addTitle(title);
        doc.addAuthor(author);
        doc.addSubject(subject.trim());
        doc.addKeywords(brief.id());
        doc.addCreator("briefpipe");
    }
}
