package dev.briefpipe.load;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.model.RawSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Rows from the thread that parses a sheet to the one that reads it, 256 at a time through a short queue. */
final class RowQueue {
    private static final int BATCH = 256;
    private static final List<RawSheet.RawRow> END = List.of();
    private final BlockingQueue<List<RawSheet.RawRow>> queue = new ArrayBlockingQueue<>(4);
    private List<RawSheet.RawRow> batch = new ArrayList<>(BATCH);
    private volatile boolean cancelled;
    private volatile List<RawSheet.Merged> merged;
    private volatile WorkbookReadException failure;

    /** On the parsing thread. */
    void put(RawSheet.RawRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            send(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** On the parsing thread, once: the merged regions, or why the sheet could not be read. */
    void finish(List<RawSheet.Merged> merged, WorkbookReadException failure) {
        this.merged = merged;
        this.failure = failure;
        if (failure == null && !batch.isEmpty()) {
            send(batch);
        }
        send(END);
    }

    private void send(List<RawSheet.RawRow> rows) {
        try {
            while (!cancelled && !queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy: wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("sheet reading stopped");
        }
    }

    /** On the reading thread: hands out every row, then returns the merged regions. */
    List<RawSheet.Merged> drain(Consumer<RawSheet.RawRow> action) {
        try {
            for (List<RawSheet.RawRow> rows = queue.take(); rows != END; rows = queue.take()) {
                rows.forEach(action);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        if (failure != null) {
            throw failure;
        }
        return merged;
    }

    /** The reader is done, early or not: the parsing thread stops waiting. */
    void cancel() {
        cancelled = true;
    }
}
