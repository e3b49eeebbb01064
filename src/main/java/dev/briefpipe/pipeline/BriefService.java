package dev.briefpipe.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryException;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.LetterComposer;
import dev.briefpipe.deliver.MailTransport;
import dev.briefpipe.deliver.MimeFactory;
import dev.briefpipe.deliver.OutboxTransport;
import dev.briefpipe.deliver.SmtpTransport;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.store.Database;
import dev.briefpipe.store.RunHistory;
import dev.briefpipe.validate.FindingText;
import dev.briefpipe.validate.HtmlReportWriter;
import dev.briefpipe.validate.WorkbookAnnotator;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs of a brief as operators see them: every build and send is recorded in the run history, a
 * scheduled run is de-duplicated by its fire, validates first, and sends the brief to its readers
 * exactly once or the validation report to its analysts. Used by the CLI and by the scheduler's
 * jobs; safe to share between jobs of different briefs (Quartz never runs one brief twice at once).
 */
public final class BriefService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BriefService.class);
  private final Settings settings;
  private final CompletableFuture<Database> db;
  private final BriefPipeline pipeline;
  private final Function<Path, MailTransport> transports;
  private final String node;

  /**
   * @param transports makes the transport for a period's outbox folder (SMTP when configured)
   */
  public BriefService(Settings settings, Database db, ProgressListener progress, Supplier<FontSet> fonts,
      Function<Path, MailTransport> transports) {
    this(settings, CompletableFuture.completedFuture(db), progress, fonts, transports);
  }

  private BriefService(Settings settings, CompletableFuture<Database> db, ProgressListener progress,
      Supplier<FontSet> fonts, Function<Path, MailTransport> transports) {
    this.settings = settings;
    this.db = db;
    this.pipeline = new BriefPipeline(settings, progress, fonts);
    this.transports = transports;
    this.node = nodeName();
  }

  /**
   * The service on the configured database, with SMTP when a mail host is set and the outbox
   * otherwise. The database is opened (and migrated) in the background; the first use waits for it.
   */
  public static BriefService open(Settings settings, ProgressListener progress) {
    CompletableFuture<Database> db = CompletableFuture.supplyAsync(
        () -> Database.open(settings.app().database(), settings.resolve(settings.app().state())));
    return new BriefService(settings, db, progress, new FontsFromConfig(settings), defaultTransports(settings));
  }

  public static Function<Path, MailTransport> defaultTransports(Settings settings) {
    return outbox -> settings.app().mail().host().isBlank()
        ? new OutboxTransport(outbox) : new SmtpTransport(settings.app().mail());
  }

  /** The database, once open; a failure to open it is rethrown here, unwrapped. */
  public Database database() {
    try {
      return db.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  public RunHistory runs() {
    return new RunHistory(database().dataSource());
  }

  public DeliveryLedger ledger() {
    return new DeliveryLedger(database().dataSource());
  }

  /**
   * A build by hand, recorded as a manual run when it ends (the database opens meanwhile). Failures
   * are recorded, then rethrown.
   */
  public Built build(BriefConfig brief, Path workbook, Period period, Path out, BriefPipeline.SummaryMode mode)
      throws IOException {
    Instant started = Instant.now();
    try {
      Built b = pipeline.build(brief, workbook, period, out, mode);
      record(brief, period, started, "ok", b.checked().report().findings().size(), outputs(b.manifest()), null);
      return b;
    } catch (DataInvalidException e) {
      record(brief, period, started, "invalid-data", e.report().findings().size(), null, e.getMessage());
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      record(brief, period, started, "failed", null, null, e.toString());
      throw e;
    }
  }

  private void record(BriefConfig brief, Period period, Instant started, String status, Integer findings,
      String outputs, String error) {
    RunHistory runs = runs();
    long id = runs.start(brief.id(), period.toString(), "manual", null, node, started).orElseThrow();
    runs.finish(id, status, findings, outputs, error, Instant.now());
  }

  /** {@code send}: delivers a period already built in {@code out}, recorded as a send run. */
  public Deliverer.Outcome send(BriefConfig brief, Period period, Path out, boolean resend) throws IOException {
    RunHistory runs = runs();
    long id = runs.start(brief.id(), period.toString(), "send", null, node, Instant.now()).orElseThrow();
    try {
      Deliverer.Outcome o = deliverBrief(brief, period, out.resolve(brief.id()).resolve(period.toString()), resend);
      runs.finish(id, o.allServed() ? "delivered" : "failed", null, null, failure(o), Instant.now());
      return o;
    } catch (IOException | RuntimeException e) {
      runs.finish(id, "failed", null, null, e.toString(), Instant.now());
      throw e;
    }
  }

  /**
   * One scheduled fire: skipped when the period was already delivered or this fire already has a run;
   * otherwise build, then send the brief (or, with invalid data, the report to the analysts).
   *
   * @param trigger cron, catch-up, retry, once, or recovery (a dead node's run, taken over)
   * @param scheduledFire the fire's scheduled time (kept by Quartz across recovery), for de-duplication
   */
  public RunOutcome runScheduled(BriefConfig brief, Period period, String trigger, Instant scheduledFire) {
    String p = period.toString();
    RunHistory runs = runs();
    if (runs.hasStatus(brief.id(), p, "delivered", "ok")) {
      log.info("{} {}: already delivered; {} fire skipped", brief.id(), p, trigger);
      return RunOutcome.skipped("already delivered");
    }
    String key = brief.id() + "|" + p + "|" + scheduledFire.toEpochMilli();
    Optional<Long> id = Optional.empty();
    if (trigger.equals("recovery")) {
      // Quartz hands a dead node's job to this one: continue its run rather than skip it as done.
      Optional<RunHistory.RunTakeover> taken = runs.takeOver(key, node, Instant.now());
      taken.ifPresent(t -> log.warn("{} {}: recovering run {} of node {}, which stopped mid-run, on {}", brief.id(), p,
          t.id(), t.from(), node));
      id = taken.map(RunHistory.RunTakeover::id);
    }
    if (id.isEmpty()) {
      id = runs.start(brief.id(), p, trigger, key, node, Instant.now());
    }
    if (id.isEmpty()) {
      log.info("{} {}: the fire of {} already has a run; skipped", brief.id(), p, scheduledFire);
      return RunOutcome.skipped("fire already run");
    }
    log.info("{} {}: {} run {} started on {}", brief.id(), p, trigger, id.get(), node);
    Path out = settings.outputDir();
    try {
      Built built = pipeline.build(brief, settings.workbookOf(brief), period, out, null);
      int findings = built.checked().report().findings().size();
      if (allRecipients(brief).isEmpty()) {
        runs.finish(id.get(), "ok", findings, outputs(built.manifest()), null, Instant.now());
        return new RunOutcome("ok", id, Optional.empty(), "no recipients");
      }
      Deliverer.Outcome o = deliverBrief(brief, period, built.dir(), false);
      String status = o.allServed() ? "delivered" : "failed";
      runs.finish(id.get(), status, findings, outputs(built.manifest()), failure(o), Instant.now());
      log.info("{} {}: {} (sent {}, already served {}, failed {}, unknown {})", brief.id(), p, status, o.sent().size(),
          o.skipped().size(), o.failed().size(), o.unknown().size());
      return new RunOutcome(status, id, Optional.of(o), failure(o));
    } catch (DataInvalidException e) {
      Optional<Deliverer.Outcome> told = tellAnalysts(brief, period, e);
      runs.finish(id.get(), "invalid-data", e.report().findings().size(), null, e.getMessage(), Instant.now());
      log.warn("{} {}: invalid data ({} errors); analysts told: {}", brief.id(), p, e.report().errorCount(),
          told.map(o -> o.sent().size() + " sent").orElse("nobody to tell"));
      return new RunOutcome("invalid-data", id, told, e.getMessage());
    } catch (IOException | RuntimeException e) {
      runs.finish(id.get(), "failed", null, null, e.toString(), Instant.now());
      log.error("{} {}: run {} failed: {}", brief.id(), p, id.get(), e.toString(), e);
      return new RunOutcome("failed", id, Optional.empty(), e.toString());
    }
  }

  /** Records that a period's deadline passed without valid data. */
  public void markMissed(BriefConfig brief, Period period, String why) {
    RunHistory runs = runs();
    runs.start(brief.id(), period.toString(), "deadline", brief.id() + "|" + period + "|missed", node, Instant.now())
        .ifPresent(id -> runs.finish(id, "missed", null, null, why, Instant.now()));
  }

  private Deliverer.Outcome deliverBrief(BriefConfig brief, Period period, Path dir, boolean resend) throws IOException {
    Path manifestFile = dir.resolve("manifest.json");
    if (!Files.exists(manifestFile)) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT,
          "no build for " + brief.id() + " " + period + " in " + dir + " (run build first)", null);
    }
    JsonNode m = Manifest.JSON.readTree(manifestFile.toFile());
    JsonNode pdfEntry = null;
    for (JsonNode o : m.get("outputs")) {
      if ("pdf".equals(o.get("kind").asText())) {
        pdfEntry = o;
      }
    }
    if (pdfEntry == null) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, "the build in " + dir + " has no PDF", null);
    }
    Path pdf = dir.resolve(pdfEntry.get("path").asText());
    byte[] bytes = Files.readAllBytes(pdf);
    String sha = dev.briefpipe.io.FileHashes.sha256(bytes);
    if (!sha.equals(pdfEntry.get("sha256").asText())) {
      throw new DeliveryException(DeliveryException.Kind.PERMANENT, pdf + " differs from its manifest; rebuild it", null);
    }
    List<KeyFigure> figures = new ArrayList<>();
    for (JsonNode f : m.path("figures")) {
      BigDecimal v = f.get("value").isNull() ? null : f.get("value").decimalValue();
      String format = brief.summary() == null ? null : brief.summary().figures().stream()
          .filter(x -> x.id().equals(f.get("id").asText())).map(BriefConfig.Figure::format).findFirst().orElse(null);
      figures.add(new KeyFigure(f.get("id").asText(), f.get("label").asText(), v,
          f.get("unit").isNull() ? null : f.get("unit").asText(), format, null, null));
    }
    LetterComposer letters = new LetterComposer(brief, settings.app().mail().from());
    try (MailTransport transport = transports.apply(dir.resolve("outbox"))) {
      MimeMessage msg = MimeFactory.build(session(transport),
          letters.brief(m.get("title").asText(), period.toString(), bytes, sha, figures, host(), resend));
      return deliverer(transport).deliver(brief.id(), period.toString(), "brief", sha, msg, allRecipients(brief), resend);
    }
  }

  private Optional<Deliverer.Outcome> tellAnalysts(BriefConfig brief, Period period, DataInvalidException e) {
    if (brief.delivery() == null || brief.delivery().analysts().isEmpty()) {
      return Optional.empty();
    }
    try {
      Messages ko = Messages.of(Messages.Lang.KO);
      FindingText text = new FindingText(ko);
      byte[] html = new HtmlReportWriter(ko).write(e.report()).getBytes(StandardCharsets.UTF_8);
      Path wb = e.report().workbook();
      byte[] original = Files.readAllBytes(wb);
      byte[] annotated = new WorkbookAnnotator(ko).annotate(original, e.report());
      String sha = dev.briefpipe.io.FileHashes.sha256(original);
      List<String> lines = e.report().findings().stream().filter(dev.briefpipe.model.Finding::isError).limit(20)
          .map(f -> f.at() + ": " + text.message(f)).toList();
      Path dir = settings.outputDir().resolve(brief.id()).resolve(period.toString()).resolve("reports");
      LetterComposer letters = new LetterComposer(brief, settings.app().mail().from());
      try (MailTransport transport = transports.apply(dir)) {
        MimeMessage msg = MimeFactory.build(session(transport), letters.report(brief.title(), period.toString(),
            e.report().errorCount(), lines, html, annotated, wb.getFileName().toString(), sha, host()));
        return Optional.of(deliverer(transport).deliver(brief.id(), period.toString(), "report-" + sha.substring(0, 12),
            sha, msg, brief.delivery().analysts(), false));
      }
    } catch (IOException | RuntimeException x) {
      log.error("{} {}: could not send the validation report to the analysts: {}", brief.id(), period, x.toString(), x);
      return Optional.empty();
    }
  }

  private Deliverer deliverer(MailTransport transport) {
    return new Deliverer(ledger(), transport, settings.app().mail().retries(), settings.app().mail().backoffMillis());
  }

  private static Session session(MailTransport t) {
    return t instanceof SmtpTransport s ? s.session() : Session.getInstance(new Properties());
  }

  private static List<String> allRecipients(BriefConfig brief) {
    if (brief.delivery() == null) {
      return List.of();
    }
    List<String> all = new ArrayList<>(brief.delivery().to());
    all.addAll(brief.delivery().cc());
    all.addAll(brief.delivery().bcc());
    return all.stream().distinct().toList();
  }

  private static String outputs(com.fasterxml.jackson.databind.node.ObjectNode manifest) {
    return manifest.get("outputs").toString();
  }

  private static String failure(Deliverer.Outcome o) {
    if (o.allServed()) {
      return null;
    }
    return "failed: " + o.failed() + (o.unknown().isEmpty() ? "" : "; unknown: " + o.unknown());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static String nodeName() {
    return host() + ":" + ProcessHandle.current().pid();
  }

  public String node() {
    return node;
  }

  @Override
  public void close() {
    db.thenAccept(Database::close);
  }
}
