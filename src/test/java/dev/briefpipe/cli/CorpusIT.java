package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import dev.briefpipe.testing.SampleProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of POI's own test corpus (406 broken and odd spreadsheets, read from
 * {@code ../shared/corpus/poi-spreadsheet} or {@code $BRIEFPIPE_CORPUS}) given to {@code validate}: exit 0,
 * 1 or 2, no stack trace, no library's raw words, within 30 s each in a 512 MB heap. Two JVMs share the
 * files, one per core. The counts go to {@code target/corpus-results.md}.
 */
class CorpusIT {
    private static final Pattern ENGLISH_RUN = Pattern.compile("\\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\\b");

    @TempDir
    Path dir;

    @Test
    void everyFileOfPoisCorpusExitsZeroOneOrTwoWithOneSentenceAndNoTrace() throws Exception {
        Path corpus = corpus();
        Assumptions.assumeTrue(corpus != null, "POI's corpus is not on this machine (set BRIEFPIPE_CORPUS)");
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Path yaml = project.config().resolve("briefpipe.yaml");
        Files.writeString(
                yaml, Files.readString(yaml).replaceFirst("(?m)^  timeoutSeconds:.*$", "  timeoutSeconds: 30"));
        List<Path> files;
        try (var list = Files.list(corpus)) {
            files = list.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(400);
        List<Process> jvms = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            Path results = dir.resolve("results-" + part + ".tsv");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    CorpusRun.class.getName(),
                    project.config().toString(),
                    results.toString()));
            for (int i = part; i < files.size(); i += 2) {
                command.add(files.get(i).toString());
            }
            jvms.add(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("jvm-" + part + ".log").toFile())
                    .start());
            outputs.add(results);
        }
        for (Process p : jvms) {
            assertThat(p.waitFor(15, TimeUnit.MINUTES))
                    .as("the corpus runs finish")
                    .isTrue();
            assertThat(p.exitValue())
                    .as(Files.readString(dir.resolve("jvm-" + jvms.indexOf(p) + ".log")))
                    .isZero();
        }
        Map<Integer, Integer> byCode = new TreeMap<>();
        long slowest = 0;
        List<String[]> rows = new ArrayList<>();
        for (Path o : outputs) {
            for (String line : Files.readAllLines(o, StandardCharsets.UTF_8)) {
                rows.add(line.split("\t", -1));
            }
        }
        assertThat(rows).hasSize(files.size());
        assertSoftly(soft -> {
            for (String[] r : rows) {
                String name = r[0];
                int code = Integer.parseInt(r[1]);
                long millis = Long.parseLong(r[2]);
                String err = unescape(r[3]);
                String printed = err + unescape(r[4]);
                byCode.merge(code, 1, Integer::sum);
                soft.assertThat(code).as("%s exit code", name).isBetween(0, 2);
                soft.assertThat(millis).as("%s time", name).isLessThan(30_000);
                soft.assertThat(err)
                        .as("%s said", name)
                        .doesNotContain("Exception", "\tat ", "Caused by", "java.", "org.");
                soft.assertThat(printed).as("%s printed", name).doesNotContain("Exception:", "\tat ", "Caused by");
                String withoutPath = err.replaceAll("\\S*" + Pattern.quote(name), "");
                soft.assertThat(withoutPath).as("%s in Korean", name).doesNotContainPattern(ENGLISH_RUN);
                if (code == 2) {
                    soft.assertThat(err.strip().lines())
                            .as("%s: one sentence", name)
                            .hasSize(1);
                }
            }
        });
        for (String[] r : rows) {
            slowest = Math.max(slowest, Long.parseLong(r[2]));
        }
        StringBuilder md = new StringBuilder("| exit code | files |\n|---|---|\n");
        byCode.forEach((code, n) ->
                md.append("| ").append(code).append(" | ").append(n).append(" |\n"));
        md.append("\nfiles: ")
                .append(rows.size())
                .append(", stack traces: 0, slowest: ")
                .append(slowest)
                .append(" ms\n");
        Files.writeString(Path.of("target", "corpus-results.md"), md);
        System.out.println(md);
    }

    /** The corpus folder, or null when this machine has none. */
    static Path corpus() {
        String env = System.getenv("BRIEFPIPE_CORPUS");
        for (Path p : new Path[] {
            env == null ? null : Path.of(env),
            Path.of("..", "shared", "corpus", "poi-spreadsheet"),
            Path.of("/work/shared/corpus/poi-spreadsheet")
        }) {
            if (p != null && Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
