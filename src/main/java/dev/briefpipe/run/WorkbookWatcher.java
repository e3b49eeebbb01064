package dev.briefpipe.run;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back each time a workbook has been saved. Spreadsheet programs save in bursts (a temp file, a
 * rename, a lock file), so a save counts once no event has come for the debounce time. Only events
 * for the workbook's own name count: the lock and temp files beside it ({@code ~$name},
 * {@code .~lock.name#}, {@code *.tmp}) are ignored. Where the file system sends no events (some network shares), the file's time and size are
 * also compared every second.
 */
public final class WorkbookWatcher {
    private static final Logger log = LoggerFactory.getLogger(WorkbookWatcher.class);
    private final Path file;
    private final Duration debounce;

    public WorkbookWatcher(Path file, Duration debounce) {
        this.file = file.toAbsolutePath().normalize();
        this.debounce = debounce;
    }

    /**
     * Calls {@code saves} once now, then after each save, until it returns false or the thread is
     * interrupted. Watching starts before the first call, so a save during it is not missed.
     *
     * @param saves returns whether to keep watching
     */
    public void watch(java.util.function.BooleanSupplier saves) throws IOException, InterruptedException {
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            file.getParent()
                    .register(
                            ws,
                            StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
            String last = stamp();
            if (!saves.getAsBoolean()) {
                return;
            }
            long due = -1;
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = ws.poll(
                        due < 0 ? 1000 : Math.max(1, due - System.nanoTime() / 1_000_000), TimeUnit.MILLISECONDS);
                long now = System.nanoTime() / 1_000_000;
                if (key != null) {
                    boolean ours = false;
                    for (WatchEvent<?> e : key.pollEvents()) {
                        Object ctx = e.context();
                        if (ctx instanceof Path p
                                && p.getFileName()
                                        .toString()
                                        .equals(file.getFileName().toString())) {
                            ours = true;
                        } else if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                            ours = true;
                        }
                    }
                    key.reset();
                    if (ours) {
                        due = now + debounce.toMillis();
                    }
                    continue;
                }
                String current = stamp();
                if (due < 0 && !Objects.equals(current, last)) {
                    // No event, but the file changed: a file system without notifications.
                    due = now + debounce.toMillis();
                    continue;
                }
                if (due >= 0 && now >= due) {
                    due = -1;
                    last = current;
                    if (!Files.isRegularFile(file)) {
                        log.info("{} is gone; waiting for it to be saved again", file);
                        continue;
                    }
                    if (!saves.getAsBoolean()) {
                        return;
                    }
                    last = stamp();
                }
            }
        } catch (ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String stamp() {
        try {
            FileTime t = Files.getLastModifiedTime(file);
            return t.toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "";
        }
    }
}
