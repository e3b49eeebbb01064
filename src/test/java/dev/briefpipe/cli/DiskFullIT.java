package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.io.FileHashes;
import dev.briefpipe.testing.Browserless;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.ConsoleHarness;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during a build, or is mounted read-only: a real one, a small tmpfs mounted for the test (so it runs as
 * root, as CI does; skipped elsewhere unless {@code BRIEFPIPE_REQUIRE_PEERS} is set). The reader is told
 * which disk, in words (a console user: that the server's disk is full), and nothing is lost or left
 * half-written.
 */
class DiskFullIT {
    @TempDir
    Path dir;

    private SampleProject project;
    private final List<Path> mounted = new ArrayList<>();

    @BeforeEach
    void copyTheSample() throws IOException {
        project = SampleProject.copyInto(dir.resolve("project"));
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path m : mounted) {
            new ProcessBuilder("umount", m.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullOutputDiskIsNamedAndLeavesNothingThere() throws Exception {
        Path out = disk("out", 16);

        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().strip())
                .isEqualTo(out.resolve("ai-hegemony").resolve("2025-03") + ": 디스크에 빈 공간이 없습니다. 공간을 비운 뒤 다시 실행하세요.");
        assertThat(filesIn(out)).isEmpty(); // no half-written staging folder stays to fill the disk
        assertThat(openFilesUnder(out)).isEmpty(); // nor a deleted file still open, holding its space
        // The run history tells it in each reader's language, whatever the brief's.
        assertThat(Cli.run(project, "runs").out()).contains("디스크에 빈 공간이 없습니다").doesNotContain("IOException");
        assertThat(Cli.run(project, "runs", "--lang", "en").out())
                .contains("the disk is full. Free some space")
                .doesNotContain("디스크", "IOException");
    }

    @Test
    void aWorkbookWhoseDiskFillsUpInPlaceStaysAsTheAnalystSavedIt() throws Exception {
        long size = Files.size(project.workbook());
        // Room for the workbook and its backup, not for the refreshed copy beside it.
        Path disk = disk("workbooks", 2 * ((size + 4095) / 4096) + 2);
        Path workbook = Files.copy(project.workbook(), disk.resolve("ai-hegemony.xlsx"));
        String before = FileHashes.sha256(workbook);

        Cli.Result r = Cli.run(
                project, "build", "--period", "2025-03", "--workbook", workbook.toString(), "--summary", "in-place");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo(workbook + ": 디스크에 빈 공간이 없습니다. 공간을 비운 뒤 다시 실행하세요.");
        assertThat(FileHashes.sha256(workbook)).isEqualTo(before);
        assertThat(filesIn(disk).stream().map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        assertThat(project.root().resolve("output/ai-hegemony/2025-03")).doesNotExist();
    }

    @Test
    void aDiskMountedReadOnlyIsNamedAsSuchNotAsAPermission() throws Exception {
        Path disk = disk("share", 64);
        Path workbook = Files.copy(project.workbook(), disk.resolve("ai-hegemony.xlsx"));
        Files.createDirectories(disk.resolve("out"));
        remountReadOnly(disk);
        String before = FileHashes.sha256(workbook);

        Cli.Result inPlace = Cli.run(
                project, "build", "--period", "2025-03", "--workbook", workbook.toString(), "--summary", "in-place");
        assertThat(inPlace.code()).isEqualTo(3);
        assertThat(inPlace.err().strip()).startsWith(workbook + "은(는) 읽기 전용이라 덮어쓰지 않았습니다.");
        assertThat(FileHashes.sha256(workbook)).isEqualTo(before);

        Cli.Result out = Cli.run(
                project,
                "build",
                "--period",
                "2025-03",
                "--out",
                disk.resolve("out").toString());
        assertThat(out.code()).isEqualTo(3);
        assertThat(out.err()).contains("읽기 전용으로 마운트된 디스크입니다").doesNotContain("권한");
    }

    private static void remountReadOnly(Path disk) throws Exception {
        Process p = new ProcessBuilder("mount", "-o", "remount,ro", disk.toString())
                .inheritIO()
                .start();
        assertThat(p.waitFor()).as("remount read-only").isZero();
    }

    @Test
    void aDatabaseWhoseDiskIsFullIsToldSoWithoutTheDatabasesWords() throws Exception {
        Path state = disk(project.root().resolve(".briefpipe"), 16);

        // Its own process, as an operator runs it: the database that failed to open dies with it.
        Process p = new ProcessBuilder(
                        "target/briefpipe", "runs", "--config", project.config().toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(p.waitFor()).isEqualTo(3);
        assertThat(said.strip())
                .isEqualTo("데이터베이스 " + state.resolve("briefpipe.mv.db")
                        + "을(를) 열 수 없습니다. 데이터베이스가 있는 디스크에 빈 공간이 없습니다. 공간을 비운 뒤 다시 실행하세요.");
    }

    @Test
    void anUploadIntoAFullDiskIsToldAndTheWorkingWorkbookStays() throws Exception {
        try (ConsoleHarness h = new ConsoleHarness(dir.resolve("console"), "none")) {
            Path working = h.project.workbook();
            byte[] saved = Files.readAllBytes(working);
            Path upload = dir.resolve("3월 분석본.xlsx");
            Files.write(upload, saved);
            SampleProject.edit(upload, "특허_발명자국가", "D3", 12345);
            // The workbooks' folder becomes a disk with room for what it holds and little more.
            Path aside = Files.createDirectories(dir.resolve("aside"));
            long pages = 4;
            for (Path f : filesIn(working.getParent())) {
                pages += (Files.size(f) + 4095) / 4096;
                Files.move(f, aside.resolve(f.getFileName()));
            }
            disk(working.getParent(), pages);
            for (Path f : filesIn(aside)) {
                Files.copy(f, working.resolveSibling(f.getFileName()));
            }

            HttpResponse<String> r = new Browserless(h.url(""))
                    .upload(
                            "/api/briefs/ai-hegemony/workbook",
                            upload,
                            Map.of(),
                            Browserless.basic("analyst", ConsoleHarness.PASSWORD));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(507);
            assertThat(r.body()).isEqualTo("{\"error\":\"서버의 디스크에 빈 공간이 없어 이 요청을 마치지 못했습니다. 운영자에게 알려 주세요.\"}");
            assertThat(Files.readAllBytes(working)).isEqualTo(saved);
            assertThat(working.getParent()).isDirectoryNotContaining("glob:**/.upload-*");
        }
    }

    private Path disk(String name, long pages) throws Exception {
        return disk(dir.resolve(name), pages);
    }

    /** A tmpfs of {@code pages} pages of 4 KiB, mounted on {@code at}. */
    private Path disk(Path at, long pages) throws Exception {
        Files.createDirectories(at);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + pages * 4 + "k", "tmpfs", at.toString())
                .redirectErrorStream(true)
                .start();
        String said = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            if (System.getenv("BRIEFPIPE_REQUIRE_PEERS") != null) {
                throw new AssertionError("mounting a tmpfs needs root: " + said);
            }
            Assumptions.abort("cannot mount a tmpfs here: " + said);
        }
        mounted.add(at);
        return at;
    }

    /** The files this JVM still has open under {@code root}. */
    private static List<Path> openFilesUnder(Path root) throws IOException {
        List<Path> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(root)) {
                        open.add(target);
                    }
                } catch (IOException gone) {
                    // closed meanwhile (the listing's own descriptor)
                }
            }
        }
        return open;
    }

    private static List<Path> filesIn(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
