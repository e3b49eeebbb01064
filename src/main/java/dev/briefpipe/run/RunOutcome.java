package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.failure.FileProblems;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.Severity;
import dev.briefpipe.store.RunHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param status how the run ended
 * @param delivery who got the brief, when it was sent
 * @param detail what more there is to say (empty: nothing), told in the reader's language
 */
public record RunOutcome(
        RunStatus status, Optional<Long> runId, Optional<Deliverer.Outcome> delivery, List<Phrase> detail) {

    /** A fire skipped; {@code why}: the message key that says why. */
    public static RunOutcome skipped(String why) {
        return new RunOutcome(RunStatus.SKIPPED, Optional.empty(), Optional.empty(), List.of(Phrase.of(why)));
    }

    /**
     * Whether the scheduler tries the fire's period again: its data not yet valid, its PDF not yet
     * approved, or its build or a reader's mail failed (the mail server down, say), which may pass. A
     * delivery whose fate is unknown (the server may have taken the message) is not: it waits for an
     * operator.
     */
    public boolean triedAgain() {
        return switch (status) {
            case INVALID_DATA, AWAITING_APPROVAL -> true;
            case FAILED -> delivery.map(d -> !d.failed().isEmpty()).orElse(true);
            default -> false;
        };
    }

    /**
     * Delivered to everyone, or a dry run into the outbox, or failed (someone not served); a resend to
     * some readers while others have still to be sent is done, but the period is not delivered.
     */
    static RunStatus status(Deliverer.Outcome o) {
        return !o.allServed()
                ? RunStatus.FAILED
                : o.dryRun() ? RunStatus.DRY_RUN : o.unsent().isEmpty() ? RunStatus.DELIVERED : RunStatus.OK;
    }

    /** Who was not served, for the run history; empty when everyone was. */
    static List<Phrase> failure(Deliverer.Outcome o) {
        List<Phrase> told = new ArrayList<>();
        if (!o.failed().isEmpty()) {
            told.add(Phrase.of("run.not-served", String.join(", ", o.failed())));
        }
        if (!o.unknown().isEmpty()) {
            told.add(Phrase.of("run.unknown", String.join(", ", o.unknown())));
        }
        if (!o.unsent().isEmpty()) {
            told.add(Phrase.of("run.unsent", String.join(", ", o.unsent())));
        }
        return told;
    }

    /**
     * Why a run stopped, for the run history and the owners' letter: a failure's own sentences, a file
     * or disk the operating system refused, or the unforeseen exception as the JVM tells it.
     */
    static List<Phrase> why(Throwable e) {
        if (e instanceof DataInvalidException d) {
            // The one error of a workbook still last period's: which period it would repeat.
            List<Finding> errors = d.report().findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .toList();
            return List.of(
                    errors.size() == 1 && errors.get(0).code() == FindingCode.WORKBOOK_UNCHANGED
                            ? Phrase.of(
                                    "run.unchanged",
                                    d.report().workbook(),
                                    errors.get(0).args().get(0))
                            : Phrase.of(
                                    "run.invalid",
                                    d.report().errorCount(),
                                    d.report().workbook()));
        }
        if (e instanceof Failure f) {
            return f.explain();
        }
        return List.of(FileProblems.of(e).orElse(Phrase.of("run.unforeseen", e.toString())));
    }

    /**
     * The period whose workbook a run found unchanged ({@link #why}), when that was its one error: the
     * period waits for its own data, not for errors mended.
     */
    static Optional<String> unchangedSince(RunHistory.Run run) {
        return Optional.of(run.told())
                .filter(told -> run.status() == RunStatus.INVALID_DATA && told.size() == 1)
                .map(told -> told.get(0))
                .filter(why -> why.key().equals("run.unchanged"))
                .map(why -> String.valueOf(why.args().get(1)));
    }

    /** Records how a delivery run ended: its status, and who was not served. */
    static void record(RunHistory runs, long id, BriefConfig brief, Deliverer.Outcome o) {
        runs.finish(id, status(o), null, null, failure(o), Messages.forLocale(brief.locale()), Instant.now());
    }

    /**
     * Records a run that stopped on {@code e}, and why: failed, or awaiting approval when it was a send
     * refused because nobody has approved the period's PDF yet (nothing went wrong; the period waits).
     */
    static void record(RunHistory runs, long id, BriefConfig brief, Throwable e) {
        RunStatus status = e instanceof DeliveryException d && d.phrase().key().equals(Approving.UNAPPROVED)
                ? RunStatus.AWAITING_APPROVAL
                : RunStatus.FAILED;
        runs.finish(id, status, null, null, why(e), Messages.forLocale(brief.locale()), Instant.now());
    }
}
