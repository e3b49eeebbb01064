package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar target/briefpipe.jar validate} as users run it: after the first run the command's
 * class-data archive is written in the background, the next run maps it, and what the second JVM
 * prints and exits with is the run's.
 * Each JVM logs the classes it loads (JVM option {@code -Xlog:class+load}, the same on every run, so
 * the archive's name is the same): classes mapped from the archive say so.
 */
class ClassDataLauncherIT {
  private static final Path JAR = Path.of("target", "briefpipe.jar").toAbsolutePath();
  @TempDir Path dir;
  private SampleProject project;
  private Path cache;
  private Path logs;

  @BeforeEach
  void copy() throws IOException {
    project = SampleProject.copyInto(dir.resolve("p"));
    cache = dir.resolve("cache");
    logs = Files.createDirectories(dir.resolve("logs"));
  }

  private record Run(int code, String out, String err) {}

  private Run run(String cds, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + logs.resolve("classes-%p.txt"), "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.root().toFile());
    pb.environment().put("BRIEFPIPE_CACHE", cache.toString());
    pb.environment().put("BRIEFPIPE_CDS", cds);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    int code = p.waitFor();
    return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<Path> classLogs() throws IOException {
    try (Stream<Path> s = Files.list(logs)) {
      return s.toList();
    }
  }

  private boolean mappedFromTheArchive() throws IOException {
    for (Path log : classLogs()) {
      if (Files.readString(log).contains("dev.briefpipe.cli.ValidateCommand source: shared objects file")) {
        return true;
      }
    }
    return false;
  }

  private List<Path> largeNotes() throws IOException {
    if (!Files.isDirectory(cache)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".large")).toList();
    }
  }

  /**
   * Whether a JVM among those that logged after the first {@code before} had C2: such a run gets the
   * MBean server (for the compiler directive), one on the quick compiler only never does.
   */
  private boolean anyWithC2(int before) throws IOException {
    List<Path> all = new ArrayList<>(classLogs());
    all.sort(java.util.Comparator.comparing(p -> {
      try {
        return Files.getLastModifiedTime(p);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }));
    for (Path log : all.subList(before, all.size())) {
      if (Files.readString(log).contains("com.sun.jmx.mbeanserver.JmxMBeanServer ")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aSmallWorkbookRunsOnTheQuickCompilerAndOneFoundLargeIsRunAgainWithC2AndNotedSo() throws Exception {
    Run small = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(small.code()).as(small.err()).isZero();
    assertThat(classLogs()).as("launcher and one second JVM").hasSize(2);
    assertThat(anyWithC2(0)).as("the quick compiler only").isFalse();
    assertThat(largeNotes()).isEmpty();

    // The workbook is now read by streaming, as a large one: the quick JVM stops, one with C2 runs it.
    Path app = project.config().resolve("briefpipe.yaml");
    String yaml = Files.readString(app);
    assertThat(yaml).contains("  streamAboveMegabytes:");
    Files.writeString(app, yaml.replaceFirst("(?m)^  streamAboveMegabytes:.*$", "  streamAboveMegabytes: 0"));
    Run grown = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(grown.code()).as(grown.err()).isZero();
    assertThat(grown.out()).isEqualTo(small.out());
    assertThat(grown.err()).doesNotContain("Exception");
    assertThat(classLogs()).as("launcher, the quick JVM that stopped, the one with C2").hasSize(5);
    assertThat(anyWithC2(2)).isTrue();
    assertThat(largeNotes()).as("noted large").hasSize(1);

    Run after = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(after.code()).isZero();
    assertThat(classLogs()).as("straight to a JVM with C2").hasSize(7);
    assertThat(anyWithC2(5)).isTrue();

    // Small again: that run (with C2) removes the note, and the next is on the quick compiler only.
    Files.writeString(app, yaml);
    Run shrunk = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(shrunk.code()).isZero();
    assertThat(largeNotes()).isEmpty();
    Run quick = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(quick.out()).isEqualTo(small.out());
    assertThat(classLogs()).hasSize(11);
    assertThat(anyWithC2(9)).isFalse();
  }

  @Test
  void theFirstRunWritesTheArchiveAndTheNextMapsIt() throws Exception {
    Run first = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("valid");
    assertThat(classLogs()).hasSize(2);
    assertThat(mappedFromTheArchive()).isFalse();
    // Written in the background: a few seconds, and the list and lock are gone after.
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    List<String> names;
    do {
      Thread.sleep(200);
      try (Stream<Path> s = Files.list(cache)) {
        names = s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".large")).toList();
      }
    } while (!(names.size() == 1 && names.get(0).endsWith(".jsa")) && System.nanoTime() < until);
    assertThat(names).singleElement().asString().startsWith("validate-").endsWith(".jsa");

    for (Path log : classLogs()) {
      Files.delete(log);
    }
    Run second = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(mappedFromTheArchive()).isTrue();
  }

  @Test
  void theSecondJvmsExitCodeAndMessagesAreTheRuns() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.xlsx"), "not a workbook");
    Run r = run("on", "--lang", "en", "validate", "--brief", SampleProject.BRIEF, "--workbook", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.xlsx").doesNotContain("Exception");
    assertThat(classLogs()).hasSize(2);
    // A failed run's list is not kept: it may have stopped before most classes were loaded.
    try (Stream<Path> s = Files.exists(cache) ? Files.list(cache) : Stream.empty()) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void aCacheThatCannotBeMadeMeansOneJvmAndNoWarning() throws Exception {
    cache = Files.writeString(dir.resolve("a-file"), "").resolve("cache");
    Run r = run("on", "--lang", "en", "validate", "-q", "--brief", SampleProject.BRIEF);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(classLogs()).hasSize(1);
  }

  @Test
  void offRunsInOneJvm() throws Exception {
    Run r = run("off", "--lang", "en", "validate", "--brief", SampleProject.BRIEF);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(classLogs()).hasSize(1);
    assertThat(Files.exists(cache)).isFalse();
  }
}
