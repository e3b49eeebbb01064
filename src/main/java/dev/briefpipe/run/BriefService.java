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
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.store.Approvals;
import dev.briefpipe.store.AuditLog;
import dev.briefpipe.store.Database;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs of a brief as operators see them: every build and send is recorded in the run history, a
 * scheduled run is de-duplicated by its fire, validates first, and sends the brief to its readers
 * exactly once or the validation report to its analysts. Used by the CLI and by the scheduler's
 * jobs; safe to share between jobs of different briefs (Quartz never runs one brief twice at once).
 */
public final class BriefService implements AutoCloseable {
    private final Settings settings;
    private final Database db;
    private final RunHistory runs;
    private final Approvals approvals;
    private final DeliveryLedger ledger;
    private final AuditLog audit;
    private final BriefPipeline pipeline;
    private final PeriodLetters letters;
    private final String node;
    private final ScheduledRuns scheduled;

    /**
     * @param transports makes the transport for a period's outbox folder (SMTP when configured)
     */
    public BriefService(
            Settings settings,
            Database db,
            ProgressListener progress,
            Supplier<FontSet> fonts,
            Function<Path, MailTransport> transports) {
        this.settings = settings;
        this.db = db;
        this.runs = new RunHistory(db.dataSource());
        this.approvals = new Approvals(db.dataSource());
        this.ledger = new DeliveryLedger(db.dataSource());
        this.audit = new AuditLog(db.dataSource());
        this.pipeline = new BriefPipeline(settings, progress, fonts);
        this.letters = new PeriodLetters(settings, transports, ledger, progress);
        this.node = nodeName();
        this.scheduled = new ScheduledRuns(settings, pipeline.scheduled(), letters, ledger, runs, approvals, node);
    }

    /**
     * The service on the configured database, with SMTP when a mail host is set and the outbox
     * otherwise. The database is opened (and migrated) first.
     */
    public static BriefService open(Settings settings, ProgressListener progress) {
        Database db = Database.open(
                settings.app().database(), settings.resolve(settings.app().state()));
        return new BriefService(settings, db, progress, new FontsFromConfig(settings), defaultTransports(settings));
    }

    public static Function<Path, MailTransport> defaultTransports(Settings settings) {
        return outbox -> settings.app().mail().host().isBlank()
                ? new OutboxTransport(outbox)
                : new SmtpTransport(settings.app().mail());
    }

    public Database database() {
        return db;
    }

    public AuditLog audit() {
        return audit;
    }

    /** Settles an unknown delivery by hand; see {@link Settlement#markDelivered}. */
    public Optional<DeliveryLedger.Entry> markDelivered(
            BriefConfig brief, Period period, String recipient, String actor) {
        return new Settlement(ledger(), audit()).markDelivered(brief, period, recipient, actor);
    }

    /** Marks interrupted this host's runs whose process died mid-run; returns how many. */
    public int markInterrupted() {
        return markInterrupted(runs, settings);
    }

    /** {@link #markInterrupted()}, each run's error in its brief's language. */
    static int markInterrupted(RunHistory runs, Settings settings) {
        return runs.markInterrupted(
                host(),
                Instant.now(),
                id -> settings.findBrief(id)
                        .map(b -> Messages.forLocale(b.locale()))
                        .orElse(Messages.of(Messages.Lang.KO)));
    }

    public RunHistory runs() {
        return runs;
    }

    public Approvals approvals() {
        return approvals;
    }

    /** The console's approvals: approve (and send), reject, withdraw; see {@link Approving}. */
    public Approving approving() {
        return new Approving(settings, this, letters);
    }

    public DeliveryLedger ledger() {
        return ledger;
    }

