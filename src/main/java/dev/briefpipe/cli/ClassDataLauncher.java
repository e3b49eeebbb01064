package dev.briefpipe.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code build} and {@code validate} with an application class-data archive (AppCDS, JEP 310
 * and 350). A cold run of the sample brief loads some 7,800 classes, 6,500 of them from the jar, each
 * read, verified and linked anew; from an archive they are mapped ready-made, and the run takes about
 * a quarter less time. {@code java -jar} cannot carry the JVM option that names the archive, so this
 * JVM starts a second one with it, with the same java, JVM options, jar and arguments, sharing the
 * terminal, and exits with its exit code. The first run of each command lists the classes it loads
 * ({@code -XX:DumpLoadedClassList}); once it has succeeded, a JVM of its own, left running in the
 * background, writes the archive from that list ({@code -Xshare:dump}, some seconds) and moves it into
 * place. Later runs map it. The first run itself is as fast as before.
 *
 * <p>Archives are kept in {@code $BRIEFPIPE_CACHE}, else {@code $XDG_CACHE_HOME/briefpipe}, else
 * {@code ~/.cache/briefpipe}, per command, named by a hash of the java, the jar (path, size, time)
 * and the JVM options: a new jar or JDK writes a new one; of the others only the one used last is kept
 * (see {@link ClassDataCache}). Nothing is
 * relaunched when {@code BRIEFPIPE_CDS=off}, when the JVM was not started with {@code -jar} (tests,
 * embedding), when its options already name an archive or an agent or debugger, or where the JVM's
 * own command line cannot be read. Should the JVM not accept an archive (another build of it, say), it
 * runs without one, silently: the archive only ever makes a run faster.
 */
