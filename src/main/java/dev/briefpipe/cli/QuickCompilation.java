package dev.briefpipe.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.LoggerFactory;

/**
 * A one-shot run on a small workbook leaves HotSpot's optimising compiler (C2) out. Such a run
 * executes most of its code once or a few times, and C2 cost more CPU than the run itself: a cold
 * {@code build} of the sample brief spent some 3 s of its 6.5 s of CPU in C2, on a machine of two
 * cores. With only the quick compiler (C1) the same build takes about 30 % less time.
 *
 * <p>There is no JVM option to pass ({@code java -jar} stays as it is): the run adds a compiler
 * directive (JEP 165) through the JVM's standard {@code DiagnosticCommand} MBean, as {@code jcmd
 * <pid> Compiler.directives_add} would. Getting the MBean server takes a fifth of a second, so it is
 * got on a second thread at start. For {@code build} and {@code validate} the directive is added as
 * soon as the server is there, before the config is read (C2 would otherwise compile start-up code),
 * and taken out again ({@link #decline}) when the workbook turns out large (read by streaming). The
 * scheduler, {@code watch}, and runs embedded in another program or in tests keep C2. Where the MBean
 * or the command is missing (another JVM), nothing changes.
 *
 * <p>Better still is no C2 at all: a JVM started with {@code -XX:TieredStopAtLevel=1} compiles each
 * method once, with C1 and without profiling, where the directive has C1 compile it with profiling
 * first and again without once C2 turns it away (the sample brief's build: some 1,500 methods twice,
 * 2 s of C1's CPU). That takes a JVM option, so it is for the second JVM of a {@code java -jar} run
 * ({@link ClassDataLauncher}), which starts with the quick compiler only unless the last run on the
 * same workbook (same folder, {@code --config}, {@code --brief} and {@code --workbook}; the period
 * may differ) noted it large, in a file the launcher names. A quick JVM that finds its workbook large
 * notes so and stops before any work (exit {@link ClassDataLauncher#RELAUNCH}), and the launcher
 * starts it again with C2: a first run on a large workbook pays some 0.4 s once, where every first
 * run on a small one would otherwise pay C2's (0.35 s of the sample build's 2.45 s).
 */
final class QuickCompilation {
  private static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";
  private static final Object LOCK = new Object();
  private static CompletableFuture<MBeanServer> server;
  private static boolean added;
  private static boolean declined;

  private QuickCompilation() {}

  /**
   * From {@link Main#launch} only (a command-line run): starts getting the MBean server on a daemon
   * thread, and with {@code early} adds the directive as soon as it is there.
   */
  static void prepare(boolean early) {
    if (quickOnly()) {
      return; // no C2 in this JVM: no directive to add
    }
    CompletableFuture<MBeanServer> s = CompletableFuture.supplyAsync(ManagementFactory::getPlatformMBeanServer, task -> {
      Thread t = new Thread(task, "quick-compilation");
      t.setDaemon(true);
      t.start();
    });
    synchronized (LOCK) {
      server = s;
      added = false;
      declined = false;
    }
    if (early) {
      s.thenAccept(QuickCompilation::add);
    }
  }

  /** The workbook is small: C2 stays out from here on (the directive is added now if it is not yet). */
  static void apply() {
    note(false);
    CompletableFuture<MBeanServer> s;
    synchronized (LOCK) {
      s = server;
    }
    if (s == null) {
      return;
    }
    try {
      add(s.get(5, TimeUnit.SECONDS));
    } catch (Exception e) {
      LoggerFactory.getLogger(QuickCompilation.class).debug("compiler directive not added: {}", e.toString());
    }
  }

  /** The workbook is large: C2 is wanted, so a directive added early is taken out again. */
  static void decline() {
    note(true);
    if (quickOnly()) {
      // Nothing has been read or written yet: the launcher runs the command again, with C2.
      Runtime.getRuntime().exit(ClassDataLauncher.RELAUNCH);
    }
    synchronized (LOCK) {
      declined = true;
      if (added) {
        added = false;
        remove(server.join());
      }
    }
  }

  /** Whether this JVM was started with the quick compiler only. */
  private static boolean quickOnly() {
    return Boolean.getBoolean(ClassDataLauncher.QUICK_PROPERTY);
  }

  /** Notes for the launcher's next run whether the workbook was large (a file there, or none). */
  private static void note(boolean large) {
    String hint = System.getProperty(ClassDataLauncher.HINT_PROPERTY);
    if (hint == null) {
      return;
    }
    try {
      Path p = Path.of(hint);
      if (!large) {
        Files.deleteIfExists(p);
      } else if (!Files.exists(p)) {
        Files.createFile(p);
      }
    } catch (java.io.IOException | RuntimeException e) {
      LoggerFactory.getLogger(QuickCompilation.class).debug("compiler hint not noted: {}", e.toString());
    }
  }

  private static void add(MBeanServer mbeans) {
    synchronized (LOCK) {
      if (added || declined) {
        return;
      }
      Path file = null;
      try {
        file = Files.createTempFile("briefpipe-compiler-", ".json");
        Files.writeString(file, DIRECTIVE);
        dcmd(mbeans, "compilerDirectivesAdd", file.toString());
        added = true;
      } catch (Exception | LinkageError e) {
        LoggerFactory.getLogger(QuickCompilation.class).debug("compiler directive not added: {}", e.toString());
      } finally {
        if (file != null) {
          try {
            Files.deleteIfExists(file);
          } catch (java.io.IOException ignored) {
            // a temporary file of 40 bytes
          }
        }
      }
    }
  }

  private static void remove(MBeanServer mbeans) {
    try {
      dcmd(mbeans, "compilerDirectivesRemove");
    } catch (Exception | LinkageError e) {
      LoggerFactory.getLogger(QuickCompilation.class).debug("compiler directive not removed: {}", e.toString());
    }
  }

  private static void dcmd(MBeanServer mbeans, String op, String... args) throws Exception {
    mbeans.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), op, new Object[] {args},
        new String[] {String[].class.getName()});
  }
}
