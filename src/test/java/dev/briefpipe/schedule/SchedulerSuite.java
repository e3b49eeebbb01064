package dev.briefpipe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.model.Severity;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.run.RunOutcome;
import dev.briefpipe.store.RunHistory;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.Inboxes;
import dev.briefpipe.testing.MailParts;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The scheduler suite: Quartz on briefpipe's database with a real SMTP server (GreenMail). It runs
 * on the embedded H2 store ({@link SchedulerIT}) and on PostgreSQL ({@link SchedulerPostgresIT}).
 */
abstract class SchedulerSuite {
    @TempDir
    Path dir;

    private GreenMail mail;
    private BriefService service;
    private BriefScheduler scheduler;

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    /** The database's JDBC URL, or null for the embedded H2 store. */
    protected abstract String databaseUrl();

    protected void dropDatabase() {}

    private SampleProject create(Path at, int smtpPort, String cron) throws IOException {
        return ScheduledProject.create(at, smtpPort, cron, databaseUrl());
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
        if (service != null) {
            service.close();
        }
        mail.stop();
        dropDatabase();
    }

    @Test
    void aPerSecondCronBuildsAndSendsEachRecipientOneMessage() throws Exception {
        Settings settings = project("*/2 * * * * ?");
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        scheduler.start();
        Poll.until(Duration.ofSeconds(90), () -> mail.getReceivedMessages().length >= 3);
        awaitLaterFires("cron");
        assertThat(mail.getReceivedMessages()).hasSize(3);
        List<RunHistory.Run> runs = service.runs().list("ai-hegemony", 50);
        assertThat(runs).filteredOn(r -> r.status() == RunStatus.DELIVERED).hasSize(1);
        assertThat(runs.get(runs.size() - 1).trigger()).isEqualTo(RunTrigger.CRON);
        // The period the run reported on, not the clock's now (a month may have begun in Seoul since).
        String period = runs.stream()
                .filter(r -> r.status() == RunStatus.DELIVERED)
                .findFirst()
                .orElseThrow()
                .period()
                .toString();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(settings.outputDir()
                .resolve("ai-hegemony")
                .resolve(period)
                .resolve("ai-hegemony-" + period + ".pdf")
                .toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(5);
        }
    }

