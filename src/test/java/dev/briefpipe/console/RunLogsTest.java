package dev.briefpipe.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.store.RunHistory.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLogsTest {
    @TempDir
    Path dir;

    @Test
    void aRunsExcerptIsTheLinesNamingItsBriefWhileItRan() throws IOException {
        Instant start = Instant.parse("2026-03-03T00:00:00Z");
        // Lines carry their offset, here another zone than this machine's; an older line has none.
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");
        ZoneId elsewhere = ZoneId.of(
                ZoneId.systemDefault().getRules().getOffset(start).getTotalSeconds() == 9 * 3600
                        ? "America/New_York"
                        : "Asia/Seoul");
        String before = f.format(start.minusSeconds(60).atZone(elsewhere));
        String during = f.format(start.plusSeconds(5).atZone(elsewhere));
        String older = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(LocalDateTime.ofInstant(start.plusSeconds(6), ZoneId.systemDefault()));
        String after = f.format(start.plusSeconds(60).atZone(elsewhere));
        Path log = dir.resolve("briefpipe.log");
        Files.writeString(
                log,
                String.join(
                        "\n",
                        before + " INFO  [main] BriefService - ai-hegemony 2026-03: an earlier run",
                        during + " INFO  [w-1] BriefService - ai-hegemony 2026-03: validated",
                        during + " INFO  [w-2] BriefService - ai-chips 2026-03: another brief",
                        older + " WARN  [w-1] Deliverer - ai-hegemony 2026-03: 451 try later",
                        "    at a continuation line of ai-hegemony's stack",
                        after + " INFO  [w-1] BriefService - ai-hegemony 2026-03: a later run",
                        ""));
        Run run = new Run(
                1,
                "ai-hegemony",
                Period.parse("2026-03"),
                RunTrigger.CRON,
                "n",
                start,
                start.plusSeconds(10),
                RunStatus.DELIVERED,
                0,
                null,
                null,
                java.util.List.of());
        Map<Long, List<String>> excerpts = RunLogs.of(log, List.of(run));
        assertThat(excerpts.get(1L))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("ai-hegemony"))
                .noneMatch(l -> l.contains("earlier") || l.contains("later run"));
        assertThat(RunLogs.of(dir.resolve("none.log"), List.of(run))).isEmpty();
    }
}
