package dev.briefpipe.run;

import dev.briefpipe.failure.WorkbookReadException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs work on a file under a wall-clock limit: past it, the work is abandoned with a clear reason. */
final class WithinTime {
    private WithinTime() {}

    static <T> T run(Supplier<T> work, long timeoutMillis, Path file) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "workbook-stream");
            t.setDaemon(true);
            return t;
        });
        try {
            return worker.submit(work::get).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new WorkbookReadException(file, "timeout", timeoutMillis / 1000 + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw new WorkbookReadException(file, "unreadable", err.toString(), err);
            }
            throw new WorkbookReadException(file, "unreadable", String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkbookReadException(file, "unreadable", "interrupted", e);
        } finally {
            worker.shutdownNow();
        }
    }
}
