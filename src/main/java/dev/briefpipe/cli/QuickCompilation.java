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
 * got on a second thread at start; the directive itself is added only once the workbook is known to be
 * small. A large workbook (read by streaming), the scheduler, and runs embedded in another program or in
 * tests keep C2. Where the MBean or the command is missing (another JVM), nothing changes.
 */
final class QuickCompilation {
  private static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";
  private static volatile CompletableFuture<MBeanServer> server;

  private QuickCompilation() {}

  /** From {@link Main#launch} only (a command-line run): starts getting the MBean server on a daemon thread. */
  static void prepare() {
    server = CompletableFuture.supplyAsync(ManagementFactory::getPlatformMBeanServer, task -> {
      Thread t = new Thread(task, "quick-compilation");
      t.setDaemon(true);
      t.start();
    });
  }

  /** Leaves C2 out from here on, if {@link #prepare} was called; never fails the run. */
  static void apply() {
    CompletableFuture<MBeanServer> s = server;
    if (s == null) {
      return;
    }
    server = null;
    Path file = null;
    try {
      file = Files.createTempFile("briefpipe-compiler-", ".json");
      Files.writeString(file, DIRECTIVE);
      s.get(5, TimeUnit.SECONDS).invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
          "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}},
          new String[] {String[].class.getName()});
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
