package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.Letter;
import dev.briefpipe.deliver.LetterComposer;
import dev.briefpipe.deliver.MailTransport;
import dev.briefpipe.deliver.MimeFactory;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.deliver.SentRecord;
import dev.briefpipe.export.report.FindingText;
import dev.briefpipe.export.report.HtmlReportWriter;
import dev.briefpipe.export.report.WorkbookAnnotator;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.publish.Publications;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The letters of a period, for {@link BriefService}: the brief to its readers, or the validation
 * report to its analysts, each delivered through the ledger (once per recipient).
 */
final class PeriodLetters {
    private static final Logger log = LoggerFactory.getLogger(PeriodLetters.class);
    private final Settings settings;
    private final Function<Path, MailTransport> transports;
    static final String REPORT = "report-"; // the ledger kind of a validation report, then its sha256
    private final DeliveryLedger ledger;
    private final ProgressListener progress;
    private final MailLimit limit;

    /** @param transports makes the transport for a folder (an outbox when no SMTP host is set) */
    PeriodLetters(
            Settings settings,
            Function<Path, MailTransport> transports,
            DeliveryLedger ledger,
            ProgressListener progress) {
        this.settings = settings;
        this.transports = transports;
        this.ledger = ledger;
        this.progress = progress;
        this.limit = new MailLimit(settings.app().mail().maxMessageMegabytes());
    }

    /**
     * Sends the brief built in {@code dir} to its readers, once each: the PDF is checked against the
     * build's manifest first, and its key figures are read from there.
     *
     * @param approved the SHA-256 of the PDF an approver approved: any other PDF is refused
     */
    Deliverer.Outcome brief(BriefConfig brief, Period period, Path dir, Resend resend, Optional<String> approved)
            throws IOException {
        LetterComposer.Contents contents =
                LetterContents.read(brief, period, dir, settings.app().mail().from());
        if (approved.isPresent() && !approved.get().equals(contents.pdfSha256())) {
            throw new DeliveryException(Phrase.of("send.not-approved", approved.get(), contents.pdfSha256()));
        }
        BriefConfig.DeliveryConfig d = brief.delivery();
        try (MailTransport transport = transports.apply(dir.resolve(Publications.OUTBOX))) {
            MimeMessage msg =
                    compose(brief, contents, resend.selection() != Resend.Selection.NONE, d.to(), d.cc(), transport);
            return deliverer(brief, transport)
                    .recordingIn(new SentRecord(dir.resolve(Publications.DELIVERIES)))
                    .deliver(brief.id(), period, "brief", contents.pdfSha256(), msg, brief.readers(), resend);
        }
    }

    /**
     * A corrected edition, to exactly the readers who got the first ({@code served}), once each: its own
     * ledger kind per corrected PDF, its subject marked as a correction, in reply to the first letter
     * ({@code first}, its Message-ID).
     */
    Deliverer.Outcome correction(BriefConfig brief, Period period, Path dir, List<String> served, String first)
            throws IOException {
        LetterComposer.Contents contents =
                LetterContents.read(brief, period, dir, settings.app().mail().from());
        BriefConfig.DeliveryConfig d = brief.delivery();
        List<String> to =
                d.to().stream().filter(a -> BriefConfig.holds(served, a)).toList();
        List<String> cc =
                d.cc().stream().filter(a -> BriefConfig.holds(served, a)).toList();
        try (MailTransport transport = transports.apply(dir.resolve(Publications.OUTBOX))) {
            MimeMessage msg = compose(brief, contents, true, to, cc, transport);
            MimeFactory.correcting(msg, Messages.forLocale(brief.locale()).get("correction.subject"), first);
            String sha = contents.pdfSha256();
            return deliverer(brief, transport)
                    .recordingIn(new SentRecord(dir.resolve(Publications.DELIVERIES)))
                    .deliver(brief.id(), period, "correction-" + sha.substring(0, 12), sha, msg, served, Resend.NONE);
        }
    }

