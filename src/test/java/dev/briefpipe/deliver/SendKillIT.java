package dev.briefpipe.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.run.BriefPipeline;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.ScheduledProject;
import dev.briefpipe.testing.SmtpStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under {@code kill -9}: real {@code send} processes (the launcher, on the embedded
 * database) are killed at random points while an SMTP server takes its time to accept each message,
 * then sent again, at least 50 times. No recipient gets a message twice, none is lost: each ends sent
 * (received once) or unknown, and unknown only if its transaction (from the ledger's claim to the
 * server's reply) was the one open when a process was killed: one at most a kill.
 */
class SendKillIT {
    private static final int KILLS = 50;
    private static final List<String> RECIPIENTS =
            IntStream.rangeClosed(1, 8).mapToObj(i -> "reader" + i + "@to.test").toList();
    private static final Path LAUNCHER = Path.of("target", "briefpipe").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void killedSendsNeverMailTwiceNorLoseARecipient() throws Exception {
        Random random = new Random(20261203);
        try (SmtpStub smtp = new SmtpStub((r, n) -> null, 150)) {
            SampleProject project = ScheduledProject.create(dir.resolve("p"), smtp.port(), "0 0 9 1W * ?");
            project.editConfig(
                    "  to: [" + ScheduledProject.TO + "]\n  cc: [" + ScheduledProject.CC + "]\n  bcc: ["
                            + ScheduledProject.BCC + "]",
                    "  to: [" + String.join(", ", RECIPIENTS) + "]\n  cc: []\n  bcc: []");
            Settings settings = new ConfigLoader().load(project.config());
            Path built = new BriefPipeline(
                            settings, ProgressListener.NONE, new dev.briefpipe.run.FontsFromConfig(settings))
                    .build(
                            settings.findBrief("ai-hegemony").orElseThrow(),
                            project.workbook(),
                            Period.parse("2025-03"),
                            settings.outputDir(),
                            SummaryMode.OFF)
                    .dir();
            // The database made before the first kill: a kill is never during its first migration.
            assertThat(run(project, "runs").waitFor(60, TimeUnit.SECONDS)).isTrue();

            int kills = 0;
            List<Round> rounds = new ArrayList<>();
            while (kills < KILLS) {
                // Each round mails a period of its own, a copy of the build, until a send ends by itself.
                Period period = new Period(YearMonth.of(2025, 3).plusMonths(rounds.size() + 1));
                copy(built, built.resolveSibling(period.toString()));
                Round round = new Round(period, smtp.delivered().size(), new HashSet<>());
                while (true) {
                    int before = smtp.transactions();
                    Process send = run(project, "send", "--period", period.toString(), "-q");
                    boolean kill = random.nextInt(8) != 0;
                    if (kill) {
                        // A random moment of the run: mostly in a transaction, sometimes before the first.
                        int wanted = random.nextInt(3);
                        Poll.until(
                                Duration.ofSeconds(60),
                                () -> smtp.transactions() >= before + wanted || !send.isAlive());
                        Thread.sleep(random.nextInt(200)); // where in the transaction the kill lands
                    }
                    if (kill && send.isAlive()) {
                        send.toHandle().destroyForcibly();
                        assertThat(send.waitFor(30, TimeUnit.SECONDS)).isTrue();
                        kills++;
                        // The transaction a kill cuts is the one the ledger holds as sending: one at most.
                        List<String> sending = sending(settings, period);
                        assertThat(sending)
                                .as("transactions open at kill %d", kills)
                                .hasSizeLessThanOrEqualTo(1);
                        round.cut().addAll(sending);
                        continue;
                    }
                    assertThat(send.waitFor(120, TimeUnit.SECONDS)).isTrue();
                    break;
                }
                rounds.add(round.ended(smtp.delivered()));
            }

            int unknown = 0;
            try (BriefService service = BriefService.open(settings, ProgressListener.NONE)) {
                // The sends killed after their run began are found dead and marked so, none left running.
                service.markInterrupted();
                var runs = service.runs().list("ai-hegemony", 1000);
                assertThat(runs).noneMatch(r -> r.status() == RunStatus.RUNNING);
                // Each says why in the brief's language (Korean).
                assertThat(runs)
                        .filteredOn(r -> r.status() == RunStatus.INTERRUPTED)
                        .isNotEmpty()
                        .allSatisfy(r -> assertThat(r.error()).startsWith("실행하던 프로세스가"));
                for (Round round : rounds) {
                    Map<String, DeliveryState> states = new TreeMap<>();
                    service.ledger()
                            .list("ai-hegemony", round.period())
                            .forEach(x -> states.put(x.recipient(), x.state()));
                    assertThat(states.keySet())
                            .as("every recipient of %s", round.period())
                            .containsExactlyInAnyOrderElementsOf(RECIPIENTS);
                    for (String r : RECIPIENTS) {
                        long got = round.received().stream().filter(r::equals).count();
                        String at = round.period() + " " + r;
                        assertThat(got).as("%s: no duplicate", at).isLessThanOrEqualTo(1);
                        DeliveryState state = states.get(r);
                        assertThat(state).as(at).isIn(DeliveryState.SENT, DeliveryState.UNKNOWN);
                        if (state == DeliveryState.SENT) {
                            assertThat(got).as("%s: sent, so received", at).isEqualTo(1);
                        } else {
                            unknown++;
                            assertThat(round.cut())
                                    .as("%s unknown: its transaction was cut", at)
                                    .contains(r);
                        }
                    }
                }
            }
            System.out.printf(
                    "SendKillIT: %d kills over %d rounds of %d recipients; %d messages, 0 duplicates, 0 lost, %d unknown%n",
                    kills, rounds.size(), RECIPIENTS.size(), smtp.delivered().size(), unknown);
        }
    }

    @Test
    void aSendKilledWhileWaitingToRetryARefusalLeavesThatRecipientToTheNextSend() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (SmtpStub smtp =
                new SmtpStub((r, n) -> refuse.get() && r.equals(ScheduledProject.TO) ? "451 4.3.0 try later" : null)) {
            SampleProject project = ScheduledProject.create(dir.resolve("p"), smtp.port(), "0 0 9 1W * ?");
            Path app = project.config().resolve("briefpipe.yaml");
            Files.writeString(app, Files.readString(app).replace("backoffMillis: 300", "backoffMillis: 60000"));
            Settings settings = new ConfigLoader().load(project.config());
            new BriefPipeline(settings, ProgressListener.NONE, new dev.briefpipe.run.FontsFromConfig(settings))
                    .build(
                            settings.findBrief("ai-hegemony").orElseThrow(),
                            project.workbook(),
                            Period.parse("2025-03"),
                            settings.outputDir(),
                            SummaryMode.OFF);
            Path log = project.root().resolve("sends.log");
            Process send = run(project, "send", "--period", "2025-03");
            // The retry's notice is printed once the refusal is in the ledger: the process now waits a minute.
            Poll.until(Duration.ofSeconds(60), () -> {
                try {
                    return Files.exists(log) && Files.readString(log).contains("다시 시도 1/4");
                } catch (IOException e) {
                    return false;
                }
            });
            send.toHandle().destroyForcibly();
            assertThat(send.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sending(settings, Period.parse("2025-03")))
                    .as("a refused recipient is not in doubt")
                    .isEmpty();

            refuse.set(false);
            Process again = run(project, "send", "--period", "2025-03", "-q");
            assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).as(Files.readString(log)).isZero();
            assertThat(smtp.delivered())
                    .containsExactlyInAnyOrder(ScheduledProject.TO, ScheduledProject.CC, ScheduledProject.BCC);
        }
    }

    /** One period mailed through kills: where the server's record of it starts, who was cut, what arrived. */
    private record Round(Period period, int from, Set<String> cut, List<String> received) {
        Round(Period period, int from, Set<String> cut) {
            this(period, from, cut, List.of());
        }

        Round ended(List<String> delivered) {
            return new Round(period, from, cut, List.copyOf(delivered.subList(from, delivered.size())));
        }
    }

    /** The recipients the ledger holds as sending, read straight from the embedded database. */
    private static List<String> sending(Settings settings, Period period) throws java.sql.SQLException {
        String url = "jdbc:h2:async:" + settings.resolve(settings.app().state()).resolve("briefpipe");
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
                var ps = c.prepareStatement(
                        "SELECT recipient FROM bp_deliveries WHERE state='sending' AND period=? AND kind='brief'")) {
            ps.setString(1, period.toString());
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static Process run(SampleProject project, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", project.config().toString(), "--brief", "ai-hegemony"));
        return new ProcessBuilder(command)
                .directory(project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        project.root().resolve("sends.log").toFile()))
                .start();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }
}
