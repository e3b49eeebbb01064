package dev.briefpipe.workbook;

import dev.briefpipe.model.RawSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Rows from the parsing thread to the reading one, a batch at a time. */
final class RowPipe {
  private static final int BATCH = 256;
  private static final List<RawSheet.RawRow> END = new ArrayList<>();
  private final java.util.concurrent.BlockingQueue<List<RawSheet.RawRow>> queue =
      new java.util.concurrent.ArrayBlockingQueue<>(4);
  private List<RawSheet.RawRow> batch = new ArrayList<>(BATCH);
  private volatile boolean cancelled;
  private volatile List<RawSheet.Merged> merged;
  private volatile Throwable failure;

  /** On the parsing thread. */
  void put(RawSheet.RawRow row) {
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
    send(END);
  }

  private void send(List<RawSheet.RawRow> rows) {
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
  List<RawSheet.Merged> drain(Consumer<RawSheet.RawRow> action) {
    try {
      while (true) {
        List<RawSheet.RawRow> rows = queue.take();
        if (rows == END) {
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
