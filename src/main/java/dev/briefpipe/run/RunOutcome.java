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
}
