package dev.briefpipe.run;

import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.model.RunStatus;
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

    public boolean succeeded() {
        return status.succeeded();
    }

    /** Delivered to everyone, or a dry run into the outbox, or failed (someone not served). */
    static RunStatus status(Deliverer.Outcome o) {
        return !o.allServed() ? RunStatus.FAILED : o.dryRun() ? RunStatus.DRY_RUN : RunStatus.DELIVERED;
    }

    /** What went wrong with a delivery, for the run history; null when everyone was served. */
    static String failure(Deliverer.Outcome o) {
        if (o.allServed()) {
            return null;
        }
        return "failed: " + o.failed() + (o.unknown().isEmpty() ? "" : "; unknown: " + o.unknown());
    }
}
