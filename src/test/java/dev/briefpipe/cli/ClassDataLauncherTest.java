package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When and how {@code build} and {@code validate} start a second JVM with a class-data archive. */
class ClassDataLauncherTest {
  @TempDir Path dir;
  private Path jar;
  private Map<String, String> env;

  @BeforeEach
  void jar() throws IOException {
    jar = Files.writeString(dir.resolve("briefpipe.jar"), "not really a jar");
    env = Map.of("BRIEFPIPE_CACHE", dir.resolve("cache").toString());
  }

  private Optional<ClassDataLauncher.Launch> plan(List<String> jvm, String... args) {
    String[] line = java.util.stream.Stream.concat(jvm.stream(), java.util.stream.Stream.of(args)).toArray(String[]::new);
    return ClassDataLauncher.plan(args, "/usr/bin/java", line, env);
  }

  @Test
  void aFirstBuildWritesTheArchiveWithTheSameJvmOptionsJarAndArguments() {
    ClassDataLauncher.Launch l = plan(List.of("-Xmx128m", "-jar", jar.toString()),
        "build", "--brief", "b", "--period", "2025-03").orElseThrow();
    assertThat(l.writing().getParent()).isEqualTo(dir.resolve("cache"));
    assertThat(l.archive().getFileName().toString()).startsWith("build-").endsWith(".jsa");
    assertThat(l.command()).startsWith("/usr/bin/java", "-Xmx128m", "-XX:DumpLoadedClassList=" + l.writing())
        .contains("-Dbriefpipe.cds=child")
        .endsWith("-jar", jar.toAbsolutePath().toString(), "build", "--brief", "b", "--period", "2025-03");
  }

  @Test
  void aCommandRunsOnTheQuickCompilerOnlyUnlessItsLastRunFoundTheWorkbookLarge() throws IOException {
    List<String> jvm = List.of("-Xmx128m", "-jar", jar.toString());
    ClassDataLauncher.Launch first = plan(jvm, "build", "--brief", "b").orElseThrow();
    assertThat(first.quick()).isTrue();
    assertThat(first.command()).contains("-XX:TieredStopAtLevel=1", "-Dbriefpipe.quick-only=true");
    String hintOption = first.command().stream().filter(c -> c.startsWith("-Dbriefpipe.large-note=")).findFirst()
        .orElseThrow();
    assertThat(first.withOptimiser()).doesNotContain("-XX:TieredStopAtLevel=1", "-Dbriefpipe.quick-only=true")
        .contains(hintOption).endsWith("-jar", jar.toAbsolutePath().toString(), "build", "--brief", "b");
    Path hint = Path.of(hintOption.substring(hintOption.indexOf('=') + 1));
    assertThat(hint.getParent()).isEqualTo(dir.resolve("cache"));

    Files.createDirectories(hint.getParent());
    Files.createFile(hint); // what the second JVM leaves when the workbook was large
    ClassDataLauncher.Launch next = plan(jvm, "build", "--brief", "b").orElseThrow();
    assertThat(next.quick()).isFalse();
    assertThat(next.command()).doesNotContain("-XX:TieredStopAtLevel=1", "-Dbriefpipe.quick-only=true")
        .contains(hintOption);

    // The same workbook however else the command line differs (next month's build, say); another brief
    // or workbook, and the other command, have their own note; the user's own compiler options stand.
    assertThat(plan(jvm, "build", "--brief=b", "--period", "2025-04", "--out", "x", "-q").orElseThrow().quick())
        .isFalse();
    assertThat(plan(jvm, "build", "--brief", "other").orElseThrow().quick()).isTrue();
    assertThat(plan(jvm, "build", "--brief", "b", "--workbook", "other.xlsx").orElseThrow().quick()).isTrue();
    assertThat(plan(jvm, "validate", "--brief", "b").orElseThrow().quick()).as("validate notes its own").isTrue();
    for (String own : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint")) {
      ClassDataLauncher.Launch l = plan(List.of(own, "-jar", jar.toString()), "validate", "--brief", "b").orElseThrow();
      assertThat(l.quick()).as(own).isFalse();
      assertThat(l.command()).as(own).doesNotContain("-XX:TieredStopAtLevel=1");
    }
  }

