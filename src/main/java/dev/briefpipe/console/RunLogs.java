package dev.briefpipe.console;

import dev.briefpipe.store.RunHistory.Run;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's log excerpt: the lines of this node's log file ({@code <state>/logs/briefpipe.log}) that name
 * the run's brief, written between its start and its end. Only the file's last few megabytes are read.
 */
final class RunLogs {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx", Locale.ROOT);
    /** A line written before log lines carried their offset: in this machine's zone. */
    private static final DateTimeFormatter LOCAL_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private static final long TAIL_BYTES = 4L << 20;
    private static final int LINES_PER_RUN = 15;

    private RunLogs() {}

    /** By run id, the excerpt of each run (runs with no line are left out). */
    static Map<Long, List<String>> of(Path log, List<Run> runs) {
        List<Line> lines = read(log);
        Map<Long, List<String>> out = new HashMap<>();
        for (Run r : runs) {
            Instant from = r.started().minusSeconds(1);
            Instant to = (r.finished() == null ? Instant.now() : r.finished()).plusSeconds(1);
            List<String> mine = new ArrayList<>();
            for (Line l : lines) {
                if (!l.at().isBefore(from) && !l.at().isAfter(to) && l.text().contains(r.brief())) {
                    mine.add(l.text());
                }
            }
            if (!mine.isEmpty()) {
                out.put(r.id(), mine.subList(Math.max(0, mine.size() - LINES_PER_RUN), mine.size()));
            }
        }
        return out;
    }

    private record Line(Instant at, String text) {}

    private static List<Line> read(Path log) {
        List<Line> out = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return out;
        }
        String text;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            text = new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return out;
        }
        Instant last = null;
        for (String line : text.lines().toList()) {
            Instant at = stamp(line);
            if (at != null) {
                last = at;
            }
            if (last != null && !line.isBlank()) {
                out.add(new Line(last, line.length() > 400 ? line.substring(0, 400) + "…" : line));
            }
        }
        return out;
    }

    private static Instant stamp(String line) {
        if (line.length() < 23) {
            return null;
        }
        try {
            return OffsetDateTime.parse(line.substring(0, Math.min(30, line.length())), STAMP)
                    .toInstant();
        } catch (DateTimeParseException e) {
            // An older line, with no offset, or no stamp at all.
        }
        try {
            return LocalDateTime.parse(line.substring(0, 23), LOCAL_STAMP)
                    .atZone(ZoneId.systemDefault())
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