final class ClassDataLauncher {
  /** Set on the second JVM, so that it runs the command itself. */
  static final String CHILD_PROPERTY = "briefpipe.cds";
  /** Where the second JVM notes that its workbook was large ({@link QuickCompilation}). */
  static final String HINT_PROPERTY = "briefpipe.large-note";
  /** Set when the second JVM runs with the quick compiler only. */
  static final String QUICK_PROPERTY = "briefpipe.quick-only";
  /** The exit of a quick-compiler-only JVM whose workbook turned out large: run again with C2. */
  static final int RELAUNCH = 75;
  private static final String QUICK_ONLY = "-XX:TieredStopAtLevel=1";
  /** JVM options that say how to compile: then the user's choice stands. */
  private static final List<String> COMPILER_OPTIONS = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation",
      "-XX:+TieredCompilation", "-Xint", "-Xcomp", "-XX:CompileThreshold", "-XX:CompilationMode");
  private static final List<String> COMMANDS = List.of("build", "validate");
  /** JVM options under which the user, not briefpipe, decides what the JVM maps or runs. */
  private static final List<String> HANDS_OFF = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
      "-Xshare", "-XX:SharedClassListFile", "-XX:+AutoCreateSharedArchive", "-agentlib", "-agentpath",
      "-javaagent", "-Xdebug", "-Xrunjdwp", "-D" + CHILD_PROPERTY);

  /**
   * The second JVM's command line; its jar; the archive it maps or that is written after it; the list
   * of classes it writes when there is no archive yet (else null); the JVM options an archive is
   * written under; and whether it runs with the quick compiler only (unless the last run on the same
   * workbook, {@link #workbookKey}, found it large).
   */
  record Launch(List<String> command, Path jar, Path archive, Path writing, List<String> dumpOptions, boolean quick) {
    /** The command line without the quick-compiler-only options. */
    List<String> withOptimiser() {
      List<String> again = new ArrayList<>();
      for (String c : command) {
        if (!c.equals(QUICK_ONLY) && !c.startsWith("-D" + QUICK_PROPERTY + "=")) {
          again.add(c);
        }
      }
      return again;
    }
  }

  private ClassDataLauncher() {}

  /**
   * Runs the command in a second JVM with the archive, when it applies.
   *
   * @return that JVM's exit code, or empty when this JVM is to run the command itself
   */
  static OptionalInt run(String[] args) {
    ProcessHandle.Info self = ProcessHandle.current().info();
    Optional<Launch> launch = plan(args, self.command().orElse(null), self.arguments().orElse(null), System.getenv());
    if (launch.isEmpty()) {
      return OptionalInt.empty();
    }
    Launch l = launch.get();
    Process child;
    try {
      // A cache that cannot be written (a read-only home, say): the run goes on in this JVM, rather
      // than in one that warns it cannot write its list of classes.
      if (l.writing() != null
          && !Files.isWritable(Files.createDirectories(l.writing().getParent()))) {
        return OptionalInt.empty();
      }
      child = new ProcessBuilder(l.command()).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
    int code = waitFor(child);
    if (code == RELAUNCH && l.quick()) {
      // The workbook has grown past the streaming size since the last run: it needs C2 after all.
      try {
        code = waitFor(new ProcessBuilder(l.withOptimiser()).inheritIO().start());
      } catch (IOException | RuntimeException e) {
        code = ExitCodes.RUNTIME;
      }
    }
    if (l.writing() != null) {
      ClassDataCache.dumpInBackground(l, code == 0);
    } else {
      ClassDataCache.touch(l.archive());
    }
    return OptionalInt.of(code);
  }

  /** Waits for the second JVM; stopping this one (Ctrl-C, a service manager's TERM) stops it first. */
  private static int waitFor(Process child) {
    // Stopped (Ctrl-C, a service manager's TERM): the second JVM is stopped too, and waited for, so
    // that this one does not return while the other still writes.
    Thread stop = new Thread(() -> {
      if (child.isAlive()) {
        child.destroy();
        try {
          child.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "stop-child");
    Runtime.getRuntime().addShutdownHook(stop);
    int code;
    try {
      code = child.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
    Runtime.getRuntime().removeShutdownHook(stop);
    return code;
  }

  /**
   * The second JVM's command line for this one's, or empty when there is to be none.
   *
   * @param java this JVM's executable; {@code jvmLine} its arguments as given (JVM options, -jar, jar,
   *     then {@code args}); either null when unknown
   */
  static Optional<Launch> plan(String[] args, String java, String[] jvmLine, Map<String, String> env) {
    if (java == null || jvmLine == null || System.getProperty(CHILD_PROPERTY) != null
        || "off".equalsIgnoreCase(env.get("BRIEFPIPE_CDS"))) {
      return Optional.empty();
    }
    String command = Main.command(args);
    if (command == null || !COMMANDS.contains(command) || !Main.loadsConfig(args)) {
      return Optional.empty();
    }
    int jar = List.of(jvmLine).indexOf("-jar");
    if (jar < 0 || jar + 1 >= jvmLine.length || jvmLine.length - jar - 2 != args.length) {
      return Optional.empty();
    }
    List<String> options = List.of(jvmLine).subList(0, jar);
    if (anyStartsWith(options, HANDS_OFF)) {
      return Optional.empty();
    }
    Path jarFile = Path.of(jvmLine[jar + 1]).toAbsolutePath().normalize();
    Path dir = cacheDir(env);
    if (dir == null || !Files.isRegularFile(jarFile)) {
      return Optional.empty();
    }
    String key;
    try {
      key = key(java, jarFile, options);
    } catch (IOException e) {
      return Optional.empty();
    }
    Path archive = dir.resolve(command + "-" + key + ".jsa");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(options);
    Path writing = null;
    if (Files.isRegularFile(archive)) {
      cmd.add("-XX:SharedArchiveFile=" + archive);
    } else {
      writing = dir.resolve(command + "-" + key + "." + ProcessHandle.current().pid() + ".classlist");
      cmd.add("-XX:DumpLoadedClassList=" + writing);
    }
    // The quick compiler alone (C2 would cost more than it saves on a small workbook), unless the same
    // workbook was large last time; the second JVM says where to note what it finds this time. A
    // workbook found large by a quick JVM stops it before any work, and the run starts again with C2.
    Path hint = dir.resolve(command + "-" + workbookKey(args) + ".large");
    boolean quick = !Files.isRegularFile(hint) && !anyStartsWith(options, COMPILER_OPTIONS);
    if (quick) {
      cmd.add(QUICK_ONLY);
      cmd.add("-D" + QUICK_PROPERTY + "=true");
    }
    cmd.add("-D" + HINT_PROPERTY + "=" + hint);
    // The JVM's notes on archives (one that does not fit this JVM, classes it leaves out) stay quiet.
    cmd.add("-Xlog:cds=off");
    cmd.add("-Xlog:cds+dynamic=off");
    cmd.add("-D" + CHILD_PROPERTY + "=child");
    cmd.add("-jar");
    cmd.add(jarFile.toString());
    cmd.addAll(List.of(args));
    // The archive is written under the options that decide its layout (heap, collector, pointers),
    // not under logging or properties.
    List<String> dumpOptions = new ArrayList<>();
    for (String o : options) {
      if ((o.startsWith("-X") && !o.startsWith("-Xlog")) || o.startsWith("-XX:")) {
        dumpOptions.add(o);
      }
    }
    return Optional.of(new Launch(List.copyOf(cmd), jarFile, archive, writing, List.copyOf(dumpOptions), quick));
  }

  static Path cacheDir(Map<String, String> env) {
    String own = env.get("BRIEFPIPE_CACHE");
    if (own != null && !own.isBlank()) {
      return Path.of(own).toAbsolutePath();
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "briefpipe").toAbsolutePath();
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() || home.equals("?") ? null : Path.of(home, ".cache", "briefpipe");
  }

  /**
   * A 64-bit FNV-1a hash of what the archive depends on, in hex: a name, not a safeguard (the JVM checks
   * an archive against itself and the class path), and no MessageDigest, whose providers take some ms
   * to load in the JVM that only starts another.
   */
  private static String key(String java, Path jar, List<String> options) throws IOException {
    return fnv(String.join("\n", java, System.getProperty("java.vm.version", ""), jar.toString(),
        Long.toString(Files.size(jar)), Long.toString(Files.getLastModifiedTime(jar).toMillis()),
        String.join("\u0000", options)));
  }

  /** The options that decide which workbook a run reads (with the folder it runs in). */
  private static final List<String> WORKBOOK_OPTIONS = List.of("--config", "--brief", "--workbook");

  /**
   * Names the workbook a command line reads: its folder and its {@code --config}, {@code --brief} and
   * {@code --workbook}, not the period, output or report options (a monthly build is the same workbook
   * each month). Loops, not streams: this JVM makes no lambda.
   */
  static String workbookKey(String[] args) {
    StringBuilder what = new StringBuilder(System.getProperty("user.dir", ""));
    for (int i = 0; i < args.length; i++) {
      for (String o : WORKBOOK_OPTIONS) {
        if (args[i].equals(o) && i + 1 < args.length) {
          what.append('\u0000').append(o).append('=').append(args[i + 1]);
        } else if (args[i].startsWith(o + "=")) {
          what.append('\u0000').append(args[i]);
        }
      }
    }
    return fnv(what.toString());
  }

  /** Whether any option starts with one of the prefixes. Loops, not streams: this JVM makes no lambda. */
  private static boolean anyStartsWith(List<String> options, List<String> prefixes) {
    for (String o : options) {
      for (String p : prefixes) {
        if (o.startsWith(p)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String fnv(String what) {
    long h = 0xcbf29ce484222325L;
    for (byte b : what.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001b3L;
    }
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }
}
