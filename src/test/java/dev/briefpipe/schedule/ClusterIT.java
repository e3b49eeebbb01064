package dev.briefpipe.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.briefpipe.testing.Inboxes;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.Postgres;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import dev.briefpipe.testing.SmtpStub;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code briefpipe schedule} processes as one Quartz cluster on PostgreSQL: each fire runs on one
 * node only, and when the node running a brief is killed ({@code kill -9}) the other recovers the run
 * and each recipient still gets exactly one message.
 */
class ClusterIT {
    private static final Pattern FIRE = Pattern.compile("ai-hegemony: fire of (\\S+) on (\\S+)");

    @TempDir
    Path dir;

    private Postgres pg;
    private GreenMail mail;
    private final List<Process> nodes = new ArrayList<>();
    /** The nodes' logs go to the test output once: by the failover test, or after a failure. */
    private boolean logsShown;

    @BeforeEach
    void start() throws IOException {
        pg = Postgres.freshDatabase();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : nodes) {
            p.destroy();
        }
        for (Process p : nodes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        mail.stop();
        for (String n : List.of("a", "b")) {
            Path log = dir.resolve(n).resolve("node.log");
            if (!logsShown && Files.exists(log)) {
                System.out.println("=== node " + n + " ===\n" + log(dir.resolve(n)));
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void eachFireRunsOnExactlyOneNode() throws Exception {
        Path a = node("a", "*/2 * * * * ?");
        Path b = node("b", "*/2 * * * * ?");
        Process na = launch(a);
        Process nb = launch(b);
        // Both nodes have joined the cluster: each checks in to the shared scheduler state.
        Poll.until(Duration.ofSeconds(60), () -> count("SELECT COUNT(*) FROM qrtz_scheduler_state") == 2);
        Poll.until(Duration.ofSeconds(90), () -> fires(a).size() + fires(b).size() >= 8);
        na.destroy();
        nb.destroy();
        na.waitFor(20, TimeUnit.SECONDS);
        nb.waitFor(20, TimeUnit.SECONDS);

        Map<String, String> all = new HashMap<>();
        for (Path n : List.of(a, b)) {
            fires(n).forEach((fire, instance) -> assertThat(all.put(fire, instance))
                    .as("fire %s ran on two nodes", fire)
                    .isNull());
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(8);
        // Many fires, one period: delivered once, one message per recipient.
        assertThat(count("SELECT COUNT(*) FROM bp_runs WHERE status='delivered'"))
                .isEqualTo(1);
        assertThat(mail.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aNodeKilledMidRunIsRecoveredByTheOtherAndEachRecipientGetsOneMessage() throws Exception {
        // One fire, ahead by more than two nodes take to start on a loaded machine (a node started after
        // it has nothing to fire), so that neither node runs a second one.
        String once = inSeconds(30);
        Path a = node("a", once);
        Path b = node("b", once);
        Map<Long, Process> byPid = new HashMap<>();
        Map<Long, Path> dirOf = new HashMap<>();
        for (Path n : List.of(a, b)) {
            Process p = launch(n);
            byPid.put(p.pid(), p);
            dirOf.put(p.pid(), n);
        }
        Poll.until(Duration.ofSeconds(90), () -> runningNode() != null);
        String running = runningNode();
        long pid = Long.parseLong(running.substring(running.lastIndexOf(':') + 1));
        Process victim = byPid.get(pid);
        assertThat(victim).as("the running node %s is one of ours", running).isNotNull();
        victim.destroyForcibly();
        victim.waitFor(10, TimeUnit.SECONDS);
        assertThat(count("SELECT COUNT(*) FROM bp_deliveries"))
                .as("killed before sending")
                .isZero();
        Path victimDir = dirOf.get(pid);
        Path survivorDir = victimDir.equals(a) ? b : a;

        Poll.until(Duration.ofSeconds(90), () -> count("SELECT COUNT(*) FROM bp_runs WHERE status='delivered'") == 1);
        assertThat(count("SELECT COUNT(*) FROM bp_runs")).isEqualTo(1);
        assertThat(text("SELECT trigger_kind FROM bp_runs")).isEqualTo("recovery");
        assertThat(text("SELECT node FROM bp_runs")).isNotEqualTo(running);
        assertThat(count("SELECT COUNT(*) FROM bp_deliveries WHERE state='sent'"))
                .isEqualTo(3);
        assertThat(mail.getReceivedMessages()).hasSize(3);
        for (String to : List.of(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC)) {
            assertThat(Inboxes.of(mail, to)).as(to).hasSize(1);
        }
        String survivorLog = log(survivorDir);
        assertThat(survivorLog).contains("recovering run", running);
        // The failover, as the nodes logged it (kept with the test's output).
        System.out.println("=== killed node (" + running + ") ===\n" + log(victimDir));
        System.out.println("=== survivor ===\n" + survivorLog);
        logsShown = true;
    }

    @Test
    void aNodeKilledWhileMailingLeavesTheRecipientInFlightUnknownAndServesEveryOtherOnce() throws Exception {
        // The SMTP server stalls on the cc recipient: the node is killed while that transaction is open.
        try (SmtpStub smtp = new SmtpStub((recipient, attempt) -> {
            if (recipient.equals(ScheduledProject.CC)) {
                try {
                    Thread.sleep(6000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        })) {
            String once = inSeconds(30); // ahead of two nodes starting on a loaded machine
            Path a = node("a", once, smtp.port());
            Path b = node("b", once, smtp.port());
            Map<Long, Process> byPid = new HashMap<>();
            for (Path n : List.of(a, b)) {
                Process p = launch(n);
                byPid.put(p.pid(), p);
            }
            Poll.until(
                    Duration.ofSeconds(90),
                    () -> count("SELECT COUNT(*) FROM bp_deliveries WHERE state='sending' AND recipient='"
                                    + ScheduledProject.CC + "'")
                            == 1);
            String running = runningNode();
            Process victim = byPid.get(Long.parseLong(running.substring(running.lastIndexOf(':') + 1)));
            victim.destroyForcibly();
            victim.waitFor(10, TimeUnit.SECONDS);
            List<String> servedBefore = smtp.delivered();

            // Finished: the killed node's run is first marked interrupted (its process is gone), then taken
            // over by the survivor, which ends it.
            Poll.until(
                    Duration.ofSeconds(90),
                    () -> count("SELECT COUNT(*) FROM bp_runs WHERE status NOT IN ('running', 'interrupted')") == 1);
            assertThat(text("SELECT trigger_kind FROM bp_runs")).isEqualTo("recovery");
            // The recipient in flight may or may not have got the message: it is left for an operator
            // (send --resend), never sent twice. Everyone else gets exactly one message.
            assertThat(text("SELECT state FROM bp_deliveries WHERE recipient='" + ScheduledProject.CC + "'"))
                    .isEqualTo("unknown");
            assertThat(smtp.delivered()).doesNotContain(ScheduledProject.CC).containsAll(servedBefore);
            for (String r : List.of(ScheduledProject.TO, ScheduledProject.BCC)) {
                assertThat(smtp.delivered().stream().filter(r::equals)).as(r).hasSize(1);
                assertThat(text("SELECT state FROM bp_deliveries WHERE recipient='" + r + "'"))
                        .as(r)
                        .isEqualTo("sent");
            }
            assertThat(text("SELECT status FROM bp_runs")).isEqualTo("failed");
        }
    }

    /** A Quartz cron that fires once, this many seconds from now (in the brief's zone). */
    private static String inSeconds(int seconds) {
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Asia/Seoul")).plusSeconds(seconds);
        return "%d %d %d %d %d ? %d"
                .formatted(
                        at.getSecond(),
                        at.getMinute(),
                        at.getHour(),
                        at.getDayOfMonth(),
                        at.getMonthValue(),
                        at.getYear());
    }

    /** A copy of the project for one node: same database and mail server, its own state and output. */
    private Path node(String name, String cron) throws IOException {
        return node(name, cron, mail.getSmtp().getPort());
    }

    private Path node(String name, String cron, int smtpPort) throws IOException {
        SampleProject p = ScheduledProject.create(dir.resolve(name), smtpPort, cron, pg.url());
        Path yaml = p.config().resolve("briefpipe.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "  misfireMillis: 1500\n",
                                "  misfireMillis: 1500\n  clustered: true\n  instanceId: AUTO\n  checkinMillis: 1000\n"));
        return p.root();
    }

    private Process launch(Path project) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.briefpipe.cli.Main",
                        "schedule",
                        "--config",
                        project.resolve("config").toString(),
                        "--lang",
                        "en")
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("node.log").toFile())
                .start();
        nodes.add(p);
        return p;
    }

    private static String log(Path project) {
        try {
            return Files.readString(project.resolve("node.log"));
        } catch (IOException e) {
            return "";
        }
    }

    /** The fires a node's log records: scheduled time → Quartz instance id. */
    private static Map<String, String> fires(Path project) {
        Map<String, String> out = new HashMap<>();
        Matcher m = FIRE.matcher(log(project));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private String runningNode() {
        try {
            return text("SELECT node FROM bp_runs WHERE status='running'");
        } catch (AssertionError e) {
            return null;
        }
    }

    private long count(String sql) {
        try (Connection c = pg.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private String text(String sql) {
        try (Connection c = pg.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
