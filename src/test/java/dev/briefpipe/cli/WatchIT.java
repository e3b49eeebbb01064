package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.Poll;
import dev.briefpipe.testing.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch}: a save is validated once, lock files are not, and the reports follow the workbook. */
class WatchIT {
    @TempDir
    Path dir;

    @Test
    void eachSaveIsValidatedAndLockFilesAreIgnored() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Path html = dir.resolve("report.html");
        Path annotated = dir.resolve("annotated.xlsx");
        Cli.Running watching = Cli.start(
                project,
                "watch",
                "--report",
                html.toString(),
                "--annotate",
                annotated.toString(),
                "--debounce",
                "200",
                "--max-runs",
                "2");

        waitFor(html);
        assertThat(Files.readString(html)).doesNotContain("fx-mismatch");
        // Excel's and LibreOffice's lock files appear beside the workbook when it is opened: no run.
        Path folder = project.workbook().getParent();
        Files.writeString(folder.resolve("~$" + project.workbook().getFileName()), "lock");
        Files.writeString(folder.resolve(".~lock." + project.workbook().getFileName() + "#"), "lock");
        Thread.sleep(1000);
        // The analyst saves the brief's own slip: 600억 위안 entered as 8.2억 달러.
        project.setCell("투자", "H2", 8.2);

        Cli.Result r = watching.result().get(60, TimeUnit.SECONDS);
        assertThat(r.code()).isZero();
        assertThat(r.out().split("\\[\\d\\d:\\d\\d:\\d\\d]", -1)).hasSize(3);
        assertThat(r.out()).contains("H2", "fx-mismatch");
        assertThat(Files.readString(html)).contains("fx-mismatch");
        assertThat(annotated).isNotEmptyFile();
    }

    @Test
    void aSaveThatIsNotAWorkbookIsReportedAndWatchingGoesOn() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Path html = dir.resolve("report.html");
        byte[] good = Files.readAllBytes(project.workbook());
        Cli.Running watching = Cli.start(
                project,
                "watch",
                "--report",
                html.toString(),
                "--annotate",
                dir.resolve("a.xlsx").toString(),
                "--debounce",
                "200",
                "--max-runs",
                "3");
        waitFor(html);
        Files.write(project.workbook(), new byte[0]);
        // The empty save is told before the good one is written: two saves, two runs.
        Poll.until(Duration.ofSeconds(30), () -> watching.err().toString().contains("0바이트"));
        Files.write(project.workbook(), good);

        Cli.Result r = watching.result().get(60, TimeUnit.SECONDS);
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("0바이트");
        assertThat(r.out().split("\\[\\d\\d:\\d\\d:\\d\\d]", -1)).hasSize(4);
    }

    private static void waitFor(Path file) {
        Poll.until(Duration.ofSeconds(30), () -> Files.exists(file));
    }
}