    @Test
    void aBuildByHandBeforeTheFireDoesNotKeepTheBriefFromItsReaders() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        // An operator builds the month by hand, to look at the PDF before the fire sends it.
        Cli.Result build = Cli.raw("build", "--config", p.config().toString(), "--period", "2025-03", "-q");
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(mail.getReceivedMessages()).isEmpty();
        Settings settings = opened(p);
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Period march = Period.parse("2025-03");
        Instant fire = Instant.parse("2025-03-03T00:00:00Z");
        RunOutcome fired = service.runScheduled(brief, march, RunTrigger.CRON, fire);
        assertThat(fired.status()).as(fired.detail().toString()).isEqualTo(RunStatus.DELIVERED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        // Once delivered, a later fire for the month sends nothing.
        RunOutcome later = service.runScheduled(brief, march, RunTrigger.RETRY, fire.plus(Duration.ofHours(1)));
        assertThat(later.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aFireMissedWhileStoppedRunsOnceOnRestart() throws Exception {
        Settings settings = project("0/5 * * * * ?");
        BriefScheduler first = new BriefScheduler(settings, service);
        first.sync();
        Date missed = first.quartz()
                .getTrigger(TriggerKey.triggerKey("cron", "ai-hegemony"))
                .getNextFireTime();
        first.shutdown(true);
        // Nobody runs while the fire time passes, and then some beyond the misfire threshold (1.5 s).
        while (Instant.now().isBefore(missed.toInstant().plusMillis(2500))) {
            Thread.sleep(200);
        }
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        scheduler.start();
        Poll.until(Duration.ofSeconds(90), () -> mail.getReceivedMessages().length >= 3);
        awaitLaterFires("cron");
        assertThat(mail.getReceivedMessages()).hasSize(3);
        List<RunHistory.Run> runs = service.runs().list("ai-hegemony", 50);
        assertThat(runs)
                .filteredOn(r -> r.status() == RunStatus.DELIVERED)
                .singleElement()
                .satisfies(r -> assertThat(r.trigger()).isEqualTo(RunTrigger.CATCH_UP));
    }

    @Test
    void twoTriggersFiringTogetherGiveOneRun() throws Exception {
        Settings settings = project("0/4 * * * * ?");
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        Trigger cron = scheduler.quartz().getTrigger(TriggerKey.triggerKey("cron", "ai-hegemony"));
        Trigger extra = TriggerBuilder.newTrigger()
                .withIdentity("extra", "ai-hegemony")
                .forJob(cron.getJobKey())
                .startAt(cron.getNextFireTime())
                .withSchedule(SimpleScheduleBuilder.simpleSchedule())
                .build();
        scheduler.quartz().scheduleJob(extra);
        scheduler.start();
        Poll.until(Duration.ofSeconds(90), () -> mail.getReceivedMessages().length >= 3);
        // Both triggers have fired (the one-off one is then gone) and nothing is running.
        Poll.until(Duration.ofSeconds(90), () -> quartzQuiet() && !exists("extra"));
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(service.runs().list("ai-hegemony", 50))
                .filteredOn(r -> r.status() != RunStatus.SKIPPED)
                .hasSize(1);
    }

    @Test
    void theSameFireOnTwoThreadsRunsOnce() throws Exception {
        Settings settings = project("0 0 9 1W * ?");
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Instant fire = Instant.parse("2025-03-03T00:00:00Z");
        CompletableFuture<RunOutcome> a = CompletableFuture.supplyAsync(
                () -> service.runScheduled(brief, Period.parse("2025-03"), RunTrigger.CRON, fire));
        CompletableFuture<RunOutcome> b = CompletableFuture.supplyAsync(
                () -> service.runScheduled(brief, Period.parse("2025-03"), RunTrigger.CRON, fire));
        assertThat(List.of(a.get().status(), b.get().status()))
                .containsExactlyInAnyOrder(RunStatus.DELIVERED, RunStatus.SKIPPED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void onceRunsTheDueBriefAndASecondOnceSendsNothing() throws Exception {
        Settings settings = project("0 * * * * ?");
        service.close();
        service = null;
        Path cfg = settings.configDir();
        Cli.Result first = Cli.raw("schedule", "--once", "--config", cfg.toString());
        assertThat(first.code()).as(first.out() + first.err()).isZero();
        // From cron or a timer: a line a brief, the log in its file (cron mailed some 30 lines a call).
        assertThat(first.out().strip()).matches("ai-hegemony \\d{4}-\\d{2}: 발송 완료");
        assertThat(settings.resolve(settings.app().state()).resolve("logs/briefpipe.log"))
                .content()
                .contains("INFO", "delivered (sent 3");
        Cli.Result second = Cli.raw("schedule", "--once", "--config", cfg.toString());
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains(": 건너뜀 — 이 기간은 이미 보냈습니다.");
        // -q: nothing to say while all is well.
        Cli.Result quiet = Cli.raw("schedule", "--once", "-q", "--config", cfg.toString());
        assertThat(quiet.code()).isZero();
        assertThat(quiet.out() + quiet.err()).isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void onceCalledAgainTriesAPeriodWhoseRunFellShort() throws Exception {
        // From a timer, the call after a run stopped at bad data said "this fire has run already" and
        // exited 0: the workbook mended since was never sent, and nothing said so.
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 0 1 1 ?"); // yearly: one fire
        p.editConfig("  deadlineDays: 5 ", "  deadlineDays: 400 "); // this year's fire is not past it
        p.setCell("특허_발명자국가", "D3", "모름");
        String cfg = p.config().toString();
        Cli.Result first = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        p.setCell("특허_발명자국가", "D3", 6276);
        // A build by hand in between sends nothing, so it leaves the period to the next call.
        String period = first.out().replaceAll("(?s).*ai-hegemony (\\d{4}-\\d{2}).*", "$1");
        assertThat(Cli.raw("build", "--period", period, "--config", cfg).code()).isZero();
        Cli.Result second = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("ai-hegemony ", ": 발송 완료");
        Cli.Result third = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(third.code()).isZero();
        assertThat(third.out()).contains(": 건너뜀 — 이 기간은 이미 보냈습니다.");
        for (String reader : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, reader)).as(reader).hasSize(1);
        }
    }

    @Test
    void onceCalledAgainLeavesAReaderWhoseDeliveryIsUnknownToTheOperator() throws Exception {
        // The daemon does not mail a reader again whose letter's fate is unknown, and so does not try the
        // period again; --once from a timer rebuilt it at each call and told the owners again each time.
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 0 1 1 ?"); // yearly: one fire
        p.editConfig("  deadlineDays: 5 ", "  deadlineDays: 400 ");
        String cfg = p.config().toString();
        Settings settings = new ConfigLoader().load(p.config());
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Period period = brief.periodAt(BriefJob.lastFire("0 0 0 1 1 ?", ZoneId.of("Asia/Seoul"), Instant.now())
                .orElseThrow());
        // A send to TO that died after the server may have taken the message: claimed, never settled.
        service = BriefService.open(settings, ProgressListener.NONE);
        service.ledger().claim("ai-hegemony", period, "brief", ScheduledProject.TO, "x", "<x@y>", false);
        service.close();
        service = null;
        Cli.Result first = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
        Cli.Result second = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains(": 건너뜀 — ", "send --resend --unknown", "deliveries --mark-delivered");
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
        // The operator finds it in the server's log and says so: the next call completes the period.
        Cli.Result mark = Cli.raw(
                "deliveries", "--period", period.toString(), "--mark-delivered", ScheduledProject.TO, "--config", cfg);
        assertThat(mark.code()).as(mark.err()).isZero();
        Cli.Result third = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(third.code()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains("ai-hegemony " + period + ": 발송 완료");
        assertThat(Inboxes.of(mail, ScheduledProject.TO)).isEmpty();
        for (String reader : List.of(ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, reader)).as(reader).hasSize(1);
        }
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
    }

    @Test
    void onceCalledAfterAMailOutageAtTheDeadlineTellsTheOwnersOfTheMissedPeriodOnce() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 0 1 1 ?"); // yearly: one fire
        int port = mail.getSmtp().getPort();
        noWaitForTheMailServer(p);
        p.editConfig("  deadlineDays: 5 ", "  deadlineDays: 400 ");
        p.setCell("특허_발명자국가", "D3", "모름");
        String cfg = p.config().toString();
        assertThat(Cli.raw("schedule", "--once", "--config", cfg).code()).isEqualTo(3);
        // The deadline comes while the mail server is down: the owners' letter cannot go.
        mail.stop();
        p.editConfig("  deadlineDays: 400 ", "  deadlineDays: 0 ");
        Cli.Result missed = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(missed.code()).as(missed.out() + missed.err()).isEqualTo(3);
        assertThat(missed.out()).contains(": 기한 넘김 — 마감인 ");
        // The server is back: the next call tells them (it was told to nobody), and the one after does not.
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        for (int call = 0; call < 2; call++) {
            Cli.Result later = Cli.raw("schedule", "--once", "--config", cfg);
            assertThat(later.code()).as(later.out() + later.err()).isZero();
            assertThat(later.out()).contains(": 건너뜀 — 이 기간은 마감이 지나 놓친 것으로 기록되었습니다.");
        }
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.OWNER).get(0)).text())
                .contains("마감인 ", "워크북 데이터가 유효하지 않아");
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aFirstOnceCallAfterTheDeadlineAsksNoApproverAndRecordsThePeriodMissed() throws Exception {
        // Called first days after the fire (a timer set up later, a server down over the deadline): the
        // approvers were asked to approve "by" a deadline already gone, and the next call recorded the
        // period missed: the owners, who decide on a late send, heard of it only then.
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 0 1 1 ?"); // yearly: one fire
        p.editConfig("  # approval: required ", "  approval: required ");
        String cfg = p.config().toString();
        Cli.Result first = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        assertThat(first.out()).contains(": 기한 넘김 — 마감인 ", "아무도 이번 기간의 PDF를 승인하지 않아");
        assertThat(Inboxes.of(mail, ScheduledProject.APPROVER)).isEmpty();
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.OWNER).get(0)).text())
                .contains("승인하지 않아 브리프를 보내지 못했습니다");
        Cli.Result second = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(second.out()).contains(": 건너뜀 — 이 기간은 마감이 지나 놓친 것으로 기록되었습니다.");
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void onceCalledPastTheDeadlineMarksThePeriodMissedOnceAndTellsTheOwners() throws Exception {
        // --once kept no deadline: a period whose data was never mended was tried at each call until the
        // next fire, and then dropped without a word to the owners.
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 0 1 1 ?"); // yearly: one fire
        p.editConfig("  deadlineDays: 5 ", "  deadlineDays: 400 ");
        p.setCell("특허_발명자국가", "D3", "모름");
        String cfg = p.config().toString();
        Cli.Result first = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(first.code()).as(first.out() + first.err()).isEqualTo(3);
        assertThat(Inboxes.of(mail, ScheduledProject.ANALYST)).hasSize(1);
        // The deadline comes (the brief's wait shortened, for the test) with the workbook still wrong.
        p.editConfig("  deadlineDays: 400 ", "  deadlineDays: 0 ");
        Cli.Result second = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(second.code()).as(second.out() + second.err()).isEqualTo(3);
        assertThat(second.out()).contains(": 기한 넘김 — 마감인 ", "워크북 데이터가 유효하지 않아");
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
        // Mended after the deadline: the next call does not send it late; it says how to.
        p.setCell("특허_발명자국가", "D3", 6276);
        Cli.Result third = Cli.raw("schedule", "--once", "--config", cfg);
        assertThat(third.code()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains(": 건너뜀 — 이 기간은 마감이 지나 놓친 것으로 기록되었습니다.", "send");
        // Said in the operator's language, whatever the brief's.
        Cli.Result english = Cli.raw("schedule", "--once", "--config", cfg, "--lang", "en");
        assertThat(english.out()).contains(": skipped — This period passed its deadline and is recorded missed.");
        assertThat(Cli.raw("runs", "--config", cfg, "--lang", "en").out())
                .contains("missed", "still not valid at the deadline", "Asia/Seoul")
                .doesNotContain("마감인", "데이터");
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(Inboxes.of(mail, ScheduledProject.TO)).isEmpty();
    }

    @Test
    void aFireOnTheWorkbookLastPeriodWasBuiltFromWaitsForThisPeriodsDataAndSendsNothing() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        Settings settings = opened(p);
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Period april = Period.parse("2025-04");
        RunOutcome march = service.runScheduled(
                brief, Period.parse("2025-03"), RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(march.status()).as(march.detail().toString()).isEqualTo(RunStatus.DELIVERED);
        assertThat(mail.getReceivedMessages()).hasSize(3);

        // April's fire finds March's workbook as it was: its readers would get March's brief again.
        Instant fire = Instant.parse("2025-04-01T00:00:00Z");
        RunOutcome stale = service.runScheduled(brief, april, RunTrigger.CRON, fire);
        assertThat(stale.status()).as(stale.detail().toString()).isEqualTo(RunStatus.INVALID_DATA);
        assertThat(stale.triedAgain()).isTrue();
        // The history says why, not only that the data had an error.
        assertThat(service.runs().list("ai-hegemony", 1).get(0).error())
                .contains("2025-03 브리프를 만든 것과 똑같아 아무것도 게시하지 않았습니다");
        assertThat(settings.outputDir().resolve("ai-hegemony").resolve("2025-04"))
                .doesNotExist();
        assertThat(mail.getReceivedMessages()).hasSize(4);
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.ANALYST).get(0))
                        .text())
                .contains("이 워크북의 자료는 2025-03 브리프를 만든 워크북의 자료와 똑같습니다", "2025-04 브리프는 2025-03의 것을 되풀이합니다");
        // validate, the console and a build by hand tell the analysts as a warning.
        var told = service.check(brief, p.workbook(), brief.periodAt(java.time.Instant.now()))
                .report();
        assertThat(told.valid()).isTrue();
        assertThat(told.findings())
                .filteredOn(f -> f.code() == FindingCode.WORKBOOK_UNCHANGED)
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .satisfies(f -> assertThat(f.args()).startsWith("2025-03"));

        // With April's data the retry sends April's brief.
        p.setCell("특허_발명자국가", "D3", 6300);
        RunOutcome retried = service.runScheduled(brief, april, RunTrigger.RETRY, fire.plus(Duration.ofHours(1)));
        assertThat(retried.status()).as(retried.detail().toString()).isEqualTo(RunStatus.DELIVERED);
        // to, cc and bcc once each; and the analysts, sent the report, hear that the workbook went through.
        assertThat(mail.getReceivedMessages()).hasSize(4 + 3 + 1);
        jakarta.mail.internet.MimeMessage mended =
                Inboxes.of(mail, ScheduledProject.ANALYST).get(1);
        assertThat(subject(mended)).isEqualTo("[데이터 확인 완료] 글로벌 AI 패권 경쟁 : 중국 동향과 시사점 (2025년 4월)");
        assertThat(MailParts.of(mended).text()).contains("워크북이 이제 유효해, 이번 기간의 브리프를 만들어 수신자 3명에게 보냈습니다.");
        // Checked now, the workbook is April's: it is compared with the last period published.
        assertThat(service.check(brief, p.workbook(), brief.periodAt(java.time.Instant.now()))
                        .report()
                        .findings())
                .filteredOn(f -> f.code() == FindingCode.WORKBOOK_UNCHANGED)
                .singleElement()
                .satisfies(f -> assertThat(f.args()).startsWith("2025-04"));

        // May's fire on April's workbook: near its deadline and past it, the analysts and the owners are
        // told that the month's data never came, not that the workbook has errors.
        Period may = Period.parse("2025-05");
        Instant mayFire = Instant.parse("2025-05-01T00:00:00Z");
        assertThat(service.runScheduled(brief, may, RunTrigger.CRON, mayFire).status())
                .isEqualTo(RunStatus.INVALID_DATA);
        Instant deadline = mayFire.plus(Duration.ofDays(5));
        service.remindAnalysts(brief, may, "notice.overdue", deadline);
        service.markMissed(brief, may, deadline, RunStatus.INVALID_DATA);
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.ANALYST).get(3))
                        .text())
                .contains("워크북이 아직 2025-04 브리프를 만든 것 그대로여서", "마감은 2025년 5월 6일")
                .doesNotContain("오류가 있어");
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.OWNER).get(0)).text())
                .contains("워크북이 2025-04 브리프를 만든 것 그대로여서")
                .doesNotContain("유효하지 않아");
        assertThat(service.runs().list("ai-hegemony", 1).get(0).error(Messages.of(Messages.Lang.EN)))
                .contains("still the one the 2025-04 brief was built from at the deadline");
    }

    @Test
    void analystsWhoseMendedWorkbookWaitsForAnApproverAreToldSoOnce() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        p.editConfig("  # approval: required ", "  approval: required ");
        p.setCell("특허_발명자국가", "D3", "모름");
        Settings settings = opened(p);
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Period march = Period.parse("2025-03");
        Instant fire = Instant.parse("2025-03-03T00:00:00Z");
        assertThat(service.runScheduled(brief, march, RunTrigger.CRON, fire).status())
                .isEqualTo(RunStatus.INVALID_DATA);
        p.setCell("특허_발명자국가", "D3", 6276);
        for (int hour = 1; hour <= 2; hour++) { // the retry, and one more that builds the same bytes
            assertThat(service.runScheduled(brief, march, RunTrigger.RETRY, fire.plus(Duration.ofHours(hour)))
                            .status())
                    .isEqualTo(RunStatus.AWAITING_APPROVAL);
        }
        var analysts = Inboxes.of(mail, ScheduledProject.ANALYST);
        assertThat(analysts).hasSize(2); // the report, then this
        assertThat(subject(analysts.get(1))).startsWith("[데이터 확인 완료]");
        assertThat(MailParts.of(analysts.get(1)).text())
                .contains("워크북이 이제 유효해 이번 기간의 브리프를 만들었습니다. 승인 담당이 콘솔에서 승인하면 수신자에게 발송됩니다.");
        assertThat(mail.getReceivedMessagesForDomain("to.test")).isEmpty();
    }

    @Test
    void dataStillInvalidAtTheDeadlineMarksThePeriodMissedAndTellsTheAnalystsAndTheOwnersOnly() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "*/3 * * * * ?");
        p.editConfig("  deadlineDays: 5 ", "  deadlineDays: 0 ");
        p.setCell("특허_발명자국가", "D3", "모름");
        Settings settings = opened(p);
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        scheduler.start();
        Poll.until(
                Duration.ofSeconds(90),
                () -> service.runs().list("ai-hegemony", 50).stream().anyMatch(r -> r.status() == RunStatus.MISSED)
                        && mail.getReceivedMessages().length >= 2);
        scheduler.shutdown(true);
        scheduler = null;
        // The analysts get the validation report once, the owners the missed deadline once; no reader.
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(Inboxes.of(mail, ScheduledProject.ANALYST)).hasSize(1);
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER).get(0).getSubject()).contains("브리프 실패");
        assertThat(service.runs().list("ai-hegemony", 50))
                .extracting(RunHistory.Run::status)
                .contains(RunStatus.INVALID_DATA, RunStatus.MISSED)
                .doesNotContain(RunStatus.DELIVERED);
        // The history says why in the brief's language, as the owners' letter does.
        assertThat(service.runs().list("ai-hegemony", 50))
                .filteredOn(r -> r.status() == RunStatus.INVALID_DATA || r.status() == RunStatus.MISSED)
                .extracting(RunHistory.Run::error)
                .anySatisfy(e -> assertThat(e).contains("데이터 오류가", "건 있어 아무것도 게시하지 않았습니다"))
                .anySatisfy(e -> assertThat(e).startsWith("마감인 ").contains("워크북 데이터가 유효하지 않아"))
                .noneMatch(e -> e.contains("data error") || e.contains("deadline"));
    }

    @Test
    void aSendThatFailedWhileTheMailServerWasDownIsTriedAgainAndReachesEachReaderOnce() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        int port = mail.getSmtp().getPort();
        noWaitForTheMailServer(p);
        mail.stop(); // the mail server is down when the month's fire comes
        Instant origin = startedWith(p, "fire", Duration.ofHours(1));
        // The run fails, and the job leaves a retry of the period before its deadline.
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.FAILED) == 1 && exists("retry-2025-03"));
        Trigger retry = scheduler.quartz().getTrigger(TriggerKey.triggerKey("retry-2025-03", "ai-hegemony"));
        assertThat(retry.getStartTime().toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        // The server is back; the retry comes (now, for the test) and each reader gets the brief once.
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        scheduler.quartz().unscheduleJob(retry.getKey());
        retryNow("retry-2025-03", origin);
        // Delivered, and no retry left: Quartz removes the fired one just after the job returns.
        Poll.until(
                Duration.ofSeconds(90),
                () -> runs(RunStatus.DELIVERED) == 1 && quartzQuiet() && !exists("retry-2025-03"));
        for (String reader : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, reader)).as(reader).hasSize(1);
        }
    }

    @Test
    void aBuildThatFailedIsTriedAgainAndTheOwnersAreToldUntilWhen() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        Path output = new ConfigLoader().load(p.config()).outputDir();
        Files.writeString(output, "a file where the output folder belongs"); // the build cannot publish
        Instant origin = startedWith(p, "fire", Duration.ofHours(1));
        Poll.until(
                Duration.ofSeconds(90),
                () -> runs(RunStatus.FAILED) == 1
                        && exists("retry-2025-03")
                        && mail.getReceivedMessagesForDomain("owners.test").length == 1);
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.OWNER).get(0)).text())
                .contains("마감인 " + deadlineInSeoul(origin) + "(Asia/Seoul)까지 받지 못한 수신자에게 다시 시도합니다.");
        // Mended; the retry builds and sends the brief.
        Files.delete(output);
        scheduler.quartz().unscheduleJob(TriggerKey.triggerKey("retry-2025-03", "ai-hegemony"));
        retryNow("retry-2025-03", origin);
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.DELIVERED) == 1 && quartzQuiet());
        for (String reader : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, reader)).as(reader).hasSize(1);
        }
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
    }

    @Test
    void aSendStillFailingAtTheDeadlineMarksThePeriodMissedSayingWhyAndTellsTheOwnersOnceTheServerIsBack()
            throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        int port = mail.getSmtp().getPort();
        p.editConfig("  deadlineDays: 5 ", "  deadlineDays: 0 ");
        noWaitForTheMailServer(p);
        mail.stop();
        Instant origin = startedWith(p, "fire", Duration.ZERO);
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.MISSED) == 1 && quartzQuiet());
        assertThat(runs(RunStatus.FAILED)).isEqualTo(1);
        assertThat(exists("retry-2025-03")).isFalse();
        assertThat(service.runs().list("ai-hegemony", 50))
                .filteredOn(r -> r.status() == RunStatus.MISSED)
                .singleElement()
                .extracting(RunHistory.Run::error)
                .asString()
                .startsWith("마감인 ")
                .contains("모든 수신자에게 보내지 못해", "deliveries");
        // Their letter could not go either: it is tried again later, not forgotten.
        assertThat(exists("missed-2025-03")).isTrue();
        // The server is back; the letter's fire comes (now, for the test) and each owner gets it once.
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Trigger again = scheduler.quartz().getTrigger(TriggerKey.triggerKey("missed-2025-03", "ai-hegemony"));
        scheduler.quartz().unscheduleJob(again.getKey());
        fireAt("missed-2025-03", RunTrigger.DEADLINE, origin, Instant.now());
        Poll.until(
                Duration.ofSeconds(90),
                () -> mail.getReceivedMessagesForDomain("owners.test").length == 1
                        && quartzQuiet()
                        && !exists("missed-2025-03"));
        assertThat(MailParts.of(Inboxes.of(mail, ScheduledProject.OWNER).get(0)).text())
                .contains("마감인 ", "모든 수신자에게 보내지 못해");
        // Told once: a later call mails nobody again, and no reader got the brief late.
        assertThat(service.toldMissed(
                        new ConfigLoader()
                                .load(p.config())
                                .findBrief("ai-hegemony")
                                .orElseThrow(),
                        Period.parse("2025-03")))
                .isTrue();
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aPdfStillWaitingInTheLastDayBeforeItsDeadlineRemindsTheApproversOnce() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        p.editConfig("  # approval: required ", "  approval: required ");
        // A fire four and a half days ago whose PDF nobody has approved.
        Instant origin = retriedNearItsDeadline(p);
        Poll.until(Duration.ofSeconds(90), () -> mail.getReceivedMessagesForDomain("approvers.test").length >= 2);
        var asked = Inboxes.of(mail, ScheduledProject.APPROVER);
        assertThat(asked.get(0).getSubject()).contains("[브리프 승인 요청]", "(2025년 3월)");
        assertThat(asked.get(1).getSubject()).contains("[브리프 승인 마감 임박]", "(2025년 3월)");
        String deadline = deadlineInSeoul(origin);
        // The request says by when; the reminder says it again, under a sentence of its own.
        assertThat(MailParts.of(asked.get(0)).text())
                .contains("승인 마감은 " + deadline + "(Asia/Seoul)입니다", "승인하거나 반려")
                .doesNotContain("아직 승인을 기다리고");
        assertThat(MailParts.of(asked.get(1)).text())
                .contains("이 PDF는 아직 승인을 기다리고 있습니다.")
                .contains("승인 마감은 " + deadline + "(Asia/Seoul)입니다", "승인하거나 반려");
        assertThat(MailParts.of(asked.get(1)).attachment(0))
                .isEqualTo(MailParts.of(asked.get(0)).attachment(0));
        // Another retry in the last day builds the same PDF: nobody is asked or reminded again.
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.AWAITING_APPROVAL) == 1 && quartzQuiet());
        retryNow("again", origin);
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.AWAITING_APPROVAL) == 2 && quartzQuiet());
        assertThat(Inboxes.of(mail, ScheduledProject.APPROVER)).hasSize(2);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        // The deliveries of the period name both letters in the brief's words.
        assertThat(service.ledger().list("ai-hegemony", Period.parse("2025-03")))
                .extracting(e -> e.kindIn(Messages.of(Messages.Lang.KO)))
                .containsExactlyInAnyOrder("승인 요청", "승인 마감 알림");
    }

    @Test
    void dataStillInvalidInTheLastDayBeforeTheDeadlineRemindsTheAnalystsOnce() throws Exception {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        p.setCell("특허_발명자국가", "D3", "모름");
        // A fire four and a half days ago whose workbook still has errors.
        Instant origin = retriedNearItsDeadline(p);
        Poll.until(Duration.ofSeconds(90), () -> mail.getReceivedMessagesForDomain("analysts.test").length >= 2);
        String deadline = deadlineInSeoul(origin);
        var reminder = Inboxes.of(mail, ScheduledProject.ANALYST).stream()
                .filter(m -> subject(m).contains("[브리프 마감 임박]"))
                .toList();
        assertThat(reminder).hasSize(1);
        assertThat(MailParts.of(reminder.get(0)).text())
                .contains("워크북에 아직 오류가 있어", "마감은 " + deadline + "(Asia/Seoul)입니다");
        // Another retry in the last day, the workbook as it was: nobody is told again.
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.INVALID_DATA) == 1 && quartzQuiet());
        retryNow("again", origin);
        Poll.until(Duration.ofSeconds(90), () -> runs(RunStatus.INVALID_DATA) == 2 && quartzQuiet());
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(service.ledger().list("ai-hegemony", Period.parse("2025-03")))
                .extracting(e -> e.kindIn(Messages.of(Messages.Lang.KO)))
                .containsExactlyInAnyOrder("검증 보고서", "마감 알림");
        // The history shows the two retries that ended alike as one row, with when the first started.
        scheduler.shutdown(true);
        scheduler = null;
        service.close();
        service = null;
        Cli.Result history = Cli.raw("runs", "--config", p.config().toString());
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out().lines().filter(l -> l.contains("재시도")))
                .singleElement()
                .asString()
                .contains("재시도 2회", "데이터 오류");
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the scheduler on the project with the retry of a fire four and a half days ago pending, as
     * the job leaves one while a period waits: the deadline, five days after the fire, is twelve hours off.
     *
     * @return the fire
     */
    private Instant retriedNearItsDeadline(SampleProject p) throws Exception {
        return startedWith(p, "retry-2025-03", Duration.ofHours(108));
    }

    /** A send to a mail server that is down fails at once (the scheduler's retry is what is tested). */
    private static void noWaitForTheMailServer(SampleProject p) throws IOException {
        Path app = p.config().resolve("briefpipe.yaml");
        Files.writeString(app, Files.readString(app).replace("  retries: 4", "  retries: 0"));
    }

    /**
     * Starts the scheduler on the project with a one-off fire for March 2025 due now (named {@code
     * trigger}), standing for the brief's fire {@code ago}.
     *
     * @return the fire it stands for
     */
    private Instant startedWith(SampleProject p, String trigger, Duration ago) throws Exception {
        Settings settings = opened(p);
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        Instant origin = Instant.now().minus(ago);
        retryNow(trigger, origin);
        scheduler.start();
        return origin;
    }

    /** The project's settings, with the service opened on them. */
    private Settings opened(SampleProject p) throws IOException {
        Settings settings = new ConfigLoader().load(p.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        return settings;
    }

    /** The deadline of a fire, as the sample brief's letters write it. */
    private static String deadlineInSeoul(Instant origin) {
        return DateTimeFormatter.ofPattern("yyyy년 M월 d일 (E) HH:mm", Locale.KOREAN)
                .format(origin.plus(Duration.ofDays(5)).atZone(ZoneId.of("Asia/Seoul")));
    }

    /** A retry of the brief's March 2025 fire, now, as one the job leaves while a period waits. */
    private void retryNow(String name, Instant origin) throws Exception {
        retryAt(name, origin, Instant.now());
    }

    private void retryAt(String name, Instant origin, Instant at) throws Exception {
        fireAt(name, RunTrigger.RETRY, origin, at);
    }

    private void fireAt(String name, RunTrigger kind, Instant origin, Instant at) throws Exception {
        Trigger cron = scheduler.quartz().getTrigger(TriggerKey.triggerKey("cron", "ai-hegemony"));
        scheduler
                .quartz()
                .scheduleJob(TriggerBuilder.newTrigger()
                        .withIdentity(name, "ai-hegemony")
                        .forJob(cron.getJobKey())
                        .startAt(Date.from(at))
                        .usingJobData(BriefJob.PERIOD, "2025-03")
                        .usingJobData(BriefJob.KIND, kind.id())
                        .usingJobData(BriefJob.ORIGIN, origin.toEpochMilli())
                        .build());
    }

    private long runs(RunStatus status) {
        return service.runs().list("ai-hegemony", 50).stream()
                .filter(r -> r.status() == status)
                .count();
    }

    @Test
    void aCronWhoseEveryFireHasGoneBySchedulesNothingAndTheSchedulerStartsAllTheSame() throws Exception {
        // A one-off run written with its year, once it has passed (or a node started after it): Quartz
        // refused the trigger, and schedule and jobs stopped with "an unexpected error".
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 15 3 ? 2025");
        Settings settings = new ConfigLoader().load(p.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        scheduler.start();
        assertThat(scheduler.jobs())
                .singleElement()
                .satisfies(j -> assertThat(j.triggers()).isEmpty());
        scheduler.shutdown(false);
        scheduler = null;
        service.close();
        service = null;
        Cli.Result jobs = Cli.raw("jobs", "--config", settings.configDir().toString());
        assertThat(jobs.code()).as(jobs.err()).isZero();
        assertThat(jobs.out()).contains("ai-hegemony", "0 0 9 15 3 ? 2025 Asia/Seoul", "끝남");
    }

    @Test
    void jobsAndRunsShowTheScheduleAndTheHistory() throws Exception {
        SampleProject onWorkingDays = create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
        onWorkingDays.editConfig("workingDaysOnly: false", "workingDaysOnly: true");
        Settings settings = new ConfigLoader().load(onWorkingDays.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        SampleProject p = SampleProject.copyInto(dir.resolve("unused"));
        // A period that waits, its next retry on a Saturday: a retry runs when it is due, weekend or not.
        scheduler = new BriefScheduler(settings, service);
        scheduler.sync();
        java.time.ZonedDateTime saturday = java.time.LocalDate.now(ZoneId.of("Asia/Seoul"))
                .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY))
                .atTime(10, 0)
                .atZone(ZoneId.of("Asia/Seoul"));
        retryAt("retry-2025-03", Instant.parse("2025-03-03T00:00:00Z"), saturday.toInstant());
        scheduler.shutdown(false);
        scheduler = null;
        service.close();
        service = null;
        Path cfg = settings.configDir();
        Cli.Result jobs = Cli.raw("jobs", "--config", cfg.toString());
        assertThat(jobs.code()).as(jobs.err()).isZero();
        // Quartz's triggers and states in the reader's words: the schedule, waiting for its next fire, and
        // the retry, with the period it retries and when that period is missed.
        assertThat(jobs.out()).contains("ai-hegemony", "예약", "0 0 9 1W * ? Asia/Seoul", "대기");
        assertThat(jobs.out()).contains("재시도 2025-03", "한 번 (마감 2025-03-08 09:00 KST)");
        assertThat(jobs.out())
                .contains(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                        .format(saturday));
        assertThat(jobs.out()).doesNotContain("NORMAL", "once", "retry");
        Cli.Result build = Cli.raw("build", "--config", cfg.toString(), "--period", "2025-03", "-q");
        assertThat(build.code()).as(build.err()).isZero();
        Cli.Result runs = Cli.raw("runs", "--config", cfg.toString(), "--lang", "en");
        assertThat(runs.code()).isZero();
        assertThat(runs.out()).contains("ai-hegemony", "2025-03", "build by hand", "done");
        assertThat(p.root()).exists();
    }

    /**
     * Waits until the trigger has fired twice more after the brief was delivered and no job is running:
     * the fires after a delivery have been seen to send nothing.
     */
    private void awaitLaterFires(String trigger) throws Exception {
        // The messages are out before the run records its end: wait for the record first.
        Poll.until(
                Duration.ofSeconds(90),
                () -> service.runs().list("ai-hegemony", 50).stream().anyMatch(r -> r.status() == RunStatus.DELIVERED));
        Instant delivered = service.runs().list("ai-hegemony", 50).stream()
                .filter(r -> r.status() == RunStatus.DELIVERED)
                .map(RunHistory.Run::finished)
                .findFirst()
                .orElseThrow();
        Poll.until(Duration.ofSeconds(90), () -> {
            try {
                Date previous = scheduler
                        .quartz()
                        .getTrigger(TriggerKey.triggerKey(trigger, "ai-hegemony"))
                        .getPreviousFireTime();
                return previous != null && previous.toInstant().isAfter(delivered.plusSeconds(4)) && quartzQuiet();
            } catch (org.quartz.SchedulerException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private boolean quartzQuiet() {
        try {
            return scheduler.quartz().getCurrentlyExecutingJobs().isEmpty();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean exists(String trigger) {
        try {
            return scheduler.quartz().checkExists(TriggerKey.triggerKey(trigger, "ai-hegemony"));
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private Settings project(String cron) throws IOException {
        SampleProject p = create(dir.resolve("p"), mail.getSmtp().getPort(), cron);
        Settings settings = opened(p);
        return settings;
    }
}
