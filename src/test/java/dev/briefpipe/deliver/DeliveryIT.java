package dev.briefpipe.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.run.RunOutcome;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.Inboxes;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import dev.briefpipe.testing.SmtpStub;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery to a real SMTP server (GreenMail) and to a scripted one: each recipient served exactly once. */
class DeliveryIT {
    private static final Period PERIOD = Period.parse("2025-03");

    @TempDir
    Path dir;

    private GreenMail mail;
    private BriefService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void eachRecipientGetsTheBriefOnceWithItsPdf() throws Exception {
        int port = freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        BriefConfig brief = open(port);
        RunOutcome first = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(first.status()).isEqualTo(RunStatus.DELIVERED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        for (String r : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, r)).as(r).hasSize(1);
        }
        MimeMessage m = Inboxes.of(mail, ScheduledProject.BCC).get(0);
        assertThat(m.getSubject()).isEqualTo("[KISTEP 브리프] 글로벌 AI 패권 경쟁 : 중국 동향과 시사점 (2025년 3월)");
        assertThat(m.getHeader("Bcc")).isNull();
        assertThat(m.getHeader("Cc")[0]).contains(ScheduledProject.CC);
        assertThat(m.getMessageID()).startsWith("<briefpipe.ai-hegemony.2025-03.");
        Part pdf = attachment(m);
        assertThat(MimeUtility.decodeText(pdf.getFileName())).isEqualTo("KISTEP 브리프 175 글로벌 AI 패권 경쟁 - 중국 동향과 시사점.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(5);
        }
        assertThat(text(m)).contains("중국 생성형 AI 특허군 수", "38,210");