    /**
     * {@code send --test}: the brief's very message, to one address only, never recorded as a delivery
     * (its Message-ID is its own, so no reader's copy is taken for it).
     *
     * @return what the server said, or the outbox file written
     */
    String test(BriefConfig brief, Period period, Path dir, String address) throws IOException {
        LetterComposer.Contents contents =
                LetterContents.read(brief, period, dir, settings.app().mail().from());
        try (MailTransport transport = transports.apply(dir.resolve(Publications.OUTBOX + "/test"))) {
            MimeMessage msg = compose(brief, contents, true, List.of(address), List.of(), transport);
            return transport.send(msg, MimeFactory.address(address));
        }
    }

    /**
     * Tells the brief's owners of a period, once per distinct thing ({@code same}: the failure, not the run
     * that met it): {@code alert}, what went wrong (a failed run, a missed deadline); {@code late}, a brief
     * sent after its deadline. Never fails the caller (a letter that cannot go is logged): false then.
     */
    boolean owners(BriefConfig brief, Period period, String kind, String same, String text) {
        Deliverer.Outcome o = notice(brief, period, brief.delivery().owners(), kind, same, text, List.of());
        return o == null ? brief.delivery().owners().isEmpty() : o.failed().isEmpty();
    }

    /**
     * Asks the approvers for the period's PDF, or reminds them that it still waits, once per PDF (its
     * sha256) each, saying the {@code deadline} when one is known (the sentence); true when mailed now.
     */
    boolean approvalWanted(BriefConfig brief, Period period, String pdfSha256, boolean reminder, String deadline) {
        String kind = reminder ? "reminder" : "approval";
        Messages words = Messages.forLocale(brief.locale());
        String text = (reminder ? words.get("notice.reminder") + "\n\n" : "")
                + words.get("notice.approval", page(brief, period), period, pdfSha256)
                + (deadline == null ? "" : "\n\n" + deadline);
        LetterContents.ForApproval asked = LetterContents.forApproval(brief, period, settings, pdfSha256);
        if (!asked.figures().isEmpty()) {
            text += "\n\n" + words.get(asked.heading()) + "\n- " + String.join("\n- ", asked.figures());
        }
        if (!asked.corrects().isEmpty()) { // a corrected edition: approving it sends it to the first one's readers
            text += "\n\n" + words.get("notice.approval.correction") + "\n- " + String.join("\n- ", asked.corrects());
        }
        var o = notice(brief, period, brief.delivery().approvers(), kind, kind + " " + pdfSha256, text, asked.pdf());
        return o != null && !o.dryRun() && !o.sent().isEmpty();
    }

    /**
     * Tells the analysts of the period (a rejection and why, a deadline near: and where to upload a fix;
     * or, {@code mended}, that their workbook went through).
     */
    void analysts(BriefConfig brief, Period period, String kind, String same, String why) {
        String upload = Messages.forLocale(brief.locale()).get("letter.report.console", page(brief, period));
        String text = settings.app().consoleUrl().isEmpty() || kind.equals("mended") ? why : why + "\n\n" + upload;
        notice(brief, period, brief.delivery().analysts(), kind, same, text, List.of());
    }

    /** @return what became of it; null when nobody is to be told, or it could not be made (logged) */
    private Deliverer.Outcome notice(
            BriefConfig brief,
            Period period,
            List<String> to,
            String kind,
            String same,
            String text,
            List<Letter.Attachment> files) {
        if (to.isEmpty()) {
            return null;
        }
        try {
            String sha = FileHashes.sha256(same.getBytes(StandardCharsets.UTF_8));
            Path dir = reports(brief, period);
            var letters = new LetterComposer(brief, settings.app().mail().from());
            try (MailTransport transport = transports.apply(dir)) {
                Function<List<Letter.Attachment>, MimeMessage> letter = with -> MimeFactory.build(
                        transport.session(), letters.notice(to, period, text, kind, sha, BriefService.host(), with));
                MimeMessage msg = letter.apply(files);
                if (!files.isEmpty() && MimeFactory.size(msg) > limit.of(transport)) {
                    msg = letter.apply(List.of()); // the console holds the PDF all the same
                }
                return deliverer(brief, transport)
                        .deliver(brief.id(), period, kind + "-" + sha.substring(0, 12), sha, msg, to, Resend.NONE);
            }
        } catch (RuntimeException x) {
            log.error("{} {}: could not send the {} letter ({}): {}", brief.id(), period, kind, text, x.toString(), x);
            return null;
        }
    }

