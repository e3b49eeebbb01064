package dev.briefpipe.deliver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who was served a period's letters, kept in the period's folder beside the PDF as well as in the
 * ledger: one tab-separated line a delivery (time, kind, mailbox, Message-ID). A database lost,
 * restored from an older backup or left behind when the project moved knows nothing of a mailbox this
 * file names, and the mailbox is then not mailed again on the database's word alone.
 */
public final class SentRecord {
    private static final Logger log = LoggerFactory.getLogger(SentRecord.class);
    private static final String HEADER = "time\tkind\trecipient\tmessage-id";
    private final Path file;
    /** When each kind and mailbox (in lower case) was served. */
    private final Map<String, String> sent = new HashMap<>();

    public SentRecord(Path file) {
        this.file = file;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 3 && !line.equals(HEADER)) {
                    sent.putIfAbsent(key(f[1], f[2]), f[0]);
                }
            }
        } catch (NoSuchFileException e) {
            // nothing sent for this period yet
        } catch (IOException | UncheckedIOException e) {
            log.warn("{} cannot be read ({}); the ledger alone says who was served", file, e.toString());
        }
    }

    public Path file() {
        return file;
    }

    /** When this file says the mailbox was served this kind of letter. */
    Optional<String> sent(String kind, String recipient) {
        return Optional.ofNullable(sent.get(key(kind, recipient)));
    }

    /** Adds a delivery the server accepted; a file that cannot be written is logged (the ledger has it). */
    void add(String kind, String recipient, String messageId) {
        String time = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            String line = (ch.size() == 0 ? HEADER + "\n" : "") + time + "\t" + kind + "\t" + recipient + "\t"
                    + messageId + "\n";
            ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
        } catch (IOException e) {
            log.warn(
                    "{}: the delivery to {} is not recorded here ({}); the ledger has it",
                    file,
                    recipient,
                    e.toString());
        }
    }

    private static String key(String kind, String recipient) {
        return kind + "\t" + recipient.toLowerCase(Locale.ROOT);
    }
}