        RunOutcome second = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        RunOutcome third = service.runScheduled(brief, PERIOD, RunTrigger.RETRY, Instant.parse("2025-03-03T01:00:00Z"));
        assertThat(second.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(third.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(service.ledger().list("ai-hegemony", PERIOD))
                .extracting(DeliveryLedger.Entry::state)
                .containsOnly(DeliveryState.SENT)
                .hasSize(3);
    }

    @Test
    void smtpDownThenUpIsRetriedAndDeliveredOnce() throws Exception {
        int port = freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        BriefConfig brief = open(port);
        // The server comes up once the first attempt to the first recipient has been recorded as failed.
        Thread later = new Thread(() -> {
            awaitFirstFailedAttempt();
            mail.start();
        });
        later.start();
        RunOutcome o = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        later.join();
        assertThat(o.status()).isEqualTo(RunStatus.DELIVERED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(service.ledger()
                        .find("ai-hegemony", PERIOD, "brief", ScheduledProject.TO)
                        .orElseThrow()
                        .attempts())
                .isGreaterThan(1);
    }

    @Test
    void aPermanentRefusalForOneRecipientLeavesTheOthersDelivered() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> r.equals(ScheduledProject.CC) ? "550 5.1.1 no such user" : null)) {
            BriefConfig brief = open(stub.port());
            RunOutcome o = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
            assertThat(o.status()).isEqualTo(RunStatus.FAILED);
            // The owners hear of it; the readers get the brief.
            assertThat(stub.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.BCC, ScheduledProject.OWNER);
            DeliveryLedger.Entry cc = service.ledger()
                    .find("ai-hegemony", PERIOD, "brief", ScheduledProject.CC)
                    .orElseThrow();
            assertThat(cc.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(cc.attempts()).isEqualTo(1);
            assertThat(cc.lastError()).contains("550");
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedAndDeliveredOnce() throws Exception {
        try (SmtpStub stub =
                new SmtpStub((r, n) -> r.equals(ScheduledProject.TO) && n <= 2 ? "451 4.3.0 try later" : null)) {
            BriefConfig brief = open(stub.port());
            RunOutcome o = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
            assertThat(o.status()).isEqualTo(RunStatus.DELIVERED);
            assertThat(stub.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
            assertThat(service.ledger()
                            .find("ai-hegemony", PERIOD, "brief", ScheduledProject.TO)
                            .orElseThrow()
                            .attempts())
                    .isEqualTo(3);
        }
    }

    @Test
    void aSendStoppedWhileWaitingToRetryLeavesTheRefusedRecipientFailedForTheNextSend() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (SmtpStub stub =
                new SmtpStub((r, n) -> refuse.get() && r.equals(ScheduledProject.TO) ? "451 4.3.0 try later" : null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Settings settings = new ConfigLoader().load(p.config());
            service = BriefService.open(settings, ProgressListener.NONE);
            BriefConfig brief = settings.findBrief("ai-hegemony").orElseThrow();
            Path out = settings.outputDir();
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread send = new Thread(() -> {
                try {
                    service.send(brief, PERIOD, out, Resend.NONE);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            send.start();
            awaitFirstFailedAttempt();
            send.interrupt();
            send.join(60_000);
            assertThat(thrown.get())
                    .isInstanceOfSatisfying(
                            DeliveryException.class,
                            e -> assertThat(e.phrase().key()).isEqualTo("send.retry-interrupted"));
            assertThat(service.ledger()
                            .find("ai-hegemony", PERIOD, "brief", ScheduledProject.TO)
                            .orElseThrow()
                            .state())
                    .isEqualTo(DeliveryState.FAILED);
            refuse.set(false);
            Deliverer.Outcome again = service.send(brief, PERIOD, out, Resend.NONE);
            assertThat(again.unknown()).isEmpty();
            assertThat(stub.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
        }
    }

    @Test
    void aRecipientAnotherSendTookWhileThisOneWaitedToRetryIsNotMailedByThisOne() throws Exception {
        try (SmtpStub stub =
                new SmtpStub((r, n) -> r.equals(ScheduledProject.TO) && n == 1 ? "451 4.3.0 try later" : null)) {
            open(stub.port());
            SmtpTransport smtp = new SmtpTransport(
                    new ConfigLoader().load(dir.resolve("p/config")).app().mail());
            DeliveryLedger ledger = service.ledger();
            MimeMessage m = new MimeMessage(smtp.session());
            m.setFrom("briefpipe@test.local");
            m.setSubject("brief");
            m.setText("brief");
            m.saveChanges();
            // While this send waits to retry the refusal, another (a resend from the console, say) claims
            // the recipient: it is that send's to mail now, not this one's.
            List<Boolean> taken = new ArrayList<>();
            Deliverer deliverer = new Deliverer(
                    ledger,
                    smtp,
                    4,
                    50,
                    dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO),
                    waiting -> taken.add(
                            ledger.claim("ai-hegemony", PERIOD, "brief", ScheduledProject.TO, "x", "<x@y>", false)));
            Deliverer.Outcome o = deliverer.deliver(
                    "ai-hegemony", PERIOD, "brief", "x", m, List.of(ScheduledProject.TO), Resend.NONE);
            assertThat(taken).containsExactly(true);
            assertThat(o.skipped()).containsExactly(ScheduledProject.TO);
            assertThat(o.sent()).isEmpty();
            assertThat(stub.delivered()).isEmpty();
            smtp.close();
        }
    }

    @Test
    void aCrashBetweenAcceptanceAndLedgerIsReportedNotResent() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Settings settings = new ConfigLoader().load(p.config());
            service = BriefService.open(settings, ProgressListener.NONE);
            // As if the process died after the server accepted the message for TO but before the ledger said so.
            DeliveryLedger ledger = service.ledger();
            assertThat(ledger.claim("ai-hegemony", PERIOD, "brief", ScheduledProject.TO, "x", "<x@y>", false))
                    .isTrue();
            Deliverer.Outcome o = service.send(
                    settings.findBrief("ai-hegemony").orElseThrow(), PERIOD, settings.outputDir(), Resend.NONE);
            assertThat(o.unknown()).containsExactly(ScheduledProject.TO);
            assertThat(o.sent()).containsExactlyInAnyOrder(ScheduledProject.CC, ScheduledProject.BCC);
            assertThat(stub.delivered()).doesNotContain(ScheduledProject.TO);
            service.close();
            service = null;

            Cli.Result again = Cli.run(p, "send", "--period", "2025-03");
            assertThat(again.code()).isEqualTo(3);
            assertThat(again.err()).contains(ScheduledProject.TO, "--resend --unknown", "--mark-delivered");
            // --resend alone names nobody: refused, nobody mailed.
            Cli.Result everyone = Cli.run(p, "send", "--period", "2025-03", "--resend");
            assertThat(everyone.code()).isEqualTo(2);
            assertThat(stub.delivered()).hasSize(2);
            // The unknown one only: CC and BCC, served, get nothing more.
            Cli.Result resend = Cli.run(p, "send", "--period", "2025-03", "--resend", "--unknown");
            assertThat(resend.code()).as(resend.err()).isZero();
            assertThat(stub.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
            Cli.Result list = Cli.run(p, "deliveries", "--period", "2025-03", "--lang", "en");
            assertThat(list.out()).contains(ScheduledProject.TO, "sent", "250 queued", "<briefpipe.");
            Cli.Result korean = Cli.run(p, "deliveries", "--period", "2025-03");
            assertThat(korean.out()).contains(ScheduledProject.TO, "브리프", "보냄").doesNotContain("sent ");
            // Without a period: the latest one with deliveries, named above its table.
            Cli.Result latest = Cli.run(p, "deliveries");
            assertThat(latest.code()).as(latest.err()).isZero();
            assertThat(latest.out()).startsWith("ai-hegemony 2025-03 (").contains(ScheduledProject.TO, "보냄");
            // Settling a delivery is never left to a default: the period must be named.
            Cli.Result settle = Cli.run(p, "deliveries", "--mark-delivered", ScheduledProject.TO);
            assertThat(settle.code()).isEqualTo(2);
            assertThat(settle.err()).contains("--period");
        }
    }

    @Test
    void aFailedSendSaysWhyInTheReadersWordsNotInTheMailLibrarys() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> r.equals(ScheduledProject.CC) ? "550 5.1.1 no such user" : null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Cli.Result refused = Cli.run(p, "send", "--period", "2025-03");
            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.err())
                    .contains("보내지 못함: " + ScheduledProject.CC, "받지 않았습니다", "550 5.1.1 no such user")
                    .doesNotContain("ERROR", "Deliverer");
        }
        // No server at all: each wait for a retry is told as it begins, then one sentence naming the
        // server and what to check, once the retries are spent.
        SampleProject down = ScheduledProject.create(dir.resolve("q"), freePort(), "0 0 9 1W * ?");
        assertThat(Cli.run(down, "build", "--period", "2025-03").code()).isZero();
        Cli.Result unreachable =
                Cli.raw("send", "--config", down.config().toString(), "--brief", "ai-hegemony", "--period", "2025-03");
        assertThat(unreachable.code()).isEqualTo(3);
        assertThat(unreachable.err())
                .contains("보내지 못함: " + ScheduledProject.TO, "에 연결할 수 없습니다", "mail.host")
                .contains("다시 시도 1/4, 1초 뒤: " + ScheduledProject.TO, "다시 시도 4/4, 3초 뒤: ")
                // The server was out of reach through the first recipient's retries: the others are tried once.
                .doesNotContain("뒤: " + ScheduledProject.CC, "뒤: " + ScheduledProject.BCC)
                .contains("보내지 못함: " + ScheduledProject.CC, "보내지 못함: " + ScheduledProject.BCC)
                .doesNotContain("Couldn't connect", "WARN", "ERROR");
        // The ledger records why in the brief's language, with the mail library's own words after it.
        assertThat(Cli.run(down, "deliveries", "--period", "2025-03").out())
                .contains("에 연결할 수 없습니다", "(Couldn't connect to host")
                .doesNotContain("cannot be reached");
    }

    @Test
    void aTlsSettingThatDoesNotFitTheServerIsNamedAtOnceNotRetriedAsAnOutage() throws Exception {
        try (SmtpStub plain = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), plain.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            // STARTTLS required of a server that offers none (the default setting, a plain relay).
            security(p, "starttls");
            Cli.Result noStarttls = Cli.run(p, "send", "--period", "2025-03");
            assertThat(noStarttls.code()).isEqualTo(3);
            assertThat(noStarttls.err())
                    .contains("보내지 못함: " + ScheduledProject.TO, "STARTTLS를 제공하지 않는데 mail.security가 starttls입니다")
                    .doesNotContain("다시 시도", "연결할 수 없습니다");
            // SMTPS spoken to a plain port.
            security(p, "smtps");
            assertThat(Cli.run(p, "send", "--period", "2025-03").err())
                    .contains("TLS로 답하지 않습니다")
                    .doesNotContain("다시 시도", "연결할 수 없습니다");
            assertThat(plain.delivered()).isEmpty();
        }
        // SMTPS whose certificate no one vouches for (GreenMail's own).
        int port = freePort();
        GreenMail smtps = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        smtps.start();
        try {
            SampleProject p = ScheduledProject.create(dir.resolve("q"), port, "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            security(p, "smtps");
            Cli.Result untrusted = Cli.run(p, "send", "--period", "2025-03");
            assertThat(untrusted.code()).isEqualTo(3);
            assertThat(untrusted.err()).contains("인증서를 믿을 수 없습니다").doesNotContain("다시 시도", "연결할 수 없습니다");
            assertThat(smtps.getReceivedMessages()).isEmpty();
        } finally {
            smtps.stop();
        }
    }

    private static void security(SampleProject p, String security) throws IOException {
        Path app = p.config().resolve("briefpipe.yaml");
        Files.writeString(app, Files.readString(app).replaceAll("security: \\w+", "security: " + security));
    }

    @Test
    void resendToOneAddressMailsThatAddressOnlyAndAStrangerIsRefused() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isZero();
            assertThat(stub.delivered()).hasSize(3);
            Cli.Result stranger = Cli.run(p, "send", "--period", "2025-03", "--resend", "--to", "someone@else.test");
            assertThat(stranger.code()).isEqualTo(2);
            assertThat(stranger.err()).contains("someone@else.test");
            Cli.Result one = Cli.run(p, "send", "--period", "2025-03", "--resend", "--to", ScheduledProject.CC);
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(stub.delivered()).hasSize(4);
            assertThat(stub.delivered()).filteredOn(ScheduledProject.CC::equals).hasSize(2);
        }
    }

