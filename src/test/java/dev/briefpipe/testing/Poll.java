package dev.briefpipe.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for state a test can observe (a file, a row, a message, a process), checking it often, with a
 * generous limit: a test never sleeps a fixed time and then counts.
 */
public final class Poll {
    private Poll() {}

    /** Returns as soon as {@code condition} holds; fails when it has not held within {@code limit}. */
    public static void until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not observed within " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