    /** The brief's letter, within the size limit: as it is, with links instead of files, or not at all. */
    private MimeMessage compose(
            BriefConfig brief,
            LetterComposer.Contents c,
            boolean unique,
            List<String> to,
            List<String> cc,
            MailTransport transport) {
        LetterComposer letters = new LetterComposer(brief, settings.app().mail().from());
        MimeMessage msg =
                MimeFactory.build(transport.session(), letters.brief(c, BriefService.host(), unique, to, cc, false));
        long limit = this.limit.of(transport);
        boolean serverBound = limit < this.limit.configured(); // the server said less than the config
        long size = MimeFactory.size(msg);
        if (size > limit
                && "link".equals(brief.delivery().oversize())
                && !c.links().isEmpty()) {
            msg = MimeFactory.build(transport.session(), letters.brief(c, BriefService.host(), unique, to, cc, true));
            size = MimeFactory.size(msg);
        }
        if (size > limit) {
            throw new DeliveryException(Phrase.of(
                    serverBound ? "send.too-large-for-server" : "send.too-large",
                    String.format(Locale.ROOT, "%.2f", size / 1048576.0),
                    String.format(Locale.ROOT, "%.2f", limit / 1048576.0),
                    transport.describe()));
        }
        return msg;
    }

    /**
     * Sends the validation report (the HTML page and the annotated workbook) to the brief's analysts;
     * empty when it has none or the letter could not be sent (logged).
     */
    Optional<Deliverer.Outcome> report(BriefConfig brief, Period period, DataInvalidException e) {
        if (brief.delivery().analysts().isEmpty()) {
            return Optional.empty();
        }
        try {
            Messages words = Messages.forLocale(brief.locale());
            FindingText text = new FindingText(words);
            byte[] html = new HtmlReportWriter(words).write(e.report()).getBytes(StandardCharsets.UTF_8);
            Path wb = e.report().workbook();
            byte[] original = Files.readAllBytes(wb);
            // Without the annotated copy when this workbook cannot be rewritten: the report still goes.
            byte[] annotated = new WorkbookAnnotator(words)
                    .tryAnnotate(original, e.report())
                    .orElse(null);
            String sha = FileHashes.sha256(original);
            List<String> lines = e.report().findings().stream()
                    .filter(dev.briefpipe.model.Finding::isError)
                    .limit(20)
                    .map(f -> f.at() + ": " + text.message(f))
                    .toList();
            Path dir = reports(brief, period);
            var letters = new LetterComposer(brief, settings.app().mail().from());
            try (MailTransport transport = transports.apply(dir)) {
                Function<byte[], MimeMessage> letter = copy -> MimeFactory.build(
                        transport.session(),
                        letters.report(
                                brief.title(),
                                period,
                                e.report().errorCount(),
                                lines,
                                html,
                                copy,
                                wb.getFileName().toString(),
                                sha,
                                BriefService.host(),
                                settings.app().consoleUrl().isEmpty() ? "" : page(brief, period)));
                MimeMessage msg = letter.apply(annotated);
                if (annotated != null && MimeFactory.size(msg) > limit.of(transport)) {
                    msg = letter.apply(null); // the report alone goes, and says why the copy does not
                }
                String kind = REPORT + sha.substring(0, 12);
                List<String> to = brief.delivery().analysts();
                return Optional.of(
                        deliverer(brief, transport).deliver(brief.id(), period, kind, sha, msg, to, Resend.NONE));
            }
        } catch (IOException | RuntimeException x) {
            log.error("{} {}: could not send the validation report to the analysts: {}", brief.id(), period, x, x);
            return Optional.empty();
        }
    }

    private Deliverer deliverer(BriefConfig brief, MailTransport transport) {
        return new Deliverer(
                ledger,
                transport,
                settings.app().mail().retries(),
                settings.app().mail().backoffMillis(),
                Messages.forLocale(brief.locale()),
                progress::note);
    }

    /** Where a period's letters to analysts and owners are written when there is no SMTP host. */
    private Path reports(BriefConfig brief, Period period) {
        return new Publications(settings.outputDir()).folder(brief.id(), period).resolve("reports");
    }

    /** The brief's page for a period in the console, where its users reach it (else its path alone). */
    private String page(BriefConfig brief, Period period) {
        return settings.app().consoleUrl() + "/briefs/" + brief.id() + "?period=" + period;
    }
}