  @Test
  void whatKilledRunsLeftIsSweptButNotWhatLiveOnesAreWriting() throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    long dead = deadPid();
    long live = ProcessHandle.current().pid();
    Path deadList = Files.writeString(cache.resolve("validate-0a1b." + dead + ".classlist"), "x");
    Path deadDump = Files.writeString(cache.resolve("validate-0a1b.jsa." + dead + ".tmp"), "x");
    Path liveList = Files.writeString(cache.resolve("validate-0a1b." + live + ".classlist"), "x");
    Path otherCommand = Files.writeString(cache.resolve("build-0a1b." + dead + ".classlist"), "x");
    Path archive = Files.writeString(cache.resolve("validate-0a1b.jsa"), "x");
    Path oldNote = Files.writeString(cache.resolve("validate-9f8e.small"), "");
    Path largeNote = Files.writeString(cache.resolve("validate-9f8e.large"), "");
    ClassDataCache.sweep(archive);
    assertThat(oldNote).doesNotExist();
    assertThat(largeNote).exists();
    assertThat(deadList).doesNotExist();
    assertThat(deadDump).doesNotExist();
    assertThat(liveList).exists();
    assertThat(otherCommand).exists();
    assertThat(archive).exists();
  }

  @Test
  void aNewArchiveReplacesTheCommandsOlderOnesButTheOneUsedLast() throws IOException {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    long now = System.currentTimeMillis();
    Path oldest = archive(cache, "validate-0000000000000001.jsa", now - 30_000);
    Path lastUsed = archive(cache, "validate-0000000000000002.jsa", now - 10_000);
    Path older = archive(cache, "validate-0000000000000003.jsa", now - 20_000);
    Path otherCommand = archive(cache, "build-0000000000000004.jsa", now - 40_000);
    Path written = Files.writeString(cache.resolve("validate-0000000000000005.jsa.123.tmp"), "new");
    ClassDataCache.keep(written, cache.resolve("validate-0000000000000005.jsa"));
    assertThat(cache.resolve("validate-0000000000000005.jsa")).hasContent("new");
    assertThat(written).doesNotExist();
    assertThat(lastUsed).exists();
    assertThat(oldest).doesNotExist();
    assertThat(older).doesNotExist();
    assertThat(otherCommand).exists();
  }

  private static Path archive(Path cache, String name, long modified) throws IOException {
    Path p = Files.writeString(cache.resolve(name), name);
    Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(modified));
    return p;
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws IOException {
    Process p = new ProcessBuilder("true").start();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return p.pid();
  }

  @Test
  void theArchiveIsWrittenUnderTheOptionsThatShapeItNotUnderLogging() {
    ClassDataLauncher.Launch l = plan(List.of("-Xmx128m", "-XX:+UseSerialGC", "-Xlog:gc", "-Dx=y", "-jar",
        jar.toString()), "build").orElseThrow();
    assertThat(l.dumpOptions()).containsExactly("-Xmx128m", "-XX:+UseSerialGC");
  }

  @Test
  void theArchiveIsWrittenInTheBackgroundAtTheLowestPriorityWhereThereAreAShellAndANice() throws IOException {
    ClassDataLauncher.Launch l = plan(List.of("-Xmx128m", "-jar", jar.toString()), "build").orElseThrow();
    Path lock = dir.resolve("lock");
    Path nice = executable("nice");
    Path shell = executable("sh");
    Path none = dir.resolve("none");
    List<String> dump = List.of("/usr/bin/java", "-Xshare:auto", "-cp", jar.toAbsolutePath().normalize().toString(),
        ClassDataCache.Dump.class.getName(), l.writing().toString(), l.archive().toString(), lock.toString(), "-Xmx128m");
    List<String> background = List.of(shell.toString(), "-c", "\"$@\" </dev/null >/dev/null 2>&1 &", "briefpipe-dump");
    List<String> niced = List.of(nice.toString(), "-n", "19");
    assertThat(ClassDataCache.dumpCommand(l, lock, List.of(none, nice), shell))
        .containsExactlyElementsOf(concat(background, niced, dump));
    assertThat(ClassDataCache.dumpCommand(l, lock, List.of(none, nice), none)).containsExactlyElementsOf(concat(niced, dump));
    assertThat(ClassDataCache.dumpCommand(l, lock, List.of(none), none)).containsExactlyElementsOf(dump);
  }

  /** The shell line really leaves the command running and returns at once. */
  @Test
  void theShellLineReturnsWhileTheCommandRunsOn() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ClassDataCache.SHELL));
    Path done = dir.resolve("done");
    List<String> cmd = concat(List.of(ClassDataCache.SHELL.toString(), "-c", "\"$@\" </dev/null >/dev/null 2>&1 &", "x"),
        List.of("/bin/sh", "-c", "sleep 2; touch " + done));
    assertThat(new ProcessBuilder(cmd).start().waitFor()).isZero();
    assertThat(done).doesNotExist();
    for (int i = 0; i < 200 && !Files.exists(done); i++) {
      Thread.sleep(50);
    }
    assertThat(done).exists();
  }

  private Path executable(String name) throws IOException {
    Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\nexec \"$@\"\n");
    p.toFile().setExecutable(true);
    return p;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  @Test
  void laterRunsMapTheArchiveTheFirstWrote() throws IOException {
    ClassDataLauncher.Launch first = plan(List.of("-jar", jar.toString()), "validate").orElseThrow();
    Files.createDirectories(first.archive().getParent());
    Files.writeString(first.archive(), "archive");
    ClassDataLauncher.Launch next = plan(List.of("-jar", jar.toString()), "validate").orElseThrow();
    assertThat(next.writing()).isNull();
    assertThat(next.command()).contains("-XX:SharedArchiveFile=" + first.archive())
        .noneMatch(a -> a.startsWith("-XX:DumpLoadedClassList"));
  }

  @Test
  void theArchiveIsNamedByJarAndJvmOptions() throws IOException {
    Path a = plan(List.of("-jar", jar.toString()), "build").orElseThrow().archive();
    Path b = plan(List.of("-Xmx1g", "-jar", jar.toString()), "build").orElseThrow().archive();
    assertThat(a).isNotEqualTo(b);
    Files.writeString(jar, "a newer jar, of another size");
    assertThat(plan(List.of("-jar", jar.toString()), "build").orElseThrow().archive()).isNotEqualTo(a);
  }

  @Test
  void otherCommandsHelpAndNonJarRunsAreNotRelaunched() {
    assertThat(plan(List.of("-jar", jar.toString()), "schedule", "run")).isEmpty();
    assertThat(plan(List.of("-jar", jar.toString()), "watch", "--brief", "b")).isEmpty();
    assertThat(plan(List.of("-jar", jar.toString()), "build", "--help")).isEmpty();
    assertThat(plan(List.of("-jar", jar.toString()))).isEmpty();
    assertThat(plan(List.of("-cp", jar.toString(), "dev.briefpipe.cli.Main"), "build")).isEmpty();
  }

  @Test
  void theUsersOwnArchiveAgentOrDebuggerIsLeftAlone() {
    for (String option : List.of("-XX:SharedArchiveFile=x.jsa", "-Xshare:off", "-javaagent:a.jar",
        "-agentlib:jdwp=transport=dt_socket", "-Dbriefpipe.cds=child")) {
      assertThat(plan(List.of(option, "-jar", jar.toString()), "build")).as(option).isEmpty();
    }
  }

  @Test
  void offInTheEnvironmentOrAnUnknownCommandLineMeansNoRelaunch() {
    env = Map.of("BRIEFPIPE_CACHE", dir.toString(), "BRIEFPIPE_CDS", "off");
    assertThat(plan(List.of("-jar", jar.toString()), "build")).isEmpty();
    env = Map.of("BRIEFPIPE_CACHE", dir.toString());
    String[] args = {"build"};
    assertThat(ClassDataLauncher.plan(args, null, new String[] {"-jar", jar.toString(), "build"}, env)).isEmpty();
    assertThat(ClassDataLauncher.plan(args, "/usr/bin/java", null, env)).isEmpty();
    // The JVM's line does not end in these arguments: not a line this launcher understands.
    assertThat(ClassDataLauncher.plan(args, "/usr/bin/java", new String[] {"-jar", jar.toString(), "x", "build"}, env))
        .isEmpty();
  }

  @Test
  void theCacheIsBriefpipesOwnThenXdgThenHome() {
    assertThat(ClassDataLauncher.cacheDir(Map.of("BRIEFPIPE_CACHE", "/c", "XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/c"));
    assertThat(ClassDataLauncher.cacheDir(Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/x/briefpipe"));
    assertThat(ClassDataLauncher.cacheDir(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "briefpipe"));
  }
}