    @Test
    void aResendToOneReaderBeforeTheOthersGotItLeavesThePeriodToBeDelivered() throws Exception {
        // It said the others "already served (skipped)" and recorded the period delivered, so its
        // scheduled fire skipped them: they never got the brief.
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Cli.Result one = Cli.run(p, "send", "--period", "2025-03", "--resend", "--to", ScheduledProject.CC);
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(one.out())
                    .contains("아직 받지 않음(고르지 않아 보내지 않음): " + ScheduledProject.TO)
                    .doesNotContain("이미 받음");
            assertThat(stub.delivered()).containsExactly(ScheduledProject.CC);
            Settings settings = new ConfigLoader().load(p.config());
            service = BriefService.open(settings, ProgressListener.NONE);
            assertThat(service.runs().done("ai-hegemony", PERIOD)).isFalse();
            assertThat(service.runs().list("ai-hegemony", 1).get(0).error()).contains(ScheduledProject.TO);
            service.close();
            service = null;
            // The period's send serves the others, and the one who had it is not mailed again.
            Cli.Result rest = Cli.run(p, "send", "--period", "2025-03");
            assertThat(rest.code()).as(rest.err()).isZero();
            assertThat(stub.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.CC, ScheduledProject.TO, ScheduledProject.BCC);
            service = BriefService.open(settings, ProgressListener.NONE);
            assertThat(service.runs().done("ai-hegemony", PERIOD)).isTrue();
        }
    }

    @Test
    void aSendByHandOfABriefThatWantsApprovalMailsOnlyTheApprovedPdf() throws Exception {
        List<String> readers = List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            p.editConfig("  # approval: required ", "  approval: required ");
            // Not built yet: that is what the operator is told, not that nobody approved a PDF there is not.
            Cli.Result early = Cli.run(p, "send", "--period", "2025-03");
            assertThat(early.code()).isEqualTo(3);
            assertThat(early.err()).contains("2025-03의 빌드가", "먼저 build로 만드세요").doesNotContain("승인");
            Cli.Result built = Cli.run(p, "build", "--period", "2025-03");
            assertThat(built.code()).as(built.err()).isZero();
            // Nobody has approved the PDF: an operator's send mails no reader, and says why.
            Cli.Result unapproved = Cli.run(p, "send", "--period", "2025-03");
            assertThat(unapproved.code()).isEqualTo(3);
            assertThat(unapproved.err())
                    .contains("승인을 받아야 보냅니다", "승인한 사람이 아직 없어")
                    .doesNotContain("Exception");
            assertThat(stub.delivered()).doesNotContainAnyElementsOf(readers);
            // Nothing went wrong: the history says the period waits for an approver, not that a run failed
            // (as the send before the build did).
            assertThat(Cli.run(p, "runs").out().lines().filter(l -> l.contains("직접 발송")))
                    .satisfiesExactly(
                            l -> assertThat(l)
                                    .contains("승인 대기", "승인한 사람이 아직 없어")
                                    .doesNotContain("실패"),
                            l -> assertThat(l).contains("실패", "먼저 build로 만드세요"));
            // An approver approves it: the readers get it, and a resend by hand mails those bytes again.
            Settings settings = new ConfigLoader().load(p.config());
            service = BriefService.open(settings, ProgressListener.NONE);
            BriefConfig brief = settings.findBrief("ai-hegemony").orElseThrow();
            String sha = service.approving().publishedPdf(brief, PERIOD).orElseThrow();
            assertThat(service.approving()
                            .approve(brief, PERIOD, sha, "approver")
                            .sent()
                            .allServed())
                    .isTrue();
            // A new workbook withdraws the approval; the bytes the readers got may still go to one again.
            service.approving().withdraw(brief, PERIOD, "analyst");
            service.close();
            service = null;
            Cli.Result resend = Cli.run(p, "send", "--period", "2025-03", "--resend", "--to", ScheduledProject.CC);
            assertThat(resend.code()).as(resend.err()).isZero();
            assertThat(stub.delivered()).filteredOn(readers::contains).hasSize(4);
            // Built again from other figures, the PDF is not the one approved: a resend is refused.
            p.setCell("특허_발명자국가", "D3", 6277);
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Cli.Result changed = Cli.run(p, "send", "--period", "2025-03", "--resend", "--to", ScheduledProject.CC);
            assertThat(changed.code()).isEqualTo(3);
            assertThat(changed.err()).contains("승인된 PDF(sha256 " + sha + ")와 지금 게시된 PDF");
            assertThat(stub.delivered()).filteredOn(readers::contains).hasSize(4);
        }
    }

    @Test
    void aMailboxServedOnceIsNotMailedAgainWhenTheConfigWritesItsAddressInOtherCase() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isZero();
            assertThat(stub.delivered()).hasSize(3);
            p.editConfig("to: [" + ScheduledProject.TO + "]", "to: [Board@To.Test]");
            Cli.Result again = Cli.run(p, "send", "--period", "2025-03");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(stub.delivered()).hasSize(3);
            Cli.Result one = Cli.run(p, "send", "--period", "2025-03", "--resend", "--to", "BOARD@to.test");
            assertThat(one.code()).as(one.err()).isZero();
            assertThat(stub.delivered())
                    .hasSize(4)
                    .filteredOn(ScheduledProject.TO::equals)
                    .hasSize(2);
            Cli.Result ledger = Cli.run(p, "deliveries", "--period", "2025-03");
            assertThat(ledger.out()).containsOnlyOnce(ScheduledProject.TO).doesNotContain("Board@To.Test");
        }
    }

    @Test
    void aReaderWrittenWithANameSeesItInTheHeaderAndIsServedOnceByTheAddress() throws Exception {
        int port = freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
        String named = "\"정책위원회 위원장 <" + ScheduledProject.TO + ">\"";
        p.editConfig("to: [" + ScheduledProject.TO + "]", "to: [" + named + "]");
        assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
        Cli.Result sent = Cli.run(p, "send", "--period", "2025-03");
        assertThat(sent.code()).as(sent.err()).isZero();
        MimeMessage m = Inboxes.of(mail, ScheduledProject.TO).get(0);
        InternetAddress to = (InternetAddress) m.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("정책위원회 위원장");
        assertThat(to.getAddress()).isEqualTo(ScheduledProject.TO);
        assertThat(m.getHeader("To")[0]).startsWith("=?UTF-8?").doesNotContain("정책");
        // The name taken away (or changed) later: the same mailbox, already served.
        p.editConfig("to: [" + named + "]", "to: [" + ScheduledProject.TO + "]");
        Cli.Result again = Cli.run(p, "send", "--period", "2025-03");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(mail.getReceivedMessages()).hasSize(3);
        assertThat(Cli.run(p, "deliveries", "--period", "2025-03").out())
                .containsOnlyOnce(ScheduledProject.TO)
                .doesNotContain("정책위원회");
    }

    @Test
    void aDatabaseWithoutThePeriodsDeliveriesDoesNotMailItsReadersAgain() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isZero();
            assertThat(stub.delivered()).hasSize(3);
            // The period built again, then the project moved on without its database (or got an older one).
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Files.move(p.root().resolve("state"), dir.resolve("state-left-behind"));
            Cli.Result again = Cli.run(p, "send", "--period", "2025-03");
            assertThat(again.code()).isEqualTo(3);
            assertThat(stub.delivered()).hasSize(3);
            assertThat(again.err())
                    .contains(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)
                    .contains("deliveries.tsv", "데이터베이스에는 기록이 없습니다", "send --resend --unknown");
            assertThat(Cli.run(p, "deliveries", "--period", "2025-03").out()).contains("불명");
            // The console shows a delivery's reply: there, the reason.
            service = BriefService.open(new ConfigLoader().load(p.config()), ProgressListener.NONE);
            assertThat(service.ledger()
                            .find("ai-hegemony", PERIOD, "brief", ScheduledProject.TO)
                            .orElseThrow()
                            .reply())
                    .contains("deliveries.tsv");
            service.close();
            service = null;
            // Mailed again only when the operator says so.
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isEqualTo(3);
            assertThat(stub.delivered()).hasSize(3);
            Cli.Result resent = Cli.run(p, "send", "--period", "2025-03", "--resend", "--unknown");
            assertThat(resent.code()).as(resent.err()).isZero();
            assertThat(stub.delivered()).hasSize(6);
        }
    }

    @Test
    void anUnknownDeliveryCheckedByHandIsMarkedDeliveredAndAudited() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), stub.port(), "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Settings settings = new ConfigLoader().load(p.config());
            service = BriefService.open(settings, ProgressListener.NONE);
            service.ledger().claim("ai-hegemony", PERIOD, "brief", ScheduledProject.TO, "x", "<x@y>", false);
            service.close();
            service = null;
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isEqualTo(3);
            Cli.Result mark = Cli.run(p, "deliveries", "--period", "2025-03", "--mark-delivered", ScheduledProject.TO);
            assertThat(mark.code()).as(mark.err()).isZero();
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isZero();
            assertThat(stub.delivered()).doesNotContain(ScheduledProject.TO);
            service = BriefService.open(settings, ProgressListener.NONE);
            assertThat(service.ledger()
                            .find("ai-hegemony", PERIOD, "brief", ScheduledProject.TO)
                            .orElseThrow()
                            .state())
                    .isEqualTo(DeliveryState.SENT);
            assertThat(service.audit().list(10)).singleElement().satisfies(a -> {
                assertThat(a.action()).isEqualTo("mark-delivered");
                assertThat(a.target()).isEqualTo(ScheduledProject.TO);
                assertThat(a.actor()).isEqualTo(System.getProperty("user.name"));
            });
        }
    }

    @Test
    void theOutboxIsADryRunAndAMailServerConfiguredLaterMailsEveryoneOnce() throws Exception {
        try (SmtpStub stub = new SmtpStub((r, n) -> null)) {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), 0, "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Cli.Result outbox = Cli.run(p, "send", "--period", "2025-03");
            assertThat(outbox.code()).as(outbox.err()).isZero();
            assertThat(outbox.out()).contains("outbox에 썼습니다", "발송 아님").doesNotContain("보냄:");
            assertThat(p.root().resolve("output/ai-hegemony/2025-03/outbox")).isDirectoryContaining("glob:**.eml");
            Path yaml = p.config().resolve("briefpipe.yaml");
            Files.writeString(yaml, Files.readString(yaml) + """
                    mail:
                      host: 127.0.0.1
                      port: %d
                      security: none
                      timeoutMillis: 3000
                    """.formatted(stub.port()));
            Cli.Result real = Cli.run(p, "send", "--period", "2025-03");
            assertThat(real.code()).as(real.err()).isZero();
            assertThat(stub.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
            assertThat(Cli.run(p, "send", "--period", "2025-03").code()).isZero();
            assertThat(stub.delivered()).hasSize(3);
        }
    }

    @Test
    void invalidDataReachesTheAnalystsOnly() throws Exception {
        BriefConfig brief = invalidData("ko-KR", null);
        assertThat(mail.getReceivedMessages()).hasSize(1);
        MimeMessage m = mail.getReceivedMessagesForDomain("analysts.test")[0];
        assertThat(m.getSubject()).contains("데이터 확인 필요", "(2025년 3월)");
        assertThat(text(m))
                .contains("특허_발명자국가!D3", "첨부: 검증 보고서(HTML), 오류 셀을 표시한 워크북 사본")
                .doesNotContain("콘솔");
        assertThat(attachmentNames(m)).containsExactly("검증보고서-ai-hegemony-2025-03.html", "ai-hegemony-검증결과.xlsx");
        assertThat(service.runs().list("ai-hegemony", 1).get(0).status()).isEqualTo(RunStatus.INVALID_DATA);
        // The same unchanged workbook does not mail the analysts again.
        service.runScheduled(brief, PERIOD, RunTrigger.RETRY, Instant.parse("2025-03-03T01:00:00Z"));
        assertThat(mail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anEnglishBriefsAnalystsGetTheReportInEnglish() throws Exception {
        invalidData("en-GB", "https://briefs.example.test");
        MimeMessage m = mail.getReceivedMessagesForDomain("analysts.test")[0];
        assertThat(m.getSubject()).startsWith("[Data to check] ").endsWith("(March 2025): 1 error");
        assertThat(text(m))
                .startsWith("The March 2025 brief was not sent: the workbook has errors.")
                .contains("- 특허_발명자국가!D3: ")
                .contains("Upload the fixed workbook in the console: "
                        + "https://briefs.example.test/briefs/ai-hegemony?period=2025-03")
                .contains("Attached: the validation report (HTML) and a copy of the workbook");
        assertThat(attachmentNames(m))
                .containsExactly("validation-report-ai-hegemony-2025-03.html", "ai-hegemony-checked.xlsx");
        byte[] annotated =
                ((Multipart) m.getContent()).getBodyPart(2).getInputStream().readAllBytes();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(annotated))) {
            assertThat(wb.getSheet("Validation results")).isNotNull();
            assertThat(wb.getSheet("검증결과")).isNull();
        }
    }

    /** The sample with one cell in error, its brief in this locale, run once by the scheduler's service. */
    /** @param consoleUrl the console's address, or null for none */
    private BriefConfig invalidData(String locale, String consoleUrl) throws Exception {
        int port = freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
        p.setCell("특허_발명자국가", "D3", "모름");
        p.editConfig("locale: ko-KR", "locale: " + locale);
        if (consoleUrl != null) {
            Files.writeString(
                    p.config().resolve("briefpipe.yaml"),
                    "\nconsoleUrl: " + consoleUrl + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Settings settings = new ConfigLoader().load(p.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        BriefConfig brief = settings.findBrief("ai-hegemony").orElseThrow();
        RunOutcome o = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(o.status()).isEqualTo(RunStatus.INVALID_DATA);
        return brief;
    }

    private static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart mp = (Multipart) m.getContent();
        for (int i = 1; i < mp.getCount(); i++) {
            names.add(MimeUtility.decodeText(mp.getBodyPart(i).getFileName()));
        }
        return names;
    }

    @Test
    void withoutSmtpTheMessagesGoToTheOutbox() throws Exception {
        SampleProject p = ScheduledProject.create(dir.resolve("p"), 0, "0 0 9 1W * ?");
        // The next issue: its number, on the title sheet, names the attachment ({number} in the config).
        p.setCell("브리프정보", "B2", 176);
        assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
        Cli.Result r = Cli.run(p, "send", "--period", "2025-03");
        assertThat(r.code()).as(r.err()).isZero();
        Path outbox = p.root().resolve("output/ai-hegemony/2025-03/outbox");
        assertThat(outbox.resolve(ScheduledProject.TO + ".eml")).isRegularFile();
        try (var in = java.nio.file.Files.newInputStream(outbox.resolve(ScheduledProject.BCC + ".eml"))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(m.getHeader("Bcc")).isNull();
            assertThat(MimeUtility.decodeText(attachment(m).getFileName()))
                    .isEqualTo("KISTEP 브리프 176 글로벌 AI 패권 경쟁 - 중국 동향과 시사점.pdf");
        }
        assertThat(Cli.run(p, "send", "--period", "2025-03").out())
                .contains("0건을 outbox", "이미 outbox에 씀(건너뜀): " + ScheduledProject.TO);
        // Built again, the period keeps the letters its dry run wrote, which deliveries names.
        byte[] letter = java.nio.file.Files.readAllBytes(outbox.resolve(ScheduledProject.TO + ".eml"));
        assertThat(Cli.run(p, "send", "--period", "2025-03", "--test", "--to", "boss@example.test")
                        .code())
                .isZero();
        assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
        assertThat(outbox.resolve(ScheduledProject.TO + ".eml")).hasBinaryContent(letter);
        assertThat(outbox.resolve("test")).isDirectoryContaining("glob:**.eml");
        assertThat(Cli.run(p, "deliveries", "--period", "2025-03").out())
                .contains(outbox.resolve(ScheduledProject.TO + ".eml").toString());
    }

    @Test
    void aHeaderWithALineBreakIsRefusedBeforeSending() {
        Letter bad = new Letter(
                "a@b.test",
                List.of("c@d.test"),
                List.of(),
                List.of(),
                "제목\r\nBcc: evil@x.test",
                "t",
                "<p>t</p>",
                List.of(),
                List.of(),
                "<id@x>");
        assertThatThrownBy(() -> MimeFactory.build(Session.getInstance(new Properties()), bad))
                .isInstanceOfSatisfying(
                        DeliveryException.class, e -> assertThat(e.kind()).isEqualTo(DeliveryException.Kind.PERMANENT));
    }

    /** Until the ledger records a failed attempt for the first recipient. */
    private void awaitFirstFailedAttempt() {
        dev.briefpipe.testing.Poll.until(
                java.time.Duration.ofSeconds(60),
                () -> service.ledger()
                        .find("ai-hegemony", PERIOD, "brief", ScheduledProject.TO)
                        .map(e -> e.attempts() >= 1)
                        .orElse(false));
    }

    private BriefConfig open(int port) throws IOException {
        SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
        Settings settings = new ConfigLoader().load(p.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        return settings.findBrief("ai-hegemony").orElseThrow();
    }

    static Part attachment(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart b = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(b.getDisposition())) {
                return b;
            }
        }
        throw new AssertionError("no attachment");
    }

    static String text(MimeMessage m) throws Exception {
        Multipart mixed = (Multipart) m.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        return (String) alternative.getBodyPart(0).getContent();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
