package dev.briefpipe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.briefpipe.testing.ListeningSockets;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        int port = dev.briefpipe.testing.ConsoleHarness.freePort();
        Path log = dir.resolve("serve.log");
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.briefpipe.cli.Main",
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--config",
                        project.config().toString(),
                        "--lang",
                        "en")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("BRIEFPIPE_ADMIN_USER", "admin");
        pb.environment().put("BRIEFPIPE_ADMIN_PASSWORD", "a-long-password-1");
        Process p = pb.start();
        try {
            Poll.until(Duration.ofSeconds(60), () -> read(log).contains("Console:") || !p.isAlive());
            assertThat(p.isAlive()).as(read(log)).isTrue();
            // 127.0.0.1 as /proc writes it, in tcp (0100007F) or as an IPv4-mapped tcp6 address.
            assertThat(ListeningSockets.of(p.pid()))
                    .as("ports serve listens on")
                    .singleElement()
                    .satisfies(a -> assertThat(a).matches("(0100007F|0{16}FFFF00000100007F):" + port));
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
