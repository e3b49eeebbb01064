package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.LetterComposer;
import dev.briefpipe.deliver.MailTransport;
import dev.briefpipe.deliver.MimeFactory;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.deliver.SmtpTransport;
import dev.briefpipe.export.report.FindingText;
import dev.briefpipe.export.report.HtmlReportWriter;
import dev.briefpipe.export.report.WorkbookAnnotator;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final Supplier<DeliveryLedger> ledger;

    /**
     * @param transports makes the transport for a folder (an outbox when no SMTP host is set)
     * @param ledger the delivery ledger, asked for when a letter is sent (the database may still be opening)
     */
    PeriodLetters(Settings settings, Function<Path, MailTransport> transports, Supplier<DeliveryLedger> ledger) {
        this.settings = settings;
        this.transports = transports;
        this.ledger = ledger;
    }

    /**
     * Sends the brief built in {@code dir} to its readers, once each: the PDF is checked against the
     * build's manifest first, and its key figures are read from there.
     */
    Deliverer.Outcome brief(BriefConfig brief, Period period, Path dir, Resend resend) throws IOException {
        Path manifestFile = dir.resolve(Publications.MANIFEST);
        if (!Files.exists(manifestFile)) {
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT,
                    "no build for " + brief.id() + " " + period + " in " + dir + " (run build first)",
                    null);
        }
        Manifest m = Manifest.read(manifestFile);
        Manifest.FileEntry pdfEntry = m.output(Manifest.Kind.PDF)
                .orElseThrow(() -> new DeliveryException(
                        DeliveryException.Kind.PERMANENT, "the build in " + dir + " has no PDF", null));
        Path pdf = dir.resolve(pdfEntry.path());
        byte[] bytes = Files.readAllBytes(pdf);
        String sha = dev.briefpipe.io.FileHashes.sha256(bytes);
        if (!sha.equals(pdfEntry.sha256())) {
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT, pdf + " differs from its manifest; rebuild it", null);
        }
        List<KeyFigure> figures = new ArrayList<>();
        for (Manifest.Figure f : m.figures()) {
            String format = brief.summary() == null
                    ? null
                    : brief.summary().figures().stream()
                            .filter(x -> x.id().equals(f.id()))
                            .map(BriefConfig.Figure::format)
                            .findFirst()
                            .orElse(null);
            figures.add(new KeyFigure(f.id(), f.label(), f.value(), f.unit(), format, null, null));
        }
        LetterComposer letters = new LetterComposer(brief, settings.app().mail().from());
        try (MailTransport transport = transports.apply(dir.resolve("outbox"))) {
            MimeMessage msg = MimeFactory.build(
                    session(transport),
                    letters.brief(
                            m.title(),
                            period,
                            bytes,
                            sha,
                            figures,
                            host(),
                            resend.selection() != Resend.Selection.NONE));
            return deliverer(transport).deliver(brief.id(), period, "brief", sha, msg, recipients(brief), resend);
        }
    }

    /**
     * Sends the validation report (the HTML page and the annotated workbook) to the brief's analysts;
     * empty when it has none or the letter could not be sent (logged).
     */
    Optional<Deliverer.Outcome> report(BriefConfig brief, Period period, DataInvalidException e) {
        if (brief.delivery() == null || brief.delivery().analysts().isEmpty()) {
            return Optional.empty();
        }
        try {
            Messages ko = Messages.of(Messages.Lang.KO);
            FindingText text = new FindingText(ko);
            byte[] html = new HtmlReportWriter(ko).write(e.report()).getBytes(StandardCharsets.UTF_8);
            Path wb = e.report().workbook();
            byte[] original = Files.readAllBytes(wb);
            byte[] annotated = new WorkbookAnnotator(ko).annotate(original, e.report());
            String sha = dev.briefpipe.io.FileHashes.sha256(original);
            List<String> lines = e.report().findings().stream()
                    .filter(dev.briefpipe.model.Finding::isError)
                    .limit(20)
                    .map(f -> f.at() + ": " + text.message(f))
                    .toList();
            Path dir = settings.outputDir()
                    .resolve(brief.id())
                    .resolve(period.toString())
                    .resolve("reports");
            LetterComposer letters =
                    new LetterComposer(brief, settings.app().mail().from());
            try (MailTransport transport = transports.apply(dir)) {
                MimeMessage msg = MimeFactory.build(
                        session(transport),
                        letters.report(
                                brief.title(),
                                period,
                                e.report().errorCount(),
                                lines,
                                html,
                                annotated,
                                wb.getFileName().toString(),
                                sha,
                                host()));
                return Optional.of(deliverer(transport)
                        .deliver(
                                brief.id(),
                                period,
                                "report-" + sha.substring(0, 12),
                                sha,
                                msg,
                                brief.delivery().analysts(),
                                Resend.NONE));
            }
        } catch (IOException | RuntimeException x) {
            log.error(
                    "{} {}: could not send the validation report to the analysts: {}",
                    brief.id(),
                    period,
                    x.toString(),
                    x);
            return Optional.empty();
        }
    }

    private Deliverer deliverer(MailTransport transport) {
        return new Deliverer(
                ledger.get(),
                transport,
                settings.app().mail().retries(),
                settings.app().mail().backoffMillis());
    }

    private static Session session(MailTransport t) {
        return t instanceof SmtpTransport s ? s.session() : Session.getInstance(new Properties());
    }

    /** To, cc and bcc, each once. */
    static List<String> recipients(BriefConfig brief) {
        if (brief.delivery() == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>(brief.delivery().to());
        all.addAll(brief.delivery().cc());
        all.addAll(brief.delivery().bcc());
        return all.stream().distinct().toList();
    }

    /** This machine's name, in letters and node names. */
    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
