package dev.briefpipe.workbook;

import dev.briefpipe.io.FileHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A streamed workbook's file as it was when opened: every later pass over it, and its hash, are
 * refused once its size or time has changed.
 */
record OpenedFile(Path file, long size, long modified) {
  static OpenedFile of(Path file) throws IOException {
    return new OpenedFile(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }

  /** Throws {@code changed-while-reading} when the file is no longer the one that was opened. */
  void requireUnchanged() throws IOException {
    if (Files.size(file) != size || Files.getLastModifiedTime(file).toMillis() != modified) {
      throw new WorkbookReadException(file, "changed-while-reading", null, null);
    }
  }

  /** The hash, worked out now on a thread beside the reading: for a caller that will need it. */
  Supplier<String> hashBeside() {
    CompletableFuture<String> sha = CompletableFuture.supplyAsync(this::hash, task -> {
      Thread t = new Thread(task, "workbook-hash");
      t.setDaemon(true);
      t.start();
    });
    return () -> {
      try {
        return sha.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    };
  }

  /** The hash, worked out on first ask, of the file as it was opened. */
  Supplier<String> hashWhenAsked() {
    return new Supplier<>() {
      private String sha;

      @Override
      public synchronized String get() {
        if (sha == null) {
          try {
            requireUnchanged();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          sha = hash();
        }
        return sha;
      }
    };
  }

  private String hash() {
    try {
      return FileHashes.sha256(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
