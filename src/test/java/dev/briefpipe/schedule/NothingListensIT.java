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

/** The scheduler on the embedded database opens no port: the database is in its process only. */
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

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
