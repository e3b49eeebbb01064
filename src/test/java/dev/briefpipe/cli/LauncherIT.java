package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private static boolean staging(Path out) {
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(f -> f.getFileName().toString().contains(".staging-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static Process start(SampleProject project, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.root().resolve("run.log").toFile())
                .start();
    }
}
