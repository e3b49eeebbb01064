package dev.briefpipe.model;

import java.util.Arrays;
import java.util.Locale;

/** What started a run, as the run history records it ({@link #id()}). */
public enum RunTrigger {
    /** {@code build} by hand. */
    MANUAL,
    /** {@code send} by hand. */
    SEND,
    /** The brief's schedule. */
    CRON,
    /** A fire missed while the scheduler was down, run when it started again. */
    CATCH_UP,
    /** A run again after invalid data, until the deadline. */
    RETRY,
    /** {@code schedule --once}. */
    ONCE,
    /** A dead node's run, taken over by another node of the cluster. */
    RECOVERY,
    /** The deadline, passed without valid data. */
    DEADLINE,
    /** An approver approved the built PDF in the console: it is sent. */
    APPROVAL,
    /** {@code send --correction}: a corrected edition to those who got the first. */
    CORRECTION;

    /** The word stored and shown: {@code catch-up}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RunTrigger of(String id) {
        return Arrays.stream(values())
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trigger " + id));
    }

    @Override
    public String toString() {
        return id();
    }
}
