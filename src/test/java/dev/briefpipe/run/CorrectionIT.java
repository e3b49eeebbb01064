package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.testing.ConsoleHarness;
import dev.briefpipe.testing.Inboxes;
import dev.briefpipe.testing.MailParts;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** send --correction on a delivered period: what changed, to exactly those who got it, once. */
class CorrectionIT {
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
    void aCorrectionListsEachChangeAndReachesExactlyTheFirstReadersOnce() throws Exception {
        SampleProject p = delivered();
        Settings settings = new ConfigLoader().load(p.config());
        BriefConfig brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        String original =
                FileHashes.sha256(MailParts.of(mail.getReceivedMessages()[0]).attachment(0));

        // Nothing changed: nothing is built or sent.
        assertThat(service.correct(brief, PERIOD, p.workbook(), settings.outputDir()))
                .isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(3);

        p.setCell("특허_발명자국가", "D2", 39000);
        p.setCell("본문", "D2", "중국은 생성형 AI 특허 출원에서 1위를 기록하며 선도국으로 부상 중");
        var corrected = service.correct(brief, PERIOD, p.workbook(), settings.outputDir())
                .orElseThrow();
        assertThat(corrected.sent())
                .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
        assertThat(mail.getReceivedMessages()).hasSize(6);
        for (String reader : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, reader))
                    .extracting(MimeMessage::getSubject)
                    .satisfiesExactlyInAnyOrder(
                            s -> assertThat(s).startsWith("[KISTEP"),
                            s -> assertThat(s).startsWith("[정정] [KISTEP"));
        }
        MimeMessage correction = Inboxes.of(mail, ScheduledProject.TO).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("[정정]");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .findFirst()
                .orElseThrow();
        byte[] pdf = MailParts.of(correction).attachment(0);
        Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("corrected-brief.pdf"), pdf);
        assertThat(FileHashes.sha256(pdf)).isNotEqualTo(original);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("정정 안내", "38,210건 → 39,000건", "→ “중국은 생성형 AI 특허 출원에서 1위를")
                .doesNotContain("'본문'!");
        // In reply to the brief it corrects, so mail programs show the two together.
        MimeMessage first = Inboxes.of(mail, ScheduledProject.TO).get(0);
        assertThat(correction.getHeader("In-Reply-To")).containsExactly(first.getMessageID());
        assertThat(correction.getHeader("References")).containsExactly(first.getMessageID());
        // The letter itself opens with what it corrects: it was the first letter's, word for word.
        assertThat(MailParts.of(correction).text())
                .startsWith("정정 안내: 먼저 보낸 2025년 3월 브리프에서 다음을 바로잡았습니다.\n- ")
                .contains("38,210건 → 39,000건");
        // The edition its readers got is kept beside the corrected one.
        Path folder = new Publications(settings.outputDir()).folder(brief.id(), PERIOD);
        assertThat(folder.resolve("editions").resolve(original + ".json")).exists();

        // Run again (after a crash, say): nobody gets the correction twice.
        assertThat(service.correct(brief, PERIOD, p.workbook(), settings.outputDir()))
                .isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(6);
        // A second slip, mended later: its correction names it alone, against the correction the readers
        // got. It went on to list the first correction's change again, or, with the corrected edition
        // still published, to mail that edition again to nobody and build nothing.
        p.setCell("특허_발명자국가", "D3", 14000);
        var second = service.correct(brief, PERIOD, p.workbook(), settings.outputDir())
                .orElseThrow();
        assertThat(second.sent()).hasSize(3);
        MimeMessage last = Inboxes.of(mail, ScheduledProject.TO).get(2);
        assertThat(last.getSubject()).startsWith("[정정]");
        assertThat(MailParts.of(last).text()).contains("6,276건 → 14,000건").doesNotContain("38,210건 → 39,000건");
        assertThat(service.runs().list(brief.id(), 10))
                .anySatisfy(r -> assertThat(r.trigger()).isEqualTo(RunTrigger.CORRECTION));
        assertThat(Files.exists(folder.resolve("manifest.json"))).isTrue();
    }

    @Test
    void aFirstReaderWhoseAddressTheConfigNowWritesInOtherCaseIsStillInTheCorrectionsHeader() throws Exception {
        SampleProject p = delivered();
        p.editConfig("to: [" + ScheduledProject.TO + "]", "to: [Board@To.Test]");
        Settings settings = new ConfigLoader().load(p.config());
        BriefConfig brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        p.setCell("특허_발명자국가", "D2", 39000);
        var corrected = service.correct(brief, PERIOD, p.workbook(), settings.outputDir())
                .orElseThrow();
        assertThat(corrected.sent())
                .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
        assertThat(mail.getReceivedMessages()).hasSize(6);
        MimeMessage last = mail.getReceivedMessages()[5];
        assertThat(last.getSubject()).startsWith("[정정]");
        assertThat(last.getHeader("To")).singleElement().asString().contains("Board@To.Test");
    }

    @Test
    void aValueMendedInATableAloneIsCorrectedAndANoteThePdfDoesNotPrintIsNot() throws Exception {
        SampleProject p = delivered();
        Settings settings = new ConfigLoader().load(p.config());
        BriefConfig brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        // A note the PDF does not print: nothing a reader sees changed.
        p.setCell("정책", "G2", "출처 다시 확인함");
        assertThat(service.correct(brief, PERIOD, p.workbook(), settings.outputDir()))
                .isEmpty();
        // A policy's name in 〈표 1〉, with no key figure or sentence moving with it: this was "nothing
        // changed", and the readers kept the table as it was.
        p.setCell("정책", "C2", "차세대 인공지능 발전 계획");
        var corrected = service.correct(brief, PERIOD, p.workbook(), settings.outputDir())
                .orElseThrow();
        assertThat(corrected.sent()).hasSize(3);
        MimeMessage correction = Inboxes.of(mail, ScheduledProject.TO).get(1);
        assertThat(correction.getSubject()).startsWith("[정정]");
        assertThat(MailParts.of(correction).text()).containsPattern("\n- 「[^」]+」의 내용을 바로잡았습니다\\(PDF 참고\\)\\.\n\n");
    }

    @Test
    void aCorrectionOfABriefThatWantsApprovalWaitsForAnApproverThenReachesTheFirstReaders() throws Exception {
        SampleProject p = delivered();
        p.editConfig("  # approval: required ", "  approval: required ");
        service.close();
        Settings settings = new ConfigLoader().load(p.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        BriefConfig brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        p.setCell("특허_발명자국가", "D2", 39000);
        // The corrected edition is published and the approvers are asked to read it; no reader gets it yet.
        assertThatThrownBy(() -> service.correct(brief, PERIOD, p.workbook(), settings.outputDir()))
                .isInstanceOfSatisfying(
                        DeliveryException.class,
                        e -> assertThat(e.phrase().key()).isEqualTo("correction.awaiting-approval"));
        String corrected = service.approving().publishedPdf(brief, PERIOD).orElseThrow();
        List<MimeMessage> asked = Inboxes.of(mail, ScheduledProject.APPROVER);
        assertThat(asked).hasSize(1);
        assertThat(FileHashes.sha256(MailParts.of(asked.get(0)).attachment(0))).isEqualTo(corrected);
        // The request says it is a correction, and what it corrects: it read as a first edition's.
        assertThat(MailParts.of(asked.get(0)).text())
                .contains("정정본입니다. 승인하면 처음 판을 받은 독자에게 정정본으로 갑니다. 바로잡은 내용:\n- ")
                .contains("38,210건 → 39,000건");
        assertThat(mail.getReceivedMessages()).hasSize(4);
        // Approved, it goes as a correction to exactly the readers of the first edition, once each.
        var approved = service.approving()
                .approve(brief, PERIOD, corrected, "approver")
                .sent();
        assertThat(approved.sent())
                .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
        for (String reader : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            List<MimeMessage> got = Inboxes.of(mail, reader);
            assertThat(got).hasSize(2);
            assertThat(got.get(1).getSubject()).startsWith("[정정] [KISTEP");
            assertThat(FileHashes.sha256(MailParts.of(got.get(1)).attachment(0)))
                    .isEqualTo(corrected);
        }
        // Run again, after a new workbook withdrew the approval: nobody is mailed or asked again.
        service.approving().withdraw(brief, PERIOD, "analyst");
        assertThat(service.correct(brief, PERIOD, p.workbook(), settings.outputDir()))
                .isEmpty();
        assertThat(mail.getReceivedMessages()).hasSize(7);
    }

    /** The sample delivered to its three readers by a scheduled run. */
    private SampleProject delivered() throws Exception {
        int port = ConsoleHarness.freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
        Settings settings = new ConfigLoader().load(p.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        BriefConfig brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        RunOutcome first = service.runScheduled(brief, PERIOD, RunTrigger.CRON, Instant.parse("2025-03-03T00:00:00Z"));
        assertThat(first.status()).isEqualTo(RunStatus.DELIVERED);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        return p;
    }
}
