package dev.briefpipe.workbook;

import dev.briefpipe.model.RawSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Rows (or what was made of them) from the parsing thread to the reading one, a batch at a time. */
final class RowPipe<T> {
  private static final int BATCH = 256;
  private final List<T> end = new ArrayList<>();
  private final java.util.concurrent.BlockingQueue<List<T>> queue = new java.util.concurrent.ArrayBlockingQueue<>(4);
  private List<T> batch = new ArrayList<>(BATCH);
  private volatile boolean cancelled;
  private volatile List<RawSheet.Merged> merged;
  private volatile Throwable failure;

  /** On the parsing thread. */
  void put(T row) {
    batch.add(row);
    if (batch.size() == BATCH) {
      send(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** On the parsing thread, once: the merged regions, or what went wrong. */
  void finish(List<RawSheet.Merged> merged, Throwable failure) {
    this.merged = merged;
    this.failure = failure;
    if (failure == null && !batch.isEmpty()) {
      send(batch);
    }
    send(end);
  }

  private void send(List<T> rows) {
    try {
      while (!cancelled && !queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        // the reader is busy: wait
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("row reading stopped");
    }
  }

  /** On the reading thread: hands out every row, then returns the merged regions. */
  List<RawSheet.Merged> drain(Consumer<T> action) {
    try {
      while (true) {
        List<T> rows = queue.take();
        if (rows == end) {
          break;
        }
        rows.forEach(action);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    }
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return merged;
  }

  void cancel() {
    cancelled = true;
  }
}
