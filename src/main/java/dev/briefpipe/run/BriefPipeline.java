package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.export.summary.SummarySheetRefresher;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.FileProblems;
import dev.briefpipe.failure.WorkbookBusyException;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.ValidationReport;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.OutputPublisher;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.publish.SafeWorkbookWriter;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.render.pdf.PdfBriefRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that orders the stages: read → validate → transform → render PDF → CSV extracts →
 * summary sheet → publish. {@link #check} stops after transform (for {@code validate});
 * {@link #build} publishes all outputs together or none.
 */
public final class BriefPipeline {
    private static final Logger log = LoggerFactory.getLogger(BriefPipeline.class);
    private final Settings settings;
    private final ProgressListener progress;
    private final Supplier<FontSet> fonts;
    /** How a build tells a workbook that is the very one the last period published was built from. */
    private final Severity unchanged;

    /** @param fonts looked up for each check (the glyph gate) and each PDF */
    public BriefPipeline(Settings settings, ProgressListener progress, Supplier<FontSet> fonts) {
        this(settings, progress, fonts, Severity.WARNING);
    }

    private BriefPipeline(Settings settings, ProgressListener progress, Supplier<FontSet> fonts, Severity unchanged) {
        this.settings = settings;
        this.progress = progress;
        this.fonts = fonts;
        this.unchanged = unchanged;
    }

    /**
     * This pipeline for scheduled builds, where the workbook the last period published was built from is
     * an error: no one is sent that period's brief again as this one's.
     */
    BriefPipeline scheduled() {
        return new BriefPipeline(settings, progress, fonts, Severity.ERROR);
    }

    /**
     * Reads, validates and transforms a workbook, as a build of {@code period} would: a valid one's key
     * figures beside the last period published ({@link FigureMoves}). Never throws for bad data: see the
     * report.
     */
    public Checked check(BriefConfig brief, Path workbook, Period period) {
        Checked c = Checking.check(settings, progress, brief, workbook, 3, Map.of(), new Once<>(fonts));
        return c.report().valid() ? FigureMoves.told(brief, c, new Publications(settings.outputDir()), period) : c;
    }

    /**
     * Builds and publishes {@code <out>/<brief>/<period>/}.
     *
     * @param summary null to use the brief's configured mode
     * @throws DataInvalidException when the workbook has errors (nothing is written)
     */
    public Built build(BriefConfig brief, Path workbook, Period period, Path out, SummaryMode summary)
            throws IOException {
        return build(brief, workbook, period, out, summary, List.of());
    }

    /**
     * @param corrections for a correction of a delivered period: what changed, printed in a 정정 box under
     *     the title and kept in the manifest
     */
    public Built build(
            BriefConfig brief, Path workbook, Period period, Path out, SummaryMode summary, List<String> corrections)
            throws IOException {
        if (brief.layout().isEmpty()) { // a PDF of no pages cannot be written
            throw settings.mistake(brief, "no-layout");
        }
        Instant started = Instant.now();
        Publications published = new Publications(out);
        Map<String, Long> durations = new ConcurrentHashMap<>();
        List<Manifest.FileEntry> outputs = new ArrayList<>();
        OutputPublisher publisher = new OutputPublisher(published.folder(brief.id(), period));
        CompletableFuture<PdfBriefRenderer.Rendered> rendering = null;
        Path dir = publisher.staging();
        // The extracts are written while the workbook is read: its rows are never all in memory.
        try (CsvStage csv = new CsvStage(brief, dir)) {
            long t0 = System.nanoTime();
            // One set of faces for the glyph gate and the PDF, loaded after the rows are read.
            Supplier<FontSet> faces = new Once<>(fonts);
            Checked validated = Checking.check(settings, progress, brief, workbook, 7, csv.listeners(), faces);
            durations.put("check", ms(t0));
            if (!validated.report().valid()) {
                throw new DataInvalidException(validated.report());
            }
            FigureMoves moves = FigureMoves.of(brief, validated, published, period, unchanged);
            Checked checked = moves.applied(validated);
            ValidationReport report = checked.report();
            if (!report.valid()) {
                throw new DataInvalidException(report);
            }
            RawWorkbook read = checked.workbook();
            List<Manifest.FileEntry> inputs = new ArrayList<>();
            inputs.add(new Manifest.FileEntry(
                    Manifest.Kind.WORKBOOK,
                    read.file().toAbsolutePath().normalize().toString(),
                    read.sha256(),
                    read.size()));
            Path briefFile = settings.briefFiles().get(brief.id());
            String configHash = "";
            if (briefFile != null) {
                configHash = FileHashes.sha256(briefFile);
                inputs.add(new Manifest.FileEntry(
                        Manifest.Kind.CONFIG, briefFile.toString(), configHash, Files.size(briefFile)));
            }
            // Same inputs, same PDF: its dates are the period's first day in the brief's zone, its identity
            // the brief, the period and the hashes of workbook and brief config.
            PdfBriefRenderer.Identity identity = new PdfBriefRenderer.Identity(
                    period.month().atDay(1).atStartOfDay(brief.zone()),
                    brief.id() + "|" + period + "|" + read.sha256() + "|" + configHash);

            // The PDF and the workbook outputs are independent: render on another core meanwhile.
            progress.stage("pdf", 4, 7);
            Path pdf = dir.resolve(brief.outputs().pdfName(brief.id(), period.toString()));
            rendering = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                try {
                    return new PdfBriefRenderer(faces.get())
                            .render(brief, checked.data(), checked.figures(), pdf, identity, corrections);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    durations.put("pdf", ms(start));
                }
            });

            progress.stage("csv", 5, 7);
            t0 = System.nanoTime();
            if (brief.outputs().csv()) {
                outputs.addAll(csv.finish(checked));
            }
            durations.put("csv", ms(t0));

            progress.stage("summary", 6, 7);
            t0 = System.nanoTime();
            SummaryMode configured = SummaryStage.mode(brief, summary);
            boolean summarySkipped = configured != SummaryMode.OFF && SummaryStage.isXls(read.file());
            SummaryMode mode = summarySkipped ? SummaryMode.OFF : configured;
            // In place, the workbook open or read-only: refused when asked for on the command line; the
            // config's choice becomes a copy, and the brief goes on.
            WorkbookBusyException held = mode == SummaryMode.IN_PLACE
                    ? new SummaryStage(settings).held(brief, read.file(), read.sha256(), summary == null)
                    : null;
            mode = held != null ? SummaryMode.COPY : mode;
            // Copy mode: the refreshed workbook is an output. In place: staged here, then swapped in below.
            Path refreshedFile = dir.resolve((mode == SummaryMode.IN_PLACE ? ".in-place-" : "")
                    + read.file().getFileName());
            SummarySheetRefresher.Refreshed refreshed = mode == SummaryMode.OFF
                    ? SummarySheetRefresher.Refreshed.NONE
                    : new SummaryStage(settings)
                            .refresh(
                                    brief,
                                    checked,
                                    mode == SummaryMode.IN_PLACE,
                                    published,
                                    moves.previousPeriod(),
                                    refreshedFile);
            if (mode == SummaryMode.COPY) {
                outputs.add(Manifest.file(Manifest.Kind.WORKBOOK, dir, refreshedFile));
            }
            durations.put("summary", ms(t0));

            PdfBriefRenderer.Rendered rendered = join(rendering);
            if (rendered.figure().isPresent()) {
                outputs.add(Manifest.file(
                                Manifest.Kind.FIGURE, dir, rendered.figure().get())
                        .withTitle(rendered.figureCaption().orElse(null)));
            }
            outputs.add(0, Manifest.file(Manifest.Kind.PDF, dir, pdf).withPages(rendered.pages()));
            // The analyst's workbook is replaced only once everything else has succeeded.
            // Unchanged content is not rewritten: no new backup, the file stays byte-identical.
            Optional<Path> backup = mode == SummaryMode.IN_PLACE && refreshed.changed()
                    ? Optional.of(new SafeWorkbookWriter(settings.app().backups(), brief.zone())
                            .replace(read.file(), read.sha256(), refreshedFile))
                    : Optional.empty();
            if (mode == SummaryMode.IN_PLACE) {
                Files.deleteIfExists(refreshedFile);
            }

            progress.stage("publish", 7, 7);
            Manifest manifest = new Manifest(
                    brief.id(),
                    brief.title(),
                    period,
                    new Manifest.Tool("briefpipe", Version.get()),
                    started,
                    Instant.now(),
                    inputs,
                    outputs,
                    new Manifest.Validation(report.valid(), report.errorCount(), report.warningCount()),
                    moves.manifested(checked.figures()),
                    new TreeMap<>(durations),
                    Sentences.of(brief, checked).stream()
                            .map(s -> new Manifest.Sentence(s.cell(), s.printed()))
                            .toList(),
                    corrections,
                    PrintedData.of(brief, checked),
                    java.util.Objects.requireNonNullElseGet(moves.data(), checked::dataSha256),
                    // The title sheet's values for the letter's patterns, as text (a date as 2025-03-27).
                    brief.issue(checked.data()).entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    Map.Entry::getKey, e -> e.getValue().toString())));
            Files.write(dir.resolve(Publications.MANIFEST), manifest.toJson());
            publisher.publish();
            log.info("published {} ({} pages)", publisher.target(), rendered.pages());
            return new Built(
                    publisher.target(),
                    publisher.target().resolve(pdf.getFileName()),
                    rendered.pages(),
                    manifest,
                    checked,
                    backup,
                    summarySkipped,
                    backup.isPresent() ? refreshed.dropped() : List.of(),
                    held);
        } catch (IOException | RuntimeException e) {
            if (rendering != null) {
                rendering.handle((r, x) -> null).join();
            }
            publisher.discard();
            if (e instanceof IOException io) {
                throw FileProblems.at(publisher.target(), io); // a full disk: the output folder's
            }
            throw e;
        }
    }

    /** Waits for a background stage and rethrows what it threw, unwrapped. */
    private static <T> T join(CompletableFuture<T> f) throws IOException {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
