package dev.briefpipe.run;

import dev.briefpipe.deliver.Deliverer;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param status skipped (already done, or another trigger or node has this fire), delivered, ok (built,
 *     nobody to send to), invalid-data, failed
 * @param delivery who got the brief, when it was sent
 */
public record RunOutcome(String status, Optional<Long> runId, Optional<Deliverer.Outcome> delivery, String detail) {

  public static RunOutcome skipped(String why) {
    return new RunOutcome("skipped", Optional.empty(), Optional.empty(), why);
  }

  public boolean succeeded() {
    return status.equals("delivered") || status.equals("ok") || status.equals("skipped");
  }
}
