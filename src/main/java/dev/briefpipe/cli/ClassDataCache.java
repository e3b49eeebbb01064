package dev.briefpipe.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data cache's housekeeping, for {@link ClassDataLauncher}: writing an archive in the
 * background, putting it in place, and deleting what is no longer wanted (older archives, and what
 * runs killed part way left).
 */
final class ClassDataCache {
  private ClassDataCache() {}

  /**
   * Writes an archive from a list of classes, in the background: {@code Dump list archive lock
   * jvmOptions…}. The archive is written beside its name and moved into place when whole; the list and
   * the lock are deleted, and the same command's older archives but the one used last.
   */
  static final class Dump {
    private Dump() {}

    public static void main(String[] args) throws Exception {
      Path list = Path.of(args[0]);
      Path archive = Path.of(args[1]);
      Path lock = Path.of(args[2]);
      Path writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      try {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args).subList(3, args.length));
        cmd.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + writing,
            "-Xlog:cds=off", "-cp", System.getProperty("java.class.path")));
        int code = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (code == 0 && Files.isRegularFile(writing) && Files.size(writing) > 0) {
          keep(writing, archive);
        }
      } finally {
        Files.deleteIfExists(writing);
        Files.deleteIfExists(list);
        Files.deleteIfExists(lock);
        sweep(archive);
      }
    }
  }

  /**
   * Deletes what runs of the archive's command that were killed part way left: class lists and half
   * written archives whose process is gone (their names carry its pid); and earlier versions' notes.
   */
  static void sweep(Path archive) throws IOException {
    String name = archive.getFileName().toString();
    String command = name.substring(0, name.indexOf('-') + 1);
    try (DirectoryStream<Path> stray = Files.newDirectoryStream(archive.getParent(), command + "*.{classlist,tmp}")) {
      for (Path p : stray) {
        String[] parts = p.getFileName().toString().split("\\.");
        long pid;
        try {
          pid = Long.parseLong(parts[parts.length - 2]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
          Files.deleteIfExists(p);
        }
      }
    }
    // Notes of small workbooks, from versions that noted those rather than large ones.
    try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), command + "*.small")) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * The archive just written becomes the command's archive. Of the same command's others, the one used
   * last stays (two installed versions of briefpipe then keep their own, instead of each run of one
   * writing over the other's); older ones go.
   */
  static void keep(Path writing, Path archive) throws IOException {
    Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    String command = archive.getFileName().toString();
    command = command.substring(0, command.indexOf('-') + 1);
    List<Path> others = new ArrayList<>();
    try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), command + "*.jsa")) {
      for (Path p : old) {
        if (!p.equals(archive)) {
          others.add(p);
        }
      }
    }
    Path last = null;
    for (Path p : others) {
      if (last == null || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(last)) > 0) {
        last = p;
      }
    }
    for (Path p : others) {
      if (!p.equals(last)) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Where {@code nice} is on a Unix-like system; the dump runs at normal priority without it. */
  static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));
  /** The shell that puts the dump in the background, where there is one. */
  static final Path SHELL = Path.of("/bin/sh");

  /** Marks an archive as used now: the one used last is kept when another is written. */
  static void touch(Path archive) {
    try {
      Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException | RuntimeException e) {
      // read-only cache: the archive is still used, only perhaps dropped sooner
    }
  }

  /**
   * After a first run: when it succeeded (a failed one may have stopped before most classes were
   * loaded), starts {@link Dump} in a JVM that outlives this one; else drops the list.
   */
  static void dumpInBackground(ClassDataLauncher.Launch l, boolean succeeded) {
    Path lock = l.archive().resolveSibling(l.archive().getFileName() + ".lock");
    try {
      if (!succeeded || !Files.isRegularFile(l.writing()) || !claim(lock)) {
        Files.deleteIfExists(l.writing());
        return;
      }
      List<String> cmd = dumpCommand(l, lock, NICE, SHELL);
      // In the cache, not in the folder of the run: the dump outlives it, and that folder may be gone
      // (a scratch folder) before the dump's JVM has started.
      Process started = new ProcessBuilder(cmd).directory(l.archive().getParent().toFile())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (cmd.get(0).equals(SHELL.toString())) {
        started.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(l.writing());
        Files.deleteIfExists(lock);
      } catch (IOException ignored) {
        // a stray file in the cache, replaced by the next first run
      }
    }
  }

  /**
   * The command that starts the {@link Dump} JVM: through {@code shell}, when there is one, which puts
   * it in the background and returns; by the first of {@code nice} there is, at the lowest priority (the
   * dump takes some seconds of a core, and the next run, a {@code build} just after a {@code validate}
   * say, should not wait for it).
   */
  static List<String> dumpCommand(ClassDataLauncher.Launch l, Path lock, List<Path> nice, Path shell) {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(shell)) {
      // Put in the background by a shell that returns at once. A JVM that exits while a process it
      // started still runs waits 0.3 s for the thread waiting on that process (HotSpot gives threads
      // in native code up to 300 ms to settle at exit): a third of a second on every first run.
      cmd.addAll(List.of(shell.toString(), "-c", "\"$@\" </dev/null >/dev/null 2>&1 &", "briefpipe-dump"));
    }
    nice.stream().filter(Files::isExecutable).findFirst().ifPresent(n -> cmd.addAll(List.of(n.toString(), "-n", "19")));
    cmd.addAll(List.of(l.command().get(0), "-Xshare:auto", "-cp", l.jar().toString(),
        Dump.class.getName(), l.writing().toString(), l.archive().toString(), lock.toString()));
    cmd.addAll(l.dumpOptions());
    return cmd;
  }

  /** Whether this run may write the archive: no other is writing it (or one has been at it too long). */
  private static boolean claim(Path lock) throws IOException {
    try {
      Files.createFile(lock);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (Files.getLastModifiedTime(lock).toMillis() < System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(10)) {
        Files.delete(lock);
        return claim(lock);
      }
      return false;
    }
  }
}
