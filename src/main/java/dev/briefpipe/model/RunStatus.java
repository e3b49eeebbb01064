package dev.briefpipe.model;

import java.util.Arrays;
import java.util.Locale;

/** How a run of a brief stands or ended, as the run history records it ({@link #id()}). */
public enum RunStatus {
    /** Started, not yet ended. */
    RUNNING,
    /** Built; nobody to send to, or a build by hand; or a resend to some readers, others still to be sent. */
    OK,
    /** Built and sent to every reader. */
    DELIVERED,
    /** Built and written to the outbox (no mail server configured): a dry run, sent to nobody. */
    DRY_RUN,
    /** Stopped by an error, or some reader not served. */
    FAILED,
    /** The workbook has errors: nothing published, the analysts told. */
    INVALID_DATA,
    /** Nothing to do: already delivered, or this fire already has a run. */
    SKIPPED,
    /** The deadline passed without valid data. */
    MISSED,
    /** Its process died before it ended (found so by a later run on the same host). */
    INTERRUPTED,
    /** Built; the brief needs an approver's word before it is sent. */
    AWAITING_APPROVAL;

    /** The word stored and shown: {@code invalid-data}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RunStatus of(String id) {
        return Arrays.stream(values())
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown run status " + id));
    }

    /** Whether the run did what it had to (or had nothing to do). */
    public boolean succeeded() {
        return this == OK || this == DELIVERED || this == SKIPPED;
    }

    /**
     * Whether the run ended short of its part: a failure, bad data, a missed deadline, a dead process.
     * A run waiting for an approver, or written to the outbox for want of a mail server, did its part.
     */
    public boolean fellShort() {
        return this == FAILED || this == INVALID_DATA || this == MISSED || this == INTERRUPTED;
    }

    @Override
    public String toString() {
        return id();
    }
}
