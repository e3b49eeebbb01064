package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.failure.FileProblems;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param status how the run ended
 * @param delivery who got the brief, when it was sent
 */
public record RunOutcome(RunStatus status, Optional<Long> runId, Optional<Deliverer.Outcome> delivery, String detail) {

    public static RunOutcome skipped(String why) {
        return new RunOutcome(RunStatus.SKIPPED, Optional.empty(), Optional.empty(), why);
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

    /**
     * Who was not served, for the run history, in the brief's language; null when everyone was.
     */
    static String failure(Deliverer.Outcome o, BriefConfig brief) {
        if (o.allServed() && o.unsent().isEmpty()) {
            return null;
        }
        Messages words = Messages.forLocale(brief.locale());
        List<String> told = new ArrayList<>();
        if (!o.failed().isEmpty()) {
            told.add(words.get("run.not-served", String.join(", ", o.failed())));
        }
        if (!o.unknown().isEmpty()) {
            told.add(words.get("run.unknown", String.join(", ", o.unknown())));
        }
        if (!o.unsent().isEmpty()) {
            told.add(words.get("run.unsent", String.join(", ", o.unsent())));
        }
        return String.join(" ", told);
    }

    /**
     * Why a run stopped, for the run history and the owners' letter, in the brief's language: a failure's
     * own sentences, a file or disk the operating system refused, or the unforeseen exception as the JVM
     * tells it.
     */
    static String why(Throwable e, BriefConfig brief) {
        Messages words = Messages.forLocale(brief.locale());
        if (e instanceof DataInvalidException d) {
            return words.get("run.invalid", d.report().errorCount(), d.report().workbook());
        }
        if (e instanceof Failure f) {
            return String.join(" ", f.explain().stream().map(words::get).toList());
        }
        return FileProblems.of(e).map(words::get).orElse(e.toString());
    }
}
