package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.DeliveryState;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.store.Approvals;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler's side of {@link BriefService}: one fire of a brief (build, then send the brief or the
 * report), a missed deadline, and the owners told of either.
 */
final class ScheduledRuns {
    private static final Logger log = LoggerFactory.getLogger(ScheduledRuns.class);
    private final Settings settings;
    private final BriefPipeline pipeline;
    private final PeriodLetters letters;
    private final DeliveryLedger ledger;
    private final RunHistory runs;
    private final Approvals approvals;
    private final String node;

    ScheduledRuns(
            Settings settings,
            BriefPipeline pipeline,
            PeriodLetters letters,
            DeliveryLedger ledger,
            RunHistory runs,
            Approvals approvals,
            String node) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.letters = letters;
        this.ledger = ledger;
        this.runs = runs;
        this.approvals = approvals;
        this.node = node;
    }

    /**
     * One scheduled fire: skipped when the period was already delivered or this fire already has a run
     * (for {@code schedule --once}, unless the period's last scheduled run fell short: then it is tried
     * again, or past the {@code deadline} recorded missed); otherwise build, then send the brief (or,
     * with invalid data, the report to the analysts). Past the deadline nobody is asked to approve, and
     * a {@code --once} run that falls short records the period missed at once, as the daemon does.
     *
     * @param trigger cron, catch-up, retry, once, or recovery (a dead node's run, taken over)
     * @param scheduledFire the fire's scheduled time (kept by Quartz across recovery), for de-duplication
     */
    RunOutcome run(BriefConfig brief, Period period, RunTrigger trigger, Instant scheduledFire, Instant deadline) {
        RunOutcome o = attempt(brief, period, trigger, scheduledFire, deadline);
        return trigger == RunTrigger.ONCE && o.triedAgain() && Deadlines.past(deadline)
                ? missed(brief, period, deadline, o.status())
                : o;
    }

    private RunOutcome missed(BriefConfig brief, Period period, Instant deadline, RunStatus last) {
        Phrase why = markMissed(brief, period, deadline, last);
        toldMissed(brief, period);
        return new RunOutcome(RunStatus.MISSED, Optional.empty(), Optional.empty(), List.of(why));
    }

    private RunOutcome attempt(
            BriefConfig brief, Period period, RunTrigger trigger, Instant scheduledFire, Instant deadline) {
        String p = period.toString();
        Messages words = Messages.forLocale(brief.locale());
        BriefService.markInterrupted(runs, settings);
        if (runs.done(brief.id(), period)) {
            log.info("{} {}: already delivered; {} fire skipped", brief.id(), p, trigger);
            return RunOutcome.skipped("run.already-delivered");
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
        Optional<RunStatus> last = id.isEmpty() && trigger == RunTrigger.ONCE
                ? runs.lastScheduled(brief.id(), period).map(RunHistory.Run::status)
                : Optional.empty();
        if (last.filter(RunStatus.MISSED::equals).isPresent()) {
            toldMissed(brief, period); // should the mail server have been down at the deadline
            return RunOutcome.skipped("run.period-missed");
        }
        if (last.filter(RunStatus.FAILED::equals).isPresent() && leftToAnOperator(brief, period)) {
            // As the daemon leaves it (RunOutcome.triedAgain): a run would mail nobody and alert the owners again.
            return RunOutcome.skipped("run.left-to-operator");
        }
        if (last.filter(s -> s.fellShort() || s == RunStatus.AWAITING_APPROVAL).isPresent()
                && Deadlines.past(deadline)) {
            return missed(brief, period, deadline, last.get()); // as the daemon keeps it
        }
        if (last.filter(RunStatus::fellShort).isPresent()) {
            // schedule --once from a timer: each call tries again while the period's last scheduled run
            // fell short (its data mended since, the mail server back); a build or a resend by hand in
            // between does not deliver the period.
            id = runs.start(
                    brief.id(), period, trigger, key + "|" + Instant.now().toEpochMilli(), node, Instant.now());
        }
        if (id.isEmpty()) {
            log.info("{} {}: the fire of {} already has a run; skipped", brief.id(), p, scheduledFire);
            return RunOutcome.skipped("run.fire-already-run");
        }
        log.info("{} {}: {} run {} started on {}", brief.id(), p, trigger, id.get(), node);
        Path out = settings.outputDir();
        try {
            Built built = pipeline.build(brief, settings.workbookOf(brief), period, out, null);
            int findings = built.checked().report().findings().size();
            String outputs = built.manifest().outputsJson();
            if (brief.readers().isEmpty()) {
                runs.finish(id.get(), RunStatus.OK, findings, outputs, List.of(), words, Instant.now());
                return new RunOutcome(RunStatus.OK, id, Optional.empty(), List.of(Phrase.of("run.no-readers")));
            }
            Optional<String> approved = Optional.empty();
            if (brief.delivery().approvalRequired()) {
                String sha =
                        built.manifest().output(Manifest.Kind.PDF).orElseThrow().sha256();
                if (!approvals.approved(brief.id(), period, sha)) {
                    runs.finish(
                            id.get(), RunStatus.AWAITING_APPROVAL, findings, outputs, List.of(), words, Instant.now());
                    log.info("{} {}: built; waiting for an approver (PDF sha256 {})", brief.id(), p, sha);
                    if (!Deadlines.past(deadline)) { // nobody is asked for what can no longer be waited for
                        letters.approvalWanted(
                                brief,
                                period,
                                sha,
                                false,
                                deadline == null ? null : Deadlines.said(brief, "notice.deadline", deadline));
                        toldMended(brief, period, "notice.mended.approval");
                    }
                    return new RunOutcome(RunStatus.AWAITING_APPROVAL, id, Optional.empty(), List.of());
                }
                approved = Optional.of(sha);
            }
            Deliverer.Outcome o = letters.brief(brief, period, built.dir(), Resend.NONE, approved);
            RunStatus status = RunOutcome.status(o);
            List<Phrase> notServed = RunOutcome.failure(o);
            runs.finish(id.get(), status, findings, outputs, notServed, words, Instant.now());
            log.info(
                    "{} {}: {} (sent {}, already served {}, failed {}, unknown {})",
                    brief.id(),
                    p,
                    status,
                    o.sent().size(),
                    o.skipped().size(),
                    o.failed().size(),
                    o.unknown().size());
            RunOutcome outcome = new RunOutcome(status, id, Optional.of(o), notServed);
            if (status == RunStatus.DELIVERED) {
                toldMended(brief, period, "notice.mended.sent");
            }
            if (!o.allServed()) {
                String failed = String.join(", ", o.failed());
                String text = words.get("alert.not-served", id.get(), failed, String.join(", ", o.unknown()));
                letters.owners(
                        brief,
                        period,
                        "alert",
                        "not served " + o.failed() + o.unknown(),
                        Deadlines.retrying(brief, text, outcome, deadline));
            }
            return outcome;
        } catch (DataInvalidException e) {
            Optional<Deliverer.Outcome> told = letters.report(brief, period, e);
            List<Phrase> why = RunOutcome.why(e);
            runs.finish(
                    id.get(), RunStatus.INVALID_DATA, e.report().findings().size(), null, why, words, Instant.now());
            log.warn(
                    "{} {}: invalid data ({} errors); analysts told: {}",
                    brief.id(),
                    p,
                    e.report().errorCount(),
                    told.map(o -> o.sent().size() + " sent").orElse("nobody to tell"));
            return new RunOutcome(RunStatus.INVALID_DATA, id, told, why);
        } catch (IOException | RuntimeException e) {
            List<Phrase> why = RunOutcome.why(e);
            String told = words.get(why);
            runs.finish(id.get(), RunStatus.FAILED, null, null, why, words, Instant.now());
            log.error("{} {}: run {} failed: {}", brief.id(), p, id.get(), e.toString(), e);
            RunOutcome outcome = new RunOutcome(RunStatus.FAILED, id, Optional.empty(), why);
            letters.owners(
                    brief,
                    period,
                    "alert",
                    told,
                    Deadlines.retrying(brief, words.get("alert.failed", id.get(), told), outcome, deadline));
            return outcome;
        }
    }

    /**
     * Whether the period's brief waits on an operator: a reader's letter of unknown fate (the server may
     * have taken it), which no run mails again, and no failed one that a run could still send.
     */
    private boolean leftToAnOperator(BriefConfig brief, Period period) {
        List<DeliveryLedger.Entry> letters = ledger.list(brief.id(), period);
        return DeliveryLedger.count(letters, DeliveryState.FAILED) == 0
                && DeliveryLedger.count(letters, DeliveryState.UNKNOWN)
                                + DeliveryLedger.count(letters, DeliveryState.SENDING)
                        > 0;
    }

    /**
     * Tells the analysts, once, that the period went through after they were sent its validation report:
     * they hear that the workbook they mended was taken, not only what was wrong with it.
     */
    private void toldMended(BriefConfig brief, Period period, String key) {
        if (ledger.list(brief.id(), period).stream()
                .anyMatch(e -> e.kind().startsWith(PeriodLetters.REPORT) && e.state() == DeliveryState.SENT)) {
            String text =
                    Messages.forLocale(brief.locale()).get(key, brief.readers().size());
            letters.analysts(brief, period, "mended", "mended", text);
        }
    }

    /**
     * The period whose workbook the period's last scheduled run found unchanged, when that was its one
     * error: the period waits for its own data, not for errors mended.
     */
    Optional<String> heldOnUnchanged(BriefConfig brief, Period period) {
        return runs.lastScheduled(brief.id(), period).flatMap(RunOutcome::unchangedSince);
    }

    /**
     * Tells the owners that the period was missed, in the words its run recorded, and again should their
     * letter have failed (the mail server down at the deadline): the ledger mails only the owners it has
     * not reached. True once all have it.
     */
    boolean toldMissed(BriefConfig brief, Period period) {
        Messages words = Messages.forLocale(brief.locale());
        return runs.missed(brief.id(), period)
                .map(r -> letters.owners(brief, period, "alert", "missed", r.error(words)))
                .orElse(true);
    }

    /**
     * Records that a period's deadline passed without valid data, an approval or every reader served
     * ({@code last}: how its last run ended); {@link #toldMissed} then tells the brief's owners.
     *
     * @return why, as the run history and the owners' letter say it
     */
    Phrase markMissed(BriefConfig brief, Period period, Instant deadline, RunStatus last) {
        BriefService.markInterrupted(runs, settings);
        Phrase why = switch (last) {
            case AWAITING_APPROVAL -> Deadlines.phrase(brief, "alert.unapproved", deadline);
            case FAILED -> Deadlines.phrase(brief, "alert.undelivered", deadline);
            default ->
                heldOnUnchanged(brief, period)
                        .map(p -> Deadlines.phrase(brief, "alert.missed-unchanged", deadline, p))
                        .orElseGet(() -> Deadlines.phrase(brief, "alert.missed", deadline));
        };
        Messages words = Messages.forLocale(brief.locale());
        Optional<Long> id = runs.start(
                brief.id(), period, RunTrigger.DEADLINE, brief.id() + "|" + period + "|missed", node, Instant.now());
        id.ifPresent(i -> runs.finish(i, RunStatus.MISSED, null, null, List.of(why), words, Instant.now()));
        return why;
    }
}
