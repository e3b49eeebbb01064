package dev.briefpipe.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.config.AppConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.ExtractConfig;
import dev.briefpipe.export.csv.CsvExtractWriter;
import dev.briefpipe.export.csv.DataPackageWriter;
import dev.briefpipe.export.summary.SummarySheetRefresher;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Table;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.render.pdf.PdfBriefRenderer;
import dev.briefpipe.transform.Transformer;
import dev.briefpipe.validate.SchemaValidator;
import dev.briefpipe.validate.ValidationReport;
import dev.briefpipe.workbook.SafeWorkbookWriter;
import dev.briefpipe.workbook.StreamingWorkbookReader;
import dev.briefpipe.workbook.WorkbookReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

  /** @param fonts looked up only when a PDF is rendered */
  public BriefPipeline(Settings settings, ProgressListener progress, Supplier<FontSet> fonts) {
    this.settings = settings;
    this.progress = progress;
    this.fonts = fonts;
  }

  /** How the summary sheet is refreshed: into the output folder, in the workbook itself, or not at all. */
  public enum SummaryMode {
    COPY,
    IN_PLACE,
    OFF;

    static SummaryMode of(String configured) {
      return "in-place".equals(configured) ? IN_PLACE : COPY;
    }
  }

  /** Whether a workbook is read by streaming: an .xlsx larger than {@code workbook.streamAboveMegabytes}. */
  static boolean streams(Path workbook, AppConfig.Workbook limits) {
    try {
      String name = workbook.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      return (name.endsWith(".xlsx") || name.endsWith(".xlsm"))
          && java.nio.file.Files.size(workbook) > limits.streamAboveMegabytes() * 1024 * 1024;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads, validates and transforms a workbook. Never throws for bad data: see the report. */
  public Checked check(BriefConfig brief, Path workbook) {
    return check(brief, workbook, 3, Map.of());
  }

  /**
   * @param listeners by sheet id: hear a streamed sheet's rows as they are read (its CSV extracts)
   */
  private Checked check(BriefConfig brief, Path workbook, int total, Map<String, RowListener> listeners) {
    progress.stage("read", 1, total);
    AppConfig.Workbook limits = settings.app().workbook();
    long maxBytes = limits.maxMegabytes() * 1024L * 1024L;
    long maxPart = limits.maxPartMegabytes() * 1024L * 1024L;
    long timeout = limits.timeoutSeconds() * 1000L;
    SchemaValidator.Result v;
    RawWorkbook raw;
    if (streams(workbook, limits)) {
      // A large workbook: rows are read as they are validated, so both run under the time limit.
      raw = new StreamingWorkbookReader(progress.meter("validate")).open(workbook, maxBytes, maxPart);
      progress.stage("validate", 2, total);
      v = WithinTime.run(() -> new SchemaValidator().validate(raw, brief, false, listeners), timeout,
          workbook);
    } else {
      raw = new WorkbookReader(maxBytes, maxPart, timeout).read(workbook);
      progress.stage("validate", 2, total);
      v = new SchemaValidator().validate(raw, brief);
    }
    progress.stage("transform", 3, total);
    Transformer.Result t = new Transformer().apply(v.dataset(), brief);
    ValidationReport report = v.report();
    if (!t.findings().isEmpty()) {
      List<Finding> all = new ArrayList<>(report.findings());
      all.addAll(t.findings());
      report = new ValidationReport(report.workbook(), all, report.stats());
    }
    return new Checked(raw, report, v.dataset(), t.dataset(), t.figures());
  }

  /**
   * Builds and publishes {@code <out>/<brief>/<period>/}.
   *
   * @param summary null to use the brief's configured mode
   * @throws DataInvalidException when the workbook has errors (nothing is written)
   */
  public Built build(BriefConfig brief, Path workbook, Period period, Path out, SummaryMode summary) throws IOException {
    Instant started = Instant.now();
    Manifest manifest = new Manifest(brief.id(), brief.title(), period.toString(), started);
    // Finding and parsing fonts does not depend on the data: do it while a small workbook is read. For
    // a large one, after: the fonts' tables would share the heap with its rows for nothing.
    boolean large = streams(workbook, settings.app().workbook());
    CompletableFuture<FontSet> fontSet = large ? null : CompletableFuture.supplyAsync(fonts);
    OutputPublisher publisher = new OutputPublisher(out.resolve(brief.id()).resolve(period.toString()));
    CompletableFuture<PdfBriefRenderer.Rendered> rendering = null;
    // A large workbook's extracts are written while it is read: its rows are never all in memory.
    Map<String, List<CsvExtractWriter.Extract>> inStream = new LinkedHashMap<>();
    try {
      Path dir = publisher.staging();
      if (brief.outputs().csv() && large) {
        Path csvDir = Files.createDirectories(dir.resolve("csv"));
        for (ExtractConfig e : extracts(brief, brief.sheets().keySet())) {
          inStream.computeIfAbsent(e.sheet(), k -> new ArrayList<>())
              .add(new CsvExtractWriter().open(brief.sheets().get(e.sheet()), e, csvDir));
        }
      }
      Map<String, RowListener> listeners = new LinkedHashMap<>();
      inStream.forEach((sheet, extracts) -> listeners.put(sheet, fanOut(extracts)));
      long t0 = System.nanoTime();
      Checked checked = check(brief, workbook, 7, listeners);
      manifest.duration("check", ms(t0));
      ValidationReport report = checked.report();
      if (!report.valid()) {
        throw new DataInvalidException(report);
      }
      manifest.input("workbook", workbook.toAbsolutePath().normalize());
      Path briefFile = settings.briefFiles().get(brief.id());
      if (briefFile != null) {
        manifest.input("config", briefFile);
      }
      manifest.validation(report.valid(), report.errorCount(), report.warningCount());

      // The PDF and the workbook outputs are independent: render on another core meanwhile.
      progress.stage("pdf", 4, 7);
      Path pdf = dir.resolve(brief.outputs().pdf().replace("{id}", brief.id()).replace("{period}", period.toString()));
      rendering = CompletableFuture.supplyAsync(() -> {
        long start = System.nanoTime();
        try {
          return new PdfBriefRenderer(fontSet == null ? fonts.get() : fontSet.join()).render(brief, checked.data(), checked.figures(), pdf,
              identity(brief, period, checked));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } finally {
          manifest.duration("pdf", ms(start));
        }
      });

      progress.stage("csv", 5, 7);
      t0 = System.nanoTime();
      if (brief.outputs().csv()) {
        writeCsv(brief, checked, dir, manifest, progress.meter("csv"), inStream);
      }
      manifest.duration("csv", ms(t0));

      progress.stage("summary", 6, 7);
      t0 = System.nanoTime();
      SummaryMode mode = summaryMode(brief, summary);
      Path workbookFile = checked.workbook().file();
      // Copy mode: the refreshed workbook is an output. In place: staged here, then swapped in below.
      Path refreshedFile = dir.resolve((mode == SummaryMode.IN_PLACE ? ".in-place-" : "") + workbookFile.getFileName());
      boolean changed = mode != SummaryMode.OFF && refreshSummary(brief, checked, mode, out, period, refreshedFile);
      if (mode == SummaryMode.COPY) {
        manifest.output("workbook", dir, refreshedFile);
      }
      manifest.duration("summary", ms(t0));

      PdfBriefRenderer.Rendered rendered = join(rendering);
      manifest.output("pdf", dir, pdf).put("pages", rendered.pages());
      // The analyst's workbook is replaced only once everything else has succeeded.
      // Unchanged content is not rewritten: no new backup, the file stays byte-identical.
      Optional<Path> backup = Optional.empty();
      if (mode == SummaryMode.IN_PLACE && changed) {
        backup = Optional.of(new SafeWorkbookWriter(settings.app().backups())
            .replace(workbookFile, checked.workbook().sha256(), refreshedFile));
      }
      if (mode == SummaryMode.IN_PLACE) {
        Files.deleteIfExists(refreshedFile);
      }

      progress.stage("publish", 7, 7);
      manifest.figures(checked.figures().values());
      ObjectNode node = manifest.finish(Instant.now());
      manifest.write(dir.resolve("manifest.json"), node);
      publisher.publish();
      log.info("published {} ({} pages)", publisher.target(), rendered.pages());
      return new Built(publisher.target(), publisher.target().resolve(pdf.getFileName()), rendered.pages(), node,
          checked, backup);
    } catch (IOException | RuntimeException e) {
      if (rendering != null) {
        rendering.handle((r, x) -> null).join();
      }
      for (List<CsvExtractWriter.Extract> extracts : inStream.values()) {
        for (CsvExtractWriter.Extract x : extracts) {
          x.close();
        }
      }
      publisher.discard();
      throw e;
    }
  }

  private static void writeCsv(BriefConfig brief, Checked checked, Path dir, Manifest manifest,
      dev.briefpipe.model.WorkMeter meter, Map<String, List<CsvExtractWriter.Extract>> inStream) throws IOException {
    Path csvDir = Files.createDirectories(dir.resolve("csv"));
    CsvExtractWriter writer = new CsvExtractWriter();
    List<CsvExtractWriter.Result> written = new ArrayList<>();
    List<String> present = checked.sheetData().tables().stream().map(Table::id).toList();
    List<ExtractConfig> extracts = extracts(brief, present);
    long total = 0;
    for (ExtractConfig e : extracts) {
      total += checked.sheetData().findTable(e.sheet()).map(t -> (long) t.rows().size()).orElse(0L);
    }
    long[] done = {0};
    long all = total;
    Map<String, java.util.Iterator<CsvExtractWriter.Extract>> streamed = new HashMap<>();
    inStream.forEach((sheet, list) -> streamed.put(sheet, list.iterator()));
    for (ExtractConfig e : extracts) {
      Table t = checked.sheetData().findTable(e.sheet()).orElse(null);
      if (t == null) {
        continue;
      }
      long before = done[0];
      CsvExtractWriter.Result r = streamed.containsKey(e.sheet())
          ? streamed.get(e.sheet()).next().finish()
          : writer.write(t, brief.sheets().get(e.sheet()), e, csvDir, rows -> meter.advance(done[0] = before + rows, all));
      written.add(r);
      manifest.output("csv", dir, r.file()).put("rows", r.rows()).put("sheet", t.sheet()).put("profile", e.profile());
    }
    Path pkg = csvDir.resolve("datapackage.json");
    new DataPackageWriter().write(pkg, csvDir, brief.id(), brief.title(), written, brief.sheets());
    manifest.output("datapackage", dir, pkg);
  }

  /** Hands a sheet's rows to each of its extracts. */
  private static RowListener fanOut(List<CsvExtractWriter.Extract> extracts) {
    return new RowListener() {
      @Override
      public void start(List<String> fields) {
        extracts.forEach(x -> x.start(fields));
      }

      @Override
      public void row(dev.briefpipe.model.Row row) {
        for (CsvExtractWriter.Extract x : extracts) {
          x.row(row);
        }
      }
    };
  }

  /** The declared extracts, or one excel-profile extract per exported sheet among {@code sheets}. */
  private static List<ExtractConfig> extracts(BriefConfig brief, java.util.Collection<String> sheets) {
    if (brief.extracts() != null) {
      return brief.extracts();
    }
    List<ExtractConfig> all = new ArrayList<>();
    for (String id : sheets) {
      SheetSchema schema = brief.sheets().get(id);
      if (schema != null && schema.export()) {
        all.add(ExtractConfig.of(id));
      }
    }
    return all;
  }

  private static SummaryMode summaryMode(BriefConfig brief, SummaryMode override) {
    if (brief.summary() == null || override == SummaryMode.OFF) {
      return SummaryMode.OFF;
    }
    return override != null ? override : SummaryMode.of(brief.summary().mode());
  }

  /**
   * Refreshes the summary sheet of the workbook that was validated (checked before and after) into
   * {@code target}; in copy mode an unchanged summary still gives a (byte-identical) copy.
   *
   * @return whether the summary's content changed
   */
  private boolean refreshSummary(BriefConfig brief, Checked checked, SummaryMode mode, Path out, Period period,
      Path target) throws IOException {
    Path wb = checked.workbook().file();
    String sha = checked.workbook().sha256();
    if (mode == SummaryMode.IN_PLACE) {
      new SafeWorkbookWriter(settings.app().backups()).checkReplaceable(wb, sha);
    }
    Period previous = new Period(period.month().minusMonths(1));
    Map<String, BigDecimal> before = brief.summary().compare()
        ? previousFigures(out.resolve(brief.id()).resolve(previous.toString())) : Map.of();
    SummarySheetRefresher.Inputs inputs = new SummarySheetRefresher.Inputs(brief, List.copyOf(checked.figures().values()),
        before, before.isEmpty() ? null : previous.toString(), checked.sheetData(), now(brief));
    unchanged(wb, sha);
    boolean changed = new SummarySheetRefresher().refresh(wb, inputs, target);
    unchanged(wb, sha);
    if (!changed && mode == SummaryMode.COPY) {
      Files.copy(wb, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      unchanged(target, sha);
    }
    return changed;
  }

  /** Fails when the workbook is no longer the one validated (an analyst saved it meanwhile). */
  private static void unchanged(Path file, String sha) throws IOException {
    if (!dev.briefpipe.io.FileHashes.sha256(file).equals(sha)) {
      throw new dev.briefpipe.workbook.WorkbookBusyException(file, "changed", null);
    }
  }

  /** The figures of a previous build, from its manifest (empty when there is none). */
  private static Map<String, BigDecimal> previousFigures(Path dir) {
    Map<String, BigDecimal> m = new java.util.HashMap<>();
    Path file = dir.resolve("manifest.json");
    if (!Files.exists(file)) {
      return m;
    }
    try {
      for (com.fasterxml.jackson.databind.JsonNode f : Manifest.JSON.readTree(file.toFile()).path("figures")) {
        if (!f.path("value").isNull() && f.has("value")) {
          m.put(f.get("id").asText(), f.get("value").decimalValue());
        }
      }
    } catch (IOException e) {
      log.warn("previous manifest {} unreadable: {}", file, e.getMessage());
    }
    return m;
  }

  /** Waits for a background stage and rethrows what it threw, unwrapped. */
  private static <T> T join(CompletableFuture<T> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Same inputs, same PDF: the document's dates are the period's first day in the brief's zone and
   * its identity is the brief, the period and the hashes of workbook and brief config.
   */
  private PdfBriefRenderer.Identity identity(BriefConfig brief, Period period, Checked checked) {
    java.time.ZoneId zone = java.time.ZoneId.of(zone(brief));
    String configHash = "";
    Path briefFile = settings.briefFiles().get(brief.id());
    try {
      configHash = briefFile == null ? "" : dev.briefpipe.io.FileHashes.sha256(briefFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PdfBriefRenderer.Identity(period.month().atDay(1).atStartOfDay(zone),
        brief.id() + "|" + period + "|" + checked.workbook().sha256() + "|" + configHash);
  }

  private static String zone(BriefConfig brief) {
    return brief.schedule() != null && brief.schedule().zone() != null ? brief.schedule().zone() : "Asia/Seoul";
  }

  /** Now, to the second, in the brief's time zone (its schedule's, else Asia/Seoul). */
  private static ZonedDateTime now(BriefConfig brief) {
    return ZonedDateTime.now(java.time.ZoneId.of(zone(brief))).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
