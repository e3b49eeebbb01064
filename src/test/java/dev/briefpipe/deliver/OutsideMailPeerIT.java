package dev.briefpipe.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.run.RunOutcome;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.MailParts;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brief through an SMTP server that is not written in Java: Debian's aiosmtpd, storing what it
 * receives in a maildir. Each message is read back from disk and taken apart. Skipped where aiosmtpd
 * is not installed, unless {@code BRIEFPIPE_REQUIRE_PEERS} is set (as CI does).
 */
class OutsideMailPeerIT {
    private static final Path AIOSMTPD = Path.of("/usr/bin/aiosmtpd");

    @TempDir
    Path dir;

    @Test
    void aiosmtpdReceivesTheHtmlLetterWithItsInlineFigureAndAttachments() throws Exception {
        int port = DeliveryIT.freePort();
        Path maildir = dir.resolve("maildir");
        Process server = aiosmtpd(port, maildir);
        try {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Cli.Result sent = Cli.run(p, "send", "--period", "2025-03");
            assertThat(sent.code()).as(sent.err()).isZero();
            assertThat(sent.out()).contains("발송 3건");

            Poll.until(Duration.ofSeconds(30), () -> messages(maildir).size() == 3);
            for (Path file : messages(maildir)) {
                MimeMessage m = read(file);
                assertThat(m.getSubject()).isEqualTo("[KISTEP 브리프] 글로벌 AI 패권 경쟁 : 중국 동향과 시사점 (2025년 3월)");
                assertThat(m.getHeader("Bcc")).isNull();
                // Readers' replies go where the brief says, not to the sending address.
                assertThat(m.getHeader("Reply-To")).containsExactly("ai-brief-analysts@example.org");
                MailParts parts = MailParts.of(m);
                assertThat(parts.text()).contains("38,210");
                assertThat(parts.html()).contains("cid:figure-1");
                assertThat(parts.inline().get("figure-1").type()).startsWith("image/png");
                assertThat(parts.attachmentNames())
                        .containsExactly(
                                "KISTEP 브리프 175 글로벌 AI 패권 경쟁 - 중국 동향과 시사점.pdf",
                                "KISTEP 브리프 175 글로벌 AI 패권 경쟁 - 중국 동향과 시사점 CSV.zip");
                assertThat(parts.attachment(0))
                        .isEqualTo(Files.readAllBytes(
                                p.root().resolve("output/ai-hegemony/2025-03/ai-hegemony-2025-03.pdf")));
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /**
     * A server that takes at most 100,000 bytes a message and says so (SIZE): the brief's letter, with its
     * PDF and extracts, is some 400 KB.
     */
    @Test
    void aLetterOverTheSizeTheServerAnnouncesGoesToNobodyOrAsLinksWhenTheBriefSaysSo() throws Exception {
        int port = DeliveryIT.freePort();
        Path maildir = dir.resolve("maildir");
        Process server = aiosmtpd(port, maildir, "-s", "100000");
        try {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
            assertThat(Cli.run(p, "build", "--period", "2025-03").code()).isZero();
            Cli.Result refused = Cli.run(p, "send", "--period", "2025-03", "--lang", "en");
            assertThat(refused.code()).as(refused.out()).isEqualTo(3);
            assertThat(refused.err())
                    .contains("over the 0.10 MB that the mail server smtp://127.0.0.1:" + port + " accepts")
                    .contains("nobody was mailed");
            // Refused before any recipient: none of them is a failed delivery to retry.
            assertThat(Cli.run(p, "deliveries", "--period", "2025-03").out()).doesNotContain("실패");

            p.editConfig("oversize: fail", "oversize: link\n  link: https://briefs.example.org/");
            Cli.Result linked = Cli.run(p, "send", "--period", "2025-03");
            assertThat(linked.code()).as(linked.err()).isZero();
            assertThat(linked.out()).contains("발송 3건");
            Poll.until(Duration.ofSeconds(30), () -> messages(maildir).size() == 3);
            for (Path file : messages(maildir)) {
                assertThat(Files.size(file)).isLessThan(100_000);
                MailParts parts = MailParts.of(read(file));
                assertThat(parts.attachmentNames()).isEmpty();
                assertThat(parts.text()).contains("https://briefs.example.org/");
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /**
     * The analysts' letter of a workbook with an error: the report (a few KB) and the annotated copy of
     * the workbook (some 90 KB in the letter) are more than this server takes.
     */
    @Test
    void theAnalystsGetTheReportAloneWhenTheAnnotatedCopyMakesItTooLargeForTheServer() throws Exception {
        int port = DeliveryIT.freePort();
        Path maildir = dir.resolve("maildir");
        Process server = aiosmtpd(port, maildir, "-s", "60000");
        try {
            SampleProject p = ScheduledProject.create(dir.resolve("p"), port, "0 0 9 1W * ?");
            p.setCell("특허_발명자국가", "D3", "모름");
            Settings settings = new ConfigLoader().load(p.config());
            try (BriefService service = BriefService.open(settings, ProgressListener.NONE)) {
                RunOutcome o = service.runScheduled(
                        settings.findBrief("ai-hegemony").orElseThrow(),
                        Period.parse("2025-03"),
                        RunTrigger.CRON,
                        Instant.parse("2025-03-03T00:00:00Z"));
                assertThat(o.status()).isEqualTo(RunStatus.INVALID_DATA);
            }
            Poll.until(Duration.ofSeconds(30), () -> messages(maildir).size() == 1);
            MailParts parts = MailParts.of(read(messages(maildir).get(0)));
            assertThat(parts.attachmentNames()).containsExactly("검증보고서-ai-hegemony-2025-03.html");
            assertThat(parts.text()).contains("특허_발명자국가!D3", "보고서만 보냅니다");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** aiosmtpd on {@code port}, storing what it receives in {@code maildir}, once it accepts connections. */
    private Process aiosmtpd(int port, Path maildir, String... options) throws Exception {
        if (!Files.isExecutable(AIOSMTPD)) {
            if (System.getenv("BRIEFPIPE_REQUIRE_PEERS") != null) {
                throw new AssertionError("aiosmtpd is required (apt-get install python3-aiosmtpd)");
            }
            Assumptions.abort("aiosmtpd is not installed");
        }
        List<String> command = new ArrayList<>(List.of(AIOSMTPD.toString(), "-n", "-l", "127.0.0.1:" + port));
        command.addAll(List.of(options));
        command.addAll(List.of("-c", "aiosmtpd.handlers.Mailbox", maildir.toString()));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("aiosmtpd.log").toFile())
                .start();
        try {
            Poll.until(Duration.ofSeconds(30), () -> accepts(port));
        } catch (AssertionError | RuntimeException e) {
            server.destroy();
            throw e;
        }
        return server;
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static List<Path> messages(Path maildir) {
        Path fresh = maildir.resolve("new");
        if (!Files.isDirectory(fresh)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(fresh)) {
            return new ArrayList<>(files.toList());
        } catch (java.io.IOException e) {
            return List.of();
        }
    }
}
