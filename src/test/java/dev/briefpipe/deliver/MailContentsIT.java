package dev.briefpipe.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.run.RunOutcome;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.Inboxes;
import dev.briefpipe.testing.MailParts;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the brief's letter carries, read back from a real SMTP server (GreenMail): the key figures and
 * the first figure inline, the files beside the PDF, the size limit, a test send, the owners' alert.
 */
class MailContentsIT {
    private static final Period PERIOD = Period.parse("2025-03");
    private static final Instant FIRE = Instant.parse("2025-03-03T00:00:00Z");

    @TempDir
    Path dir;

    private GreenMail mail;
    private BriefService service;
    private SampleProject project;

    @BeforeEach
    void start() throws Exception {
        int port = DeliveryIT.freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        project = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        mail.stop();
    }

    @Test
    void theLetterShowsTheFiguresAndTheFirstChartInlineWithThePdfAndTheExtractsAttached() throws Exception {
        RunOutcome o = service().runScheduled(brief(), PERIOD, RunTrigger.CRON, FIRE);
        assertThat(o.status()).isEqualTo(RunStatus.DELIVERED);
        MimeMessage m = Inboxes.of(mail, ScheduledProject.TO).get(0);
        MailParts parts = MailParts.of(m);
        // The headline figures delivery.figures names, in its order; not the analysts' cross-checks.
        assertThat(parts.text())
                .containsSubsequence(
                        "- 중국 생성형 AI 특허군 수 (2014~2023): 38,210건",
                        "- 미국 생성형 AI 특허군 수 (2014~2023): 6,276건",
                        "- 중국/미국 특허군 배수: 6.09배",
                        "- 중국 비중 (세계 대비): 70.8%",
                        "- H20 연산 성능 (H100 SXM5 대비, FP8 dense): 15.0%")
                .doesNotContain("그림 1 국가 합계", "타임라인의 중국 모델 수");
        assertThat(parts.html()).contains("38,210", "<img src=\"cid:figure-1\"");
        // The picture is captioned as in the PDF, its caption also its text for a reader without pictures.
        String caption = "[그림 1] 생성형 AI 특허 출원 현황";
        assertThat(parts.html())
                .containsSubsequence(caption + "</p>", "<img src=\"cid:figure-1\" alt=\"" + caption + "\"");
        assertThat(parts.inline()).containsKey("figure-1");
        assertThat(parts.inline().get("figure-1").type()).startsWith("image/png");
        byte[] png = parts.inline().get("figure-1").bytes();
        assertThat(png)
                .isEqualTo(Files.readAllBytes(project.root().resolve("output/ai-hegemony/2025-03/figure-1.png")));
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))
                        .getWidth())
                .isGreaterThan(600);
        // The PDF under a Windows-safe Korean name, given twice over (RFC 2231 and RFC 2047).
        assertThat(parts.attachmentNames())
                .containsExactly(
                        "KISTEP 브리프 175 글로벌 AI 패권 경쟁 - 중국 동향과 시사점.pdf",
                        "KISTEP 브리프 175 글로벌 AI 패권 경쟁 - 중국 동향과 시사점 CSV.zip");
        assertThat(parts.dispositions().get(0)).contains("filename*=UTF-8''KISTEP%20", "filename=\"=?UTF-8?B?");
        assertThat(MailParts.zipEntries(parts.attachment(1)))
                .contains("patents.csv", "indicators.csv")
                .hasSizeGreaterThan(10);
        Path csv = project.root().resolve("output/ai-hegemony/2025-03/csv/patents.csv");
        assertThat(MailParts.zipEntry(parts.attachment(1), "patents.csv")).isEqualTo(Files.readAllBytes(csv));
    }

    @Test
    void aLetterOverTheLimitGoesToNobodyAndTheOwnersAreTold() throws Exception {
        limit("0.1");
        RunOutcome o = service().runScheduled(brief(), PERIOD, RunTrigger.CRON, FIRE);
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(Inboxes.of(mail, ScheduledProject.TO)).isEmpty();
        assertThat(Inboxes.of(mail, ScheduledProject.BCC)).isEmpty();
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
        MimeMessage alert = Inboxes.of(mail, ScheduledProject.OWNER).get(0);
        assertThat(alert.getSubject()).contains("브리프 실패", "(2025년 3월)");
        assertThat(MailParts.of(alert).text()).contains("한도(0.10 MB)", "oversize: link");
        // The same failure again tells the owners nothing new.
        service.runScheduled(brief(), PERIOD, RunTrigger.RETRY, FIRE.plusSeconds(3600));
        assertThat(Inboxes.of(mail, ScheduledProject.OWNER)).hasSize(1);
    }

    @Test
    void anEnglishBriefTellsItsOwnersInEnglish() throws Exception {
        limit("0.1");
        project.editConfig("locale: ko-KR", "locale: en-GB");
        RunOutcome o = service().runScheduled(brief(), PERIOD, RunTrigger.CRON, FIRE);
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        MimeMessage alert = Inboxes.of(mail, ScheduledProject.OWNER).get(0);
        assertThat(alert.getSubject()).startsWith("[Brief failed] ").endsWith(" (March 2025)");
        String text = MailParts.of(alert).text();
        assertThat(text)
                .startsWith("About the March 2025 brief, “" + brief().title() + "”.")
                .contains("failed and nothing reached the readers", "limit of 0.10 MB");
        // Every word of the letter's own is English; the brief's title is the brief's.
        assertThat(text.replace(brief().title(), "")).doesNotContainPattern("[가-힣]");
    }

    @Test
    void aLetterOverTheLimitLinksItsFilesWhenTheBriefSaysSo() throws Exception {
        limit("0.1");
        project.editConfig("oversize: fail", "oversize: link\n  link: https://briefs.example.org/");
        RunOutcome o = service().runScheduled(brief(), PERIOD, RunTrigger.CRON, FIRE);
        assertThat(o.status()).isEqualTo(RunStatus.DELIVERED);
        MailParts parts = MailParts.of(Inboxes.of(mail, ScheduledProject.CC).get(0));
        assertThat(parts.attachmentNames()).isEmpty();
        assertThat(parts.inline()).containsKey("figure-1");
        assertThat(parts.text())
                .contains(
                        "https://briefs.example.org/ai-hegemony/2025-03/ai-hegemony-2025-03.pdf",
                        "https://briefs.example.org/ai-hegemony/2025-03/csv/patents.csv");
        assertThat(parts.html()).contains("<a href=\"https://briefs.example.org/ai-hegemony/2025-03/");
    }

    @Test
    void aTestSendReachesOneAddressAndLeavesTheDeliveriesAlone() throws Exception {
        assertThat(Cli.run(project, "build", "--period", "2025-03").code()).isZero();
        Cli.Result test = Cli.run(project, "send", "--period", "2025-03", "--test", "--to", "me@approvers.test");
        assertThat(test.code()).as(test.err()).isZero();
        assertThat(test.out()).contains("시험 발송", "me@approvers.test", "250");
        assertThat(mail.getReceivedMessages()).hasSize(1);
        MimeMessage m = Inboxes.of(mail, "me@approvers.test").get(0);
        assertThat(m.getHeader("To")[0]).isEqualTo("me@approvers.test");
        assertThat(MailParts.of(m).attachmentNames()).hasSize(2);

        Cli.Result real = Cli.run(project, "send", "--period", "2025-03");
        assertThat(real.code()).as(real.err()).isZero();
        assertThat(mail.getReceivedMessages()).hasSize(4);
        assertThat(Inboxes.of(mail, ScheduledProject.TO)).hasSize(1);
        assertThat(Inboxes.of(mail, ScheduledProject.TO).get(0).getMessageID()).isNotEqualTo(m.getMessageID());

        Cli.Result both = Cli.run(project, "send", "--period", "2025-03", "--test", "--to", "a@x.test,b@x.test");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("주소 하나");
    }

    private void limit(String megabytes) throws Exception {
        Path yaml = project.config().resolve("briefpipe.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("backoffMillis: 300", "backoffMillis: 300\n  maxMessageMegabytes: " + megabytes));
    }

    private BriefService service() throws Exception {
        Settings settings = new ConfigLoader().load(project.config());
        service = BriefService.open(settings, ProgressListener.NONE);
        return service;
    }

    private BriefConfig brief() throws Exception {
        return new ConfigLoader()
                .load(project.config())
                .findBrief("ai-hegemony")
                .orElseThrow();
    }
}
