package dev.briefpipe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.briefpipe.testing.ListeningSockets;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler on the embedded database opens no port (the database is in its process only), and the
 * console only its own, on the loopback address.
 */
class NothingListensIT {
    @TempDir
    Path dir;

    @Test
    void scheduleOnTheEmbeddedDatabaseListensOnNoPort() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.available(), "no /proc on this machine");
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Process p = null;
        try {
            SampleProject project =
                    ScheduledProject.create(dir.resolve("p"), mail.getSmtp().getPort(), "0 0 9 1W * ?");
            // A brief that waits for approval, and no consoleUrl: the scheduler, which asks the approvers, says so.
            project.editConfig("  # approval: required ", "  approval: required ");
            Path log = dir.resolve("schedule.log");
            p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "dev.briefpipe.cli.Main",
                            "schedule",
                            "--config",
                            project.config().toString(),
                            "--lang",
                            "en")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process running = p;
            Poll.until(Duration.ofSeconds(60), () -> read(log).contains("started on") || !running.isAlive());
            assertThat(p.isAlive()).as(read(log)).isTrue();
            assertThat(ListeningSockets.of(p.pid()))
                    .as("ports the scheduler listens on")
                    .isEmpty();
            assertThat(read(log))
                    .contains("consoleUrl in " + project.config().resolve("briefpipe.yaml")
                            + " is empty, so approval requests carry no link");
        } finally {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
            mail.stop();
        }
    }

    @Test
    void serveListensOnlyOnItsOwnPortOnLoopback() throws Exception {
        Assumptions.assumeTrue(ListeningSockets.available(), "no /proc on this machine");
        int port = dev.briefpipe.testing.ConsoleHarness.freePort();
        Path log = dir.resolve("serve.log");
        Process p = serve(log, "--port", String.valueOf(port));
        try {
            Poll.until(Duration.ofSeconds(60), () -> read(log).contains("Console:") || !p.isAlive());
            assertThat(p.isAlive()).as(read(log)).isTrue();
            // 127.0.0.1 as /proc writes it, in tcp (0100007F) or as an IPv4-mapped tcp6 address.
            assertThat(ListeningSockets.of(p.pid()))
                    .as("ports serve listens on")
                    .singleElement()
                    .satisfies(a -> assertThat(a).matches("(0100007F|0{16}FFFF00000100007F):" + port));
            assertThat(read(log)).doesNotContain("without TLS");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void serveOnEveryAddressSaysThatItIsReachedWithoutTls() throws Exception {
        Path log = dir.resolve("everywhere.log");
        Process p = serve(
                log, "--bind", "0.0.0.0", "--port", String.valueOf(dev.briefpipe.testing.ConsoleHarness.freePort()));
        try {
            Poll.until(Duration.ofSeconds(60), () -> read(log).contains("without TLS") || !p.isAlive());
            assertThat(read(log)).contains("The console listens on 0.0.0.0, so other machines reach it without TLS");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void aPortAnotherProgramHoldsOrAnAddressNotOfThisMachineIsToldInOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            Path log = dir.resolve("taken.log");
            Process p = serve(log, "--port", port);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(read(log)).isEqualTo(2);
            // Told before anything is opened: no library's error line, no first admin, no trigger written.
            assertThat(read(log))
                    .contains("Another program is already listening on 127.0.0.1:" + port)
                    .doesNotContain("Exception", "Unexpected", "ERROR", "first admin", "scheduled");
        }
        Path log = dir.resolve("bind.log");
        Process p = serve(log, "--bind", "nowhere.invalid");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(read(log)).isEqualTo(2);
        assertThat(read(log))
                .contains("nowhere.invalid is not an address of this machine")
                .doesNotContain("Exception");
        Path range = dir.resolve("range.log");
        Process q = serve(range, "--port", "99999");
        assertThat(q.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(q.exitValue()).isEqualTo(2);
        assertThat(read(range)).contains("Port 99999 cannot be used");
    }

    @Test
    void serveSaysWhenApprovalRequestsWouldCarryNoLinkToIt() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p-approval"));
        project.editConfig("  # approval: required ", "  approval: required ");
        Path log = dir.resolve("approval.log");
        Process p = serve(log, project, "--port", String.valueOf(dev.briefpipe.testing.ConsoleHarness.freePort()));
        try {
            Poll.until(Duration.ofSeconds(60), () -> read(log).contains("consoleUrl in") || !p.isAlive());
            assertThat(read(log))
                    .contains("Console:")
                    .contains("consoleUrl in " + project.config().resolve("briefpipe.yaml")
                            + " is empty, so approval requests carry no link");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void serveSaysAtItsStartWhenTheMailPasswordIsMissingFromItsEnvironment() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p-mail"));
        Path app = project.config().resolve("briefpipe.yaml");
        Files.writeString(
                app,
                Files.readString(app)
                        .replace("mail:\n  host: \"\"", "mail:\n  host: \"smtp.example.org\"")
                        .replace(
                                "  user: \"\"\n  passwordEnv: BRIEFPIPE_SMTP_PASSWORD",
                                "  user: \"briefpipe\"\n  passwordEnv: BP_TEST_NO_SUCH_VARIABLE"));
        Path log = dir.resolve("mail.log");
        Process p = serve(log, project, "--port", String.valueOf(dev.briefpipe.testing.ConsoleHarness.freePort()));
        try {
            Poll.until(Duration.ofSeconds(60), () -> read(log).contains("BP_TEST_NO_SUCH_VARIABLE") || !p.isAlive());
            assertThat(read(log))
                    .contains(
                            "mail.user is briefpipe, but the environment variable BP_TEST_NO_SUCH_VARIABLE that holds its"
                                    + " password is not set for this process");
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** {@code serve} of a copy of the sample project, in its own JVM, in English, its output to {@code log}. */
    private Process serve(Path log, String... args) throws IOException {
        return serve(log, SampleProject.copyInto(dir.resolve("p-" + log.getFileName())), args);
    }

    private Process serve(Path log, SampleProject project, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.briefpipe.cli.Main",
                "serve",
                "--config",
                project.config().toString(),
                "--lang",
                "en"));
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BRIEFPIPE_ADMIN_USER", "admin");
        pb.environment().put("BRIEFPIPE_ADMIN_PASSWORD", "a-long-password-1");
        return pb.start();
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
