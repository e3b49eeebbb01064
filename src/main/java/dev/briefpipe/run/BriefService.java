package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.MailTransport;
import dev.briefpipe.deliver.OutboxTransport;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.deliver.SmtpTransport;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.store.AuditLog;
import dev.briefpipe.store.Database;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    private static final Messages KO = Messages.of(Messages.Lang.KO);
    private static final Logger log = LoggerFactory.getLogger(BriefService.class);
    private final Settings settings;
    private final CompletableFuture<Database> db;
    private final BriefPipeline pipeline;
    private final PeriodLetters letters;
    private final String node;

    /**
     * @param transports makes the transport for a period's outbox folder (SMTP when configured)
     */
    public BriefService(
            Settings settings,
            Database db,
            ProgressListener progress,
            Supplier<FontSet> fonts,
            Function<Path, MailTransport> transports) {
        this(settings, CompletableFuture.completedFuture(db), progress, fonts, transports);
    }

    private BriefService(
            Settings settings,
            CompletableFuture<Database> db,
            ProgressListener progress,
            Supplier<FontSet> fonts,
            Function<Path, MailTransport> transports) {
        this.settings = settings;
        this.db = db;
        this.pipeline = new BriefPipeline(settings, progress, fonts);
        this.letters = new PeriodLetters(settings, transports, this::ledger);
        this.node = nodeName();
    }

    /**
     * The service on the configured database, with SMTP when a mail host is set and the outbox
     * otherwise. The database is opened (and migrated) in the background; the first use waits for it.
     */
    public static BriefService open(Settings settings, ProgressListener progress) {
        CompletableFuture<Database> db = CompletableFuture.supplyAsync(() -> Database.open(
                settings.app().database(), settings.resolve(settings.app().state())));
        return new BriefService(settings, db, progress, new FontsFromConfig(settings), defaultTransports(settings));
    }

    public static Function<Path, MailTransport> defaultTransports(Settings settings) {
        return outbox -> settings.app().mail().host().isBlank()
                ? new OutboxTransport(outbox)
                : new SmtpTransport(settings.app().mail());
    }

    /** The database, once open; a failure to open it is rethrown here, unwrapped. */
    public Database database() {
        try {
            return db.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public AuditLog audit() {
        return new AuditLog(database().dataSource());
    }

    /** Settles an unknown delivery by hand; see {@link Settlement#markDelivered}. */
    public Optional<DeliveryLedger.Entry> markDelivered(
            BriefConfig brief, Period period, String recipient, String actor) {
        return new Settlement(ledger(), audit()).markDelivered(brief, period, recipient, actor);
    }

    /** Everyone the brief is sent to: to, cc and bcc. */
    public static List<String> recipients(BriefConfig brief) {
        return PeriodLetters.recipients(brief);
    }

    /** Marks interrupted this host's runs whose process died mid-run; returns how many. */
    public int markInterrupted() {
        return runs().markInterrupted(PeriodLetters.host(), Instant.now());
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
    public Built build(BriefConfig brief, Path workbook, Period period, Path out, SummaryMode mode) throws IOException {
        Instant started = Instant.now();
        try {
            Built b = pipeline.build(brief, workbook, period, out, mode);
            record(
                    brief,
                    period,
                    started,
                    RunStatus.OK,
                    b.checked().report().findings().size(),
                    b.manifest().outputsJson(),
                    null);
            return b;
        } catch (DataInvalidException e) {
            record(
                    brief,
                    period,
                    started,
                    RunStatus.INVALID_DATA,
                    e.report().findings().size(),
                    null,
                    e.getMessage());
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            record(brief, period, started, RunStatus.FAILED, null, null, e.toString());
            throw e;
        }
    }

    private void record(
            BriefConfig brief,
            Period period,
            Instant started,
            RunStatus status,
            Integer findings,
            String outputs,
            String error) {
        RunHistory runs = runs();
        runs.markInterrupted(PeriodLetters.host(), Instant.now());
        long id = runs.start(brief.id(), period, RunTrigger.MANUAL, null, node, started)
                .orElseThrow();
        runs.finish(id, status, findings, outputs, error, Instant.now());
    }

    /** {@code send}: delivers a period already built in {@code out}, recorded as a send run. */
    public Deliverer.Outcome send(BriefConfig brief, Period period, Path out, Resend resend) throws IOException {
        RunHistory runs = runs();
        runs.markInterrupted(PeriodLetters.host(), Instant.now());
        long id = runs.start(brief.id(), period, RunTrigger.SEND, null, node, Instant.now())
                .orElseThrow();
        try {
            Deliverer.Outcome o =
                    letters.brief(brief, period, new Publications(out).folder(brief.id(), period), resend);
            runs.finish(id, RunOutcome.status(o), null, null, RunOutcome.failure(o), Instant.now());
            return o;
        } catch (IOException | RuntimeException e) {
            runs.finish(id, RunStatus.FAILED, null, null, e.toString(), Instant.now());
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
    public RunOutcome runScheduled(BriefConfig brief, Period period, RunTrigger trigger, Instant scheduledFire) {
        String p = period.toString();
        RunHistory runs = runs();
        runs.markInterrupted(PeriodLetters.host(), Instant.now());
        if (runs.hasStatus(brief.id(), period, RunStatus.DELIVERED, RunStatus.OK)) {
            log.info("{} {}: already delivered; {} fire skipped", brief.id(), p, trigger);
            return RunOutcome.skipped("already delivered");
        }
        String key = brief.id() + "|" + p + "|" + scheduledFire.toEpochMilli();
        Optional<Long> id = Optional.empty();
        if (trigger == RunTrigger.RECOVERY) {
            // Quartz hands a dead node's job to this one: continue its run rather than skip it as done.
            Optional<RunHistory.RunTakeover> taken = runs.takeOver(key, node, Instant.now());
            taken.ifPresent(t -> log.warn(
                    "{} {}: recovering run {} of node {}, which stopped mid-run, on {}",
                    brief.id(),
                    p,
                    t.id(),
                    t.from(),
                    node));
            id = taken.map(RunHistory.RunTakeover::id);
        }
        if (id.isEmpty()) {
            id = runs.start(brief.id(), period, trigger, key, node, Instant.now());
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
            if (PeriodLetters.recipients(brief).isEmpty()) {
                runs.finish(id.get(), RunStatus.OK, findings, built.manifest().outputsJson(), null, Instant.now());
                return new RunOutcome(RunStatus.OK, id, Optional.empty(), "no recipients");
            }
            Deliverer.Outcome o = letters.brief(brief, period, built.dir(), Resend.NONE);
            RunStatus status = RunOutcome.status(o);
            runs.finish(
                    id.get(), status, findings, built.manifest().outputsJson(), RunOutcome.failure(o), Instant.now());
            log.info(
                    "{} {}: {} (sent {}, already served {}, failed {}, unknown {})",
                    brief.id(),
                    p,
                    status,
                    o.sent().size(),
                    o.skipped().size(),
                    o.failed().size(),
                    o.unknown().size());
            if (!o.allServed()) {
                letters.alert(
                        brief,
                        period,
                        "not served " + o.failed() + o.unknown(),
                        KO.get(
                                "alert.not-served",
                                id.get(),
                                String.join(", ", o.failed()),
                                String.join(", ", o.unknown())));
            }
            return new RunOutcome(status, id, Optional.of(o), RunOutcome.failure(o));
        } catch (DataInvalidException e) {
            Optional<Deliverer.Outcome> told = letters.report(brief, period, e);
            runs.finish(
                    id.get(),
                    RunStatus.INVALID_DATA,
                    e.report().findings().size(),
                    null,
                    e.getMessage(),
                    Instant.now());
            log.warn(
                    "{} {}: invalid data ({} errors); analysts told: {}",
                    brief.id(),
                    p,
                    e.report().errorCount(),
                    told.map(o -> o.sent().size() + " sent").orElse("nobody to tell"));
            return new RunOutcome(RunStatus.INVALID_DATA, id, told, e.getMessage());
        } catch (IOException | RuntimeException e) {
            runs.finish(id.get(), RunStatus.FAILED, null, null, e.toString(), Instant.now());
            log.error("{} {}: run {} failed: {}", brief.id(), p, id.get(), e.toString(), e);
            letters.alert(brief, period, told(e), KO.get("alert.failed", id.get(), told(e)));
            return new RunOutcome(RunStatus.FAILED, id, Optional.empty(), e.toString());
        }
    }

    /** Records that a period's deadline passed without valid data, and tells the brief's owners. */
    public void markMissed(BriefConfig brief, Period period, Instant deadline) {
        RunHistory runs = runs();
        runs.markInterrupted(PeriodLetters.host(), Instant.now());
        String why = "invalid data until the deadline " + deadline;
        Optional<Long> id = runs.start(
                brief.id(), period, RunTrigger.DEADLINE, brief.id() + "|" + period + "|missed", node, Instant.now());
        id.ifPresent(i -> runs.finish(i, RunStatus.MISSED, null, null, why, Instant.now()));
        if (id.isPresent()) {
            letters.alert(
                    brief,
                    period,
                    "missed",
                    KO.get("alert.missed", deadline.atZone(brief.zone()).toLocalDateTime(), brief.zone()));
        }
    }

    /** {@code send --test}: the brief's message to one address, not recorded as a delivery. */
    public String sendTest(BriefConfig brief, Period period, Path out, String address) throws IOException {
        return letters.test(brief, period, new Publications(out).folder(brief.id(), period), address);
    }

    /** A failure told in Korean for the owners' letter: its own words when it has them. */
    private static String told(Exception e) {
        if (e instanceof Failure f) {
            return String.join(" ", f.explain().stream().map(KO::get).toList());
        }
        return e.toString();
    }

    private static String nodeName() {
        return PeriodLetters.host() + ":" + ProcessHandle.current().pid();
    }

    public String node() {
        return node;
    }

    @Override
    public void close() {
        // Waits for a database still opening: a migration must not run on after its service is closed.
        Database open;
        try {
            open = db.join();
        } catch (java.util.concurrent.CompletionException e) {
            return; // it never opened; nothing to close
        }
        open.close();
    }
}