    /** Reads and validates a workbook, as {@code validate --period} does; unreadable files throw. */
    public Checked check(BriefConfig brief, Path workbook, Period period) {
        return pipeline.check(brief, workbook, period);
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
                    List.of());
            return b;
        } catch (DataInvalidException e) {
            record(
                    brief,
                    period,
                    started,
                    RunStatus.INVALID_DATA,
                    e.report().findings().size(),
                    null,
                    RunOutcome.why(e));
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            record(brief, period, started, RunStatus.FAILED, null, null, RunOutcome.why(e));
            throw e;
        }
    }

    /**
     * Reminds those the period's published PDF waits on that it waits, and when the period is missed: the
     * approvers, once per PDF; the analysts, once a period, when an approver rejected it (they mend it).
     */
    public void remindOfApproval(BriefConfig brief, Period period, Instant deadline) {
        Optional<String> sha = approving().shownPdf(brief, period);
        Optional<Approvals.State> decided = sha.flatMap(s -> approvals
                .latest(brief.id(), period)
                .filter(a -> a.pdfSha256().equals(s))
                .map(Approvals.Approval::state));
        if (decided.equals(Optional.of(Approvals.State.REJECTED))) {
            remindAnalysts(brief, period, "notice.overdue-rejected", deadline);
        } else if (sha.isPresent() && !decided.equals(Optional.of(Approvals.State.APPROVED))) {
            letters.approvalWanted(brief, period, sha.get(), true, Deadlines.said(brief, "notice.deadline", deadline));
        }
    }

    /**
     * Reminds the analysts, once a period, that it waits on them (its workbook has errors: {@code
     * notice.overdue}; its PDF was rejected) and when it is missed.
     */
    public void remindAnalysts(BriefConfig brief, Period period, String why, Instant deadline) {
        Optional<String> unchanged =
                why.equals("notice.overdue") ? scheduled.heldOnUnchanged(brief, period) : Optional.empty();
        String text = unchanged.isPresent()
                ? Deadlines.said(brief, "notice.overdue-unchanged", deadline, unchanged.get())
                : Deadlines.said(brief, why, deadline);
        letters.analysts(brief, period, "overdue", "overdue", text);
    }

    private void record(
            BriefConfig brief,
            Period period,
            Instant started,
            RunStatus status,
            Integer findings,
            String outputs,
            List<Phrase> error) {
        RunHistory runs = runs();
        markInterrupted(runs, settings);
        long id = runs.start(brief.id(), period, RunTrigger.MANUAL, null, node, started)
                .orElseThrow();
        runs.finish(id, status, findings, outputs, error, Messages.forLocale(brief.locale()), Instant.now());
    }

    /** {@code send}: delivers a period built in {@code out}, as a send run; only an approved PDF when one is wanted. */
    public Deliverer.Outcome send(BriefConfig brief, Period period, Path out, Resend resend) throws IOException {
        if (brief.readers().isEmpty()) { // a brief with nobody to send to: a mistake in its config, not a run
            throw settings.mistake(brief, "no-readers", brief.id());
        }
        RunHistory runs = runs();
        markInterrupted(runs, settings);
        long id = runs.start(brief.id(), period, RunTrigger.SEND, null, node, Instant.now())
                .orElseThrow();
        try {
            Path dir = new Publications(out).folder(brief.id(), period);
            LetterContents.built(brief, period, dir); // not built: said so before any approval is looked for
            Optional<String> approved = approving().approvedToSend(brief, period);
            Deliverer.Outcome o = letters.brief(brief, period, dir, resend, approved);
            RunOutcome.record(runs, id, brief, o);
            return o;
        } catch (IOException | RuntimeException e) {
            RunOutcome.record(runs, id, brief, e);
            throw e;
        }
    }

    /** {@code send --correction}; see {@link Correcting#correct}. */
    public Optional<Deliverer.Outcome> correct(BriefConfig brief, Period period, Path workbook, Path out)
            throws IOException {
        return new Correcting(this, pipeline, letters).correct(brief, period, workbook, out);
    }

    /** One scheduled fire; see {@link ScheduledRuns#run}. */
    public RunOutcome runScheduled(BriefConfig brief, Period period, RunTrigger trigger, Instant scheduledFire) {
        return runScheduled(brief, period, trigger, scheduledFire, null);
    }

    /** @param deadline when the period is missed, told to approvers asked for its PDF; null when not known */
    public RunOutcome runScheduled(
            BriefConfig brief, Period period, RunTrigger trigger, Instant scheduledFire, Instant deadline) {
        return scheduled.run(brief, period, trigger, scheduledFire, deadline);
    }

    /**
     * Records that a period's deadline passed and tells its owners; see {@link ScheduledRuns#markMissed}.
     *
     * @return whether every owner has the letter (false while the mail server is down)
     */
    public boolean markMissed(BriefConfig brief, Period period, Instant deadline, RunStatus last) {
        scheduled.markMissed(brief, period, deadline, last);
        return scheduled.toldMissed(brief, period);
    }

    /** The owners' letter of a missed period, tried again; see {@link ScheduledRuns#toldMissed}. */
    public boolean toldMissed(BriefConfig brief, Period period) {
        return scheduled.toldMissed(brief, period);
    }

    /** {@code send --test}: the brief's message to one address, not recorded as a delivery. */
    public String sendTest(BriefConfig brief, Period period, Path out, String address) throws IOException {
        return letters.test(brief, period, new Publications(out).folder(brief.id(), period), address);
    }

    private static String nodeName() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    public String node() {
        return node;
    }

    @Override
    public void close() {
        db.close();
    }

    /** This machine's name, in letters and node names. */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
