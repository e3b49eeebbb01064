package dev.briefpipe.deliver;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Sends one message to each recipient exactly once, by the ledger: a recipient already served is
 * skipped, one left in an unknown state is reported and not resent (unless forced), a temporary
 * failure is retried with doubling waits, a permanent one is recorded for that recipient only.
 * Not thread-safe; runs of a brief do not overlap.
 */
public final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    /**
     * Marks a log line whose news the caller gets back in the {@link Outcome} and tells its reader in
     * their language: the command line keeps it off the terminal (it is in the log file, and on the
     * terminal with {@code -v}).
     */
    public static final String REPORTED_MARKER = "briefpipe-reported";

    private static final Marker REPORTED = MarkerFactory.getMarker(REPORTED_MARKER);

    /** How one recipient's attempts ended: sent, taken by another send while this one waited, or failed. */
    private record Tried(boolean taken, DeliveryException failure) {
        static final Tried SENT = new Tried(false, null);
        static final Tried TAKEN = new Tried(true, null);
    }

    private final DeliveryLedger ledger;
    private final MailTransport transport;
    private final int retries;
    private final long backoffMillis;
    private final Messages words;
    private final Consumer<Phrase> waiting;
    private SentRecord record;

    /**
     * @param words the language a failure is recorded in, in the ledger (the brief's)
     * @param waiting told, in words for the reader, each time a recipient waits for a retry
     */
    public Deliverer(
            DeliveryLedger ledger,
            MailTransport transport,
            int retries,
            long backoffMillis,
            Messages words,
            Consumer<Phrase> waiting) {
        this.ledger = ledger;
        this.transport = transport;
        this.retries = retries;
        this.backoffMillis = backoffMillis;
        this.words = words;
        this.waiting = waiting;
    }

    /**
     * Also keeps who was served in the period's own record, and believes it where the ledger has no row:
     * such a mailbox is reported unknown, not mailed again. A dry run (the outbox) keeps no record.
     */
    public Deliverer recordingIn(SentRecord record) {
        this.record = transport.delivers() ? record : null;
        return this;
    }

    /**
     * What happened to each recipient.
     *
     * @param unsent readers a resend did not pick who have not had this message either: still to be sent
     * @param dryRun the messages went to the outbox, not to anyone
     * @param why for a recipient this call failed to serve, why, in words for the reader
     */
    public record Outcome(
            List<String> sent,
            List<String> skipped,
            List<String> failed,
            List<String> unknown,
            List<String> unsent,
            boolean dryRun,
            Map<String, Phrase> why) {
        public boolean allServed() {
            return failed.isEmpty() && unknown.isEmpty();
        }
    }

    /**
     * @param kind what is sent ("brief", or a report for analysts), part of the ledger key; the outbox
     *     keeps its own kind ("outbox-" before it), so a dry run never counts as a delivery
     * @param resend the recipients to mail again on purpose; with a selection, only those are mailed
     */
    public Outcome deliver(
            String brief,
            Period period,
            String kind,
            String sha256,
            MimeMessage message,
            List<String> recipients,
            Resend resend) {
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> unsent = new ArrayList<>();
        Map<String, Phrase> why = new LinkedHashMap<>();
        String messageId = header(message);
        String key = transport.delivers() ? kind : DeliveryLedger.OUTBOX + kind;
        // A server that could not be reached through one recipient's retries is tried once for the next.
        boolean down = false;
        for (String address : BriefConfig.mailboxes(recipients)) {
            Optional<DeliveryLedger.Entry> before = ledger.find(brief, period, key, address);
            // The mailbox as the ledger spells it, should the config now write it in other case.
            String r = before.map(DeliveryLedger.Entry::recipient).orElse(address);
            boolean force = resend.picks(r, before.map(DeliveryLedger.Entry::state));
            if (resend.selection() != Resend.Selection.NONE && !force) {
                (before.filter(e -> e.state() == DeliveryState.SENT).isPresent() ? skipped : unsent).add(r);
                continue;
            }
            Optional<String> recorded =
                    !force && before.isEmpty() && record != null ? record.sent(kind, r) : Optional.empty();
            if (recorded.isPresent()) {
                // Served by the period's record, unknown to this database: another one, or an older backup.
                if (!ledger.claim(brief, period, key, r, sha256, messageId, false)) {
                    skipped.add(r); // another send has just written its row: that row says what happened
                    continue;
                }
                Phrase said = Phrase.of("send.ledger-forgot", recorded.get(), record.file());
                String told = words.get(said); // as a refusal is: the console shows it as the reply
                ledger.mark(brief, period, key, r, DeliveryState.UNKNOWN, 0, told, told);
                unknown.add(r);
                why.put(r, said);
                continue;
            }
            if (!force && before.isPresent()) {
                DeliveryState state = before.get().state();
                if (state == DeliveryState.SENT) {
                    skipped.add(r);
                    continue;
                }
                if (state == DeliveryState.SENDING || state == DeliveryState.UNKNOWN) {
                    // A crash or a broken connection after the server may have accepted the message.
                    ledger.mark(
                            brief,
                            period,
                            key,
                            r,
                            DeliveryState.UNKNOWN,
                            0,
                            before.get().lastError(),
                            null);
                    unknown.add(r);
                    log.warn(
                            REPORTED,
                            "{} {} {}: delivery to {} is unknown; not resent (check the server's log, then send --resend"
                                    + " --unknown or deliveries --mark-delivered)",
                            brief,
                            period,
                            kind,
                            r);
                    continue;
                }
            }
            if (!ledger.claim(brief, period, key, r, sha256, messageId, force)) {
                skipped.add(r);
                continue;
            }
            Tried tried = attempt(brief, period, key, message, r, down ? 0 : retries);
            DeliveryException failure = tried.failure();
            down = failure != null
                    && SmtpTransport.UNREACHABLE.equals(failure.phrase().key());
            if (tried.taken()) {
                skipped.add(r);
            } else if (failure == null) {
                sent.add(r);
                if (record != null) {
                    record.add(kind, r, messageId);
                }
            } else {
                (failure.kind() == DeliveryException.Kind.UNKNOWN ? unknown : failed).add(r);
                why.put(r, failure.phrase());
            }
        }
        return new Outcome(sent, skipped, failed, unknown, unsent, !transport.delivers(), why);
    }

    /**
     * Sends to one recipient, retrying what may pass later up to {@code allowed} times. Between tries the
     * ledger holds it failed (nothing was delivered); each retry claims it back first.
     */
    private Tried attempt(String brief, Period period, String kind, MimeMessage message, String r, int allowed) {
        InternetAddress to = MimeFactory.address(r);
        long wait = backoffMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                String reply = transport.send(message, to);
                ledger.mark(brief, period, kind, r, DeliveryState.SENT, 1, null, reply);
                log.info("{} {} {}: sent to {} via {}", brief, period, kind, r, transport.describe());
                return Tried.SENT;
            } catch (DeliveryException e) {
                String recorded = words.get(e.phrase()) + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
                if (e.kind() == DeliveryException.Kind.TEMPORARY && attempt <= allowed) {
                    log.warn(
                            REPORTED,
                            "{} {} {}: {} for {}; retrying in {} ms",
                            brief,
                            period,
                            kind,
                            e.getMessage(),
                            r,
                            wait);
                    ledger.failedAttempt(brief, period, kind, r, recorded);
                    waiting.accept(Phrase.of("send.retrying", r, e.phrase(), (wait + 999) / 1000, attempt, allowed));
                    try {
                        Thread.sleep(wait);
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        throw new DeliveryException(
                                DeliveryException.Kind.TEMPORARY, Phrase.of("send.retry-interrupted"), null, stop);
                    }
                    if (!ledger.retake(brief, period, kind, r)) {
                        log.info("{} {} {}: {} taken by another send while waiting", brief, period, kind, r);
                        return Tried.TAKEN;
                    }
                    wait *= 2;
                    continue;
                }
                DeliveryState state =
                        e.kind() == DeliveryException.Kind.UNKNOWN ? DeliveryState.UNKNOWN : DeliveryState.FAILED;
                ledger.mark(brief, period, kind, r, state, 1, recorded, recorded);
                log.error(
                        REPORTED,
                        "{} {} {}: {} to {} after {} attempt(s): {}",
                        brief,
                        period,
                        kind,
                        state,
                        r,
                        attempt,
                        e.getMessage());
                return new Tried(false, e);
            }
        }
    }

    private static String header(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            return null;
        }
    }
}
