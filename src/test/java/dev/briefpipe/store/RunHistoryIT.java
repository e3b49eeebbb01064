package dev.briefpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run history as people read it, from a real embedded database. */
class RunHistoryIT {
    private static final Period MARCH = Period.parse("2025-03");
    private static final Instant FIRE = Instant.parse("2025-03-03T00:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private RunHistory runs;
    private int fires;

    @BeforeEach
    void open() {
        db = Database.open(new AppConfig.Database(null, null, null, 2), dir);
        runs = new RunHistory(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void hourlyRetriesThatEndedTheSameWayShowAsOneRowAndLeaveRoomForTheRest() {
        // The fire, then days of hourly retries waiting for an approval, a second brief's runs among them.
        run("ai-hegemony", RunTrigger.CRON, 0, RunStatus.AWAITING_APPROVAL, 3, null);
        for (int h = 1; h <= 60; h++) {
            run("ai-hegemony", RunTrigger.RETRY, h, RunStatus.AWAITING_APPROVAL, 3, null);
            if (h % 20 == 0) {
                run("ai-chips", RunTrigger.MANUAL, h, RunStatus.OK, 0, null);
            }
        }
        // A new workbook: the retries that follow end with other findings, a row of their own.
        for (int h = 61; h <= 63; h++) {
            run("ai-hegemony", RunTrigger.RETRY, h, RunStatus.AWAITING_APPROVAL, 5, null);
        }
        run("ai-hegemony", RunTrigger.APPROVAL, 64, RunStatus.DELIVERED, null, null);

        List<RunHistory.Shown> shown = runs.shown(null, 5);
        assertThat(shown)
                .extracting(s -> s.run().trigger(), s -> s.run().status(), RunHistory.Shown::times)
                .containsExactly(
                        tuple(RunTrigger.APPROVAL, RunStatus.DELIVERED, 1),
                        tuple(RunTrigger.RETRY, RunStatus.AWAITING_APPROVAL, 3),
                        tuple(RunTrigger.MANUAL, RunStatus.OK, 1),
                        tuple(RunTrigger.RETRY, RunStatus.AWAITING_APPROVAL, 60),
                        tuple(RunTrigger.MANUAL, RunStatus.OK, 1));
        // A folded row is its newest run, and says when the first of its runs started.
        assertThat(shown.get(3).run().started()).isEqualTo(at(60));
        assertThat(shown.get(3).since()).isEqualTo(at(1));
        assertThat(shown.get(1).since()).isEqualTo(at(61));
        // One brief's history: its fire, which is no retry, stays a row of its own.
        assertThat(runs.shown("ai-hegemony", 10))
                .extracting(s -> s.run().trigger(), RunHistory.Shown::times)
                .containsExactly(
                        tuple(RunTrigger.APPROVAL, 1),
                        tuple(RunTrigger.RETRY, 3),
                        tuple(RunTrigger.RETRY, 60),
                        tuple(RunTrigger.CRON, 1));
        // The raw list is untouched.
        assertThat(runs.list("ai-hegemony", 1000)).hasSize(65);
    }

    @Test
    void retriesThatEndedOtherwiseOrForAnotherPeriodStayApart() {
        run("ai-hegemony", RunTrigger.RETRY, 1, RunStatus.INVALID_DATA, 4, "오류 4건");
        run("ai-hegemony", RunTrigger.RETRY, 2, RunStatus.INVALID_DATA, 4, "오류 4건");
        run("ai-hegemony", RunTrigger.RETRY, 3, RunStatus.INVALID_DATA, 4, "다른 오류");
        run("ai-hegemony", RunTrigger.RETRY, 4, RunStatus.FAILED, 4, "다른 오류");
        long other = runs.start("ai-hegemony", Period.parse("2025-04"), RunTrigger.RETRY, "k-other", "n", at(5))
                .orElseThrow();
        runs.finish(other, RunStatus.FAILED, 4, null, said("다른 오류"), KO, at(5));
        // Still running: never folded, whatever came before.
        runs.start("ai-hegemony", Period.parse("2025-04"), RunTrigger.RETRY, "k-running", "n", at(6));

        assertThat(runs.shown("ai-hegemony", 10))
                .extracting(RunHistory.Shown::times)
                .containsExactly(1, 1, 1, 1, 2);
    }

    @Test
    void aRunsErrorIsReadInTheReadersLanguageAndKeptInTheBriefsOwn() throws Exception {
        java.time.ZonedDateTime deadline =
                java.time.ZonedDateTime.of(2027, 2, 5, 0, 0, 0, 0, java.time.ZoneId.of("Asia/Seoul"));
        List<Phrase> why = List.of(
                Phrase.of("run.invalid", 1234, dir.resolve("3월 워크북.xlsx")),
                Phrase.of("alert.missed", deadline, deadline.getZone()),
                Phrase.of("store.unreachable", Phrase.of("store.runs-read"), "timeout"));
        long id = runs.start("ai-hegemony", MARCH, RunTrigger.CRON, "k", "n", at(1))
                .orElseThrow();
        runs.finish(id, RunStatus.FAILED, 1, null, why, KO, at(2));
        // A run recorded by a version that kept the brief's words alone is read as it was kept.
        long old = runs.start("ai-hegemony", MARCH, RunTrigger.CRON, "k-old", "n", at(3))
                .orElseThrow();
        runs.finish(old, RunStatus.FAILED, 1, null, List.of(), KO, at(4));
        try (var c = db.dataSource().getConnection();
                var st = c.prepareStatement("UPDATE bp_runs SET error = ? WHERE id = ?")) {
            st.setString(1, "예전 기록");
            st.setLong(2, old);
            st.executeUpdate();
        }

        List<RunHistory.Run> list = runs.list("ai-hegemony", 10);
        RunHistory.Run run = list.get(1);
        Messages en = Messages.of(Messages.Lang.EN);
        assertThat(run.error()).isEqualTo(KO.get(why)).contains("1,234건", "2027년 2월 5일 (금) 00:00");
        assertThat(run.error(KO)).isEqualTo(run.error());
        assertThat(run.error(en))
                .isEqualTo(en.get(why))
                .contains("1,234", "3월 워크북.xlsx", "Fri 5 February 2027, 00:00", "Asia/Seoul")
                .doesNotContain("데이터", "[");
        assertThat(list.get(0).error(en)).isEqualTo("예전 기록");
    }

    private void run(String brief, RunTrigger trigger, int hour, RunStatus status, Integer findings, String error) {
        long id = runs.start(brief, MARCH, trigger, "fire-" + fires++, "node", at(hour))
                .orElseThrow();
        runs.finish(id, status, findings, null, said(error), KO, at(hour).plusSeconds(3));
    }

    private static final Messages KO = Messages.of(Messages.Lang.KO);

    private static List<Phrase> said(String error) {
        return error == null ? List.of() : List.of(Phrase.of("run.unforeseen", error));
    }

    private static Instant at(int hour) {
        return FIRE.plus(Duration.ofHours(hour));
    }
}
