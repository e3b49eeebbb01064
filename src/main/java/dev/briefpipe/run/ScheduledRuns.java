package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.store.Approvals;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
    private final RunHistory runs;
    private final Approvals approvals;
    private final String node;

    ScheduledRuns(
            Settings settings,
            BriefPipeline pipeline,
            PeriodLetters letters,
            RunHistory runs,
            Approvals approvals,
            String node) {
        this.settings = settings;
        this.pipeline = pipeline;
        this.letters = letters;
        this.runs = runs;
        this.approvals = approvals;
        this.node = node;
    }

    /**
     * One scheduled fire: skipped when the period was already delivered or this fire already has a run
     * (for {@code schedule --once}, unless the period's last scheduled run fell short: then it is tried
     * again, or past the {@code deadline} recorded missed); otherwise build, then send the brief (or,
     * with invalid data, the report to the analysts).
     *
     * @param trigger cron, catch-up, retry, once, or recovery (a dead node's run, taken over)
     * @param scheduledFire the fire's scheduled time (kept by Quartz across recovery), for de-duplication
     */
    RunOutcome run(BriefConfig brief, Period period, RunTrigger trigger, Instant scheduledFire, Instant deadline) {
        String p = period.toString();
        Messages words = Messages.forLocale(brief.locale());
        BriefService.markInterrupted(runs, settings);
        if (runs.done(brief.id(), period)) {
            log.info("{} {}: already delivered; {} fire skipped", brief.id(), p, trigger);
            return RunOutcome.skipped(words.get("run.already-delivered"));
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
        Optional<RunStatus> last =
                id.isEmpty() && trigger == RunTrigger.ONCE ? runs.lastScheduled(brief.id(), period) : Optional.empty();
        if (last.filter(RunStatus.MISSED::equals).isPresent()) {
            return RunOutcome.skipped(words.get("run.period-missed"));
        }
        if (last.filter(s -> s.fellShort() || s == RunStatus.AWAITING_APPROVAL).isPresent()
                && deadline != null
                && Instant.now().isAfter(deadline)) {
            // schedule --once past the deadline keeps it as the daemon does: the period is missed.
            String why = markMissed(brief, period, deadline, last.get());
            return new RunOutcome(RunStatus.MISSED, Optional.empty(), Optional.empty(), why);
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
            return RunOutcome.skipped(words.get("run.fire-already-run"));
        }
        log.info("{} {}: {} run {} started on {}", brief.id(), p, trigger, id.get(), node);
        Path out = settings.outputDir();
        try {
            Built built = pipeline.build(brief, settings.workbookOf(brief), period, out, null);
            int findings = built.checked().report().findings().size();
            if (brief.readers().isEmpty()) {
                runs.finish(id.get(), RunStatus.OK, findings, built.manifest().outputsJson(), null, Instant.now());
                return new RunOutcome(RunStatus.OK, id, Optional.empty(), words.get("run.no-readers"));
            }
            Optional<String> approved = Optional.empty();
            if (brief.delivery().approvalRequired()) {
                String sha =
                        built.manifest().output(Manifest.Kind.PDF).orElseThrow().sha256();
                if (!approvals.approved(brief.id(), period, sha)) {
                    runs.finish(
                            id.get(),
                            RunStatus.AWAITING_APPROVAL,
                            findings,
                            built.manifest().outputsJson(),
                            null,
                            Instant.now());
                    log.info("{} {}: built; waiting for an approver (PDF sha256 {})", brief.id(), p, sha);
                    letters.approvalWanted(
                            brief,
                            period,
                            sha,
                            false,
                            deadline == null ? null : deadline(brief, "notice.deadline", deadline));
                    return new RunOutcome(RunStatus.AWAITING_APPROVAL, id, Optional.empty(), null);
                }
                approved = Optional.of(sha);
            }
            Deliverer.Outcome o = letters.brief(brief, period, built.dir(), Resend.NONE, approved);
            RunStatus status = RunOutcome.status(o);
            String notServed = RunOutcome.failure(o, brief);
            runs.finish(id.get(), status, findings, built.manifest().outputsJson(), notServed, Instant.now());
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
            if (!o.allServed()) {
                String failed = String.join(", ", o.failed());
                String text = words.get("alert.not-served", id.get(), failed, String.join(", ", o.unknown()));
                letters.owners(
                        brief,
                        period,
                        "alert",
                        "not served " + o.failed() + o.unknown(),
                        retrying(brief, text, outcome, deadline));
            }
            return outcome;
        } catch (DataInvalidException e) {
            Optional<Deliverer.Outcome> told = letters.report(brief, period, e);
            String why = RunOutcome.why(e, brief);
            runs.finish(id.get(), RunStatus.INVALID_DATA, e.report().findings().size(), null, why, Instant.now());
            log.warn(
                    "{} {}: invalid data ({} errors); analysts told: {}",
                    brief.id(),
                    p,
                    e.report().errorCount(),
                    told.map(o -> o.sent().size() + " sent").orElse("nobody to tell"));
            return new RunOutcome(RunStatus.INVALID_DATA, id, told, why);
        } catch (IOException | RuntimeException e) {
            String told = RunOutcome.why(e, brief);
            runs.finish(id.get(), RunStatus.FAILED, null, null, told, Instant.now());
            log.error("{} {}: run {} failed: {}", brief.id(), p, id.get(), e.toString(), e);
            RunOutcome outcome = new RunOutcome(RunStatus.FAILED, id, Optional.empty(), told);
            letters.owners(
                    brief,
                    period,
                    "alert",
                    told,
                    retrying(brief, words.get("alert.failed", id.get(), told), outcome, deadline));
            return outcome;
        }
    }

    /** An owners' alert, saying until when the period is tried again when it is (the deadline known). */
    private static String retrying(BriefConfig brief, String alert, RunOutcome outcome, Instant deadline) {
        return deadline == null || !outcome.triedAgain() || deadline.isBefore(Instant.now())
                ? alert
                : alert + " " + deadline(brief, "alert.retrying", deadline);
    }

    /** The sentence ({@code key}: the deadline and its zone) that tells when a waiting period is missed. */
    static String deadline(BriefConfig brief, String key, Instant deadline) {
        Messages words = Messages.forLocale(brief.locale());
        var when = DateTimeFormatter.ofPattern(words.get("notice.deadline.when"), words.locale());
        return words.get(key, when.format(deadline.atZone(brief.zone())), brief.zone());
    }

    /**
     * Records that a period's deadline passed without valid data, an approval or every reader served
     * ({@code last}: how its last run ended), and tells the brief's owners.
     *
     * @return why, as the run history and the owners' letter say it
     */
    String markMissed(BriefConfig brief, Period period, Instant deadline, RunStatus last) {
        BriefService.markInterrupted(runs, settings);
        String key = switch (last) {
            case AWAITING_APPROVAL -> "alert.unapproved";
            case FAILED -> "alert.undelivered";
            default -> "alert.missed";
        };
        String why = deadline(brief, key, deadline);
        Optional<Long> id = runs.start(
                brief.id(), period, RunTrigger.DEADLINE, brief.id() + "|" + period + "|missed", node, Instant.now());
        id.ifPresent(i -> runs.finish(i, RunStatus.MISSED, null, null, why, Instant.now()));
        if (id.isPresent()) {
            letters.owners(brief, period, "alert", "missed", why);
        }
        return why;
    }
}
