package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the README documents ({@code target/briefpipe}): one JVM, nothing left behind. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "briefpipe").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheCommandInOneJvmAndPassesItsExitCode() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Process p = start(project, "validate", "--brief", "ai-hegemony", "-q");
        assertThat(p.waitFor()).isZero();
        Process bad = start(project, "validate", "--brief", "no-such-brief");
        assertThat(bad.waitFor()).isEqualTo(2);
    }

    @Test
    void theLauncherRunsThroughALinkPutOnThePath() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("briefpipe"), LAUNCHER);
        Process p = new ProcessBuilder(bin.resolve("briefpipe").toString(), "validate", "--brief", "ai-hegemony", "-q")
                .directory(project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.root().resolve("run.log").toFile())
                .start();
        assertThat(p.waitFor())
                .as(Files.readString(project.root().resolve("run.log")))
                .isZero();
    }

    @Test
    void killNineOfARunningBuildLeavesNoBriefpipeProcessBehind() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        byte[] before = Files.readAllBytes(project.workbook());
        Path out = project.root().resolve("output").resolve("ai-hegemony");
        Process p = start(project, "build", "--brief", "ai-hegemony", "--period", "2025-03", "--summary", "in-place");
        // Mid-run: the build has begun writing its staging folder.
        Poll.until(Duration.ofSeconds(60), () -> staging(out) || !p.isAlive());
        assertThat(p.isAlive()).as("the build is still running when killed").isTrue();
        List<ProcessHandle> family =
                Stream.concat(Stream.of(p.toHandle()), p.descendants()).toList();
        p.toHandle().destroyForcibly();
        assertThat(p.waitFor()).isEqualTo(137);
        Poll.until(Duration.ofSeconds(30), () -> family.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(family).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.readAllBytes(project.workbook())).isEqualTo(before);
        assertThat(out.resolve("2025-03")).doesNotExist();
    }

    @Test
    void whatABuildTellsItsReaderIsNotRepeatedOnTheTerminalAsAnEnglishLogLine() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        String[] build = {"build", "--brief", "ai-hegemony", "--period", "2025-03", "--summary", "in-place", "-q"};
        assertThat(start(project, build).waitFor()).isZero();
        project.setCell("요약", "J2", "내 메모");
        assertThat(start(project, build).waitFor()).isZero();
        assertThat(Files.readString(project.root().resolve("run.log")))
                .contains("J2에 있던 내용은 새 요약에 없습니다")
                .doesNotContain("WARN", "leaves empty");
    }

    @Test
    void scheduleOnceFromCronSaysALineABriefAndKeepsItsLogInItsFile() throws Exception {
        // cron mails what a job prints: each call printed some 30 log lines, Quartz's banner among them.
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        assertThat(start(project, "schedule", "--once").waitFor()).isZero();
        assertThat(Files.readString(project.root().resolve("run.log")).lines())
                .hasSize(2) // the sample's two briefs
                .allMatch(line -> line.matches("ai-(hegemony|chips) \\d{4}-\\d{2}: 시험 발송\\(outbox\\)"));
        assertThat(project.root().resolve(".briefpipe/logs/briefpipe.log"))
                .content()
                .contains("INFO", "Quartz Scheduler", "ScheduledRuns");
        // -q: nothing while all is well (the period done, this fire run).
        assertThat(start(project, "schedule", "--once", "-q").waitFor()).isZero();
        assertThat(project.root().resolve("run.log")).isEmptyFile();
    }

    @Test
    void aServerSetToAnotherLanguageCalendarAndTimeZoneMakesTheSameBrief() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        String[] build = {"build", "--brief", "ai-hegemony", "--period", "2025-03", "-q", "--out"};
        assertThat(start(project, Map.of(), concat(build, "here")).waitFor()).isZero();
        Path here = project.root().resolve("here").resolve("ai-hegemony").resolve("2025-03");
        // Arabic writes Arabic-Indic digits; ja_JP_JP counts years by the Japanese imperial calendar.
        List<String> servers = List.of(
                "-Duser.language=ar -Duser.country=SA", "-Duser.language=ja -Duser.country=JP -Duser.variant=JP");
        for (String jvm : servers) {
            String there = "there-" + servers.indexOf(jvm);
            Process p = start(project, Map.of("JAVA_OPTS", jvm, "TZ", "Pacific/Kiritimati"), concat(build, there));
            assertThat(p.waitFor())
                    .as(jvm + ": " + Files.readString(project.root().resolve("run.log")))
                    .isZero();
            Path built = project.root().resolve(there).resolve("ai-hegemony").resolve("2025-03");
            try (Stream<Path> files = Files.walk(here)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = here.relativize(f).toString();
                    // The manifest records when the build ran, and the summary sheet when it was refreshed.
                    if (!name.equals("manifest.json") && !name.endsWith(".xlsx")) {
                        assertThat(built.resolve(name)).as(jvm + ": " + name).hasSameBinaryContentAs(f);
                    }
                }
            }
        }
    }

    @Test
    void aWorkbookInAHangulFolderIsReadFromTheCLocaleOfCronOrAService() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("정책 브리프"));
        Map<String, String> cLocale = Map.of("LC_ALL", "C", "LANG", "C");
        Path log = project.root().resolve("run.log");
        assertThat(start(project, cLocale, "validate", "--brief", "ai-hegemony", "-q")
                        .waitFor())
                .as(Files.readString(log))
                .isZero();
        // The jar run directly in that locale cannot name the folder, and says why before anything else.
        ProcessBuilder direct = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                LAUNCHER.resolveSibling("briefpipe.jar").toString(),
                "validate",
                "--brief",
                "ai-hegemony");
        direct.environment().putAll(cLocale);
        Process p = direct.directory(project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(Files.readAllLines(log).get(0)).startsWith("경고:").contains("LANG=C.UTF-8");
    }

    @Test
    void aLanguageInTheEnvironmentThatIsNeitherKoNorEnIsRefusedAsTheOptionIs() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Path log = project.root().resolve("run.log");
        Process p = start(project, Map.of("BRIEFPIPE_LANG", "fr"), "validate", "--brief", "ai-hegemony", "-q");
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("BRIEFPIPE_LANG", "'fr'", "ko, en");
        // The option decides when it is given, as it always has.
        assertThat(start(project, Map.of("BRIEFPIPE_LANG", "fr"), "validate", "--brief", "ai-hegemony", "--lang", "en")
                        .waitFor())
                .isZero();
        assertThat(Files.readString(log)).contains("valid");
    }

    private static String[] concat(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }

    private static boolean staging(Path out) {
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(f -> f.getFileName().toString().contains(".staging-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Process start(SampleProject project, String... args) throws IOException {
        return start(project, Map.of(), args);
    }

    private static Process start(SampleProject project, Map<String, String> env, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb.directory(project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.root().resolve("run.log").toFile())
                .start();
    }
}
