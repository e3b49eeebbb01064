package dev.briefpipe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BriefJobTest {
    private static final Instant DEADLINE = Instant.parse("2025-03-08T00:00:00Z");

    private static boolean remindedAt(Duration before, int deadlineDays) {
        return BriefJob.remindNow(DEADLINE.minus(before), DEADLINE, deadlineDays);
    }

    @Test
    void approversAreRemindedInTheLastDayBeforeTheDeadlineOrTheLastHalfOfAShorterWait() {
        assertThat(remindedAt(Duration.ofHours(25), 5)).isFalse();
        assertThat(remindedAt(Duration.ofHours(24), 5)).isTrue();
        assertThat(remindedAt(Duration.ofMinutes(5), 5)).isTrue();
        assertThat(remindedAt(Duration.ofHours(13), 1)).isFalse();
        assertThat(remindedAt(Duration.ofHours(12), 1)).isTrue();
        // A deadline at the fire itself leaves no wait to remind anyone in.
        assertThat(remindedAt(Duration.ofMinutes(5), 0)).isFalse();
    }
}
