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
import dev.briefpipe.deliver.SmtpTransport;
import dev.briefpipe.export.report.FindingText;
import dev.briefpipe.export.report.HtmlReportWriter;
import dev.briefpipe.export.report.WorkbookAnnotator;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
        LetterComposer.Contents contents = contents(brief, period, dir);
        BriefConfig.DeliveryConfig d = brief.delivery();
        try (MailTransport transport = transports.apply(dir.resolve("outbox"))) {
            MimeMessage msg =
                    compose(brief, contents, resend.selection() != Resend.Selection.NONE, d.to(), d.cc(), transport);
            return deliverer(transport)
                    .deliver(brief.id(), period, "brief", contents.pdfSha256(), msg, recipients(brief), resend);
        }
    }

    /**
     * {@code send --test}: the brief's very message, to one address only, never recorded as a delivery
     * (its Message-ID is its own, so no reader's copy is taken for it).
     *
     * @return what the server said, or the outbox file written
     */
    String test(BriefConfig brief, Period period, Path dir, String address) throws IOException {
        LetterComposer.Contents contents = contents(brief, period, dir);
        try (MailTransport transport = transports.apply(dir.resolve("outbox").resolve("test"))) {
            MimeMessage msg = compose(brief, contents, true, List.of(address), List.of(), transport);
            return transport.send(msg, MimeFactory.address(address));
        }
    }

    /**
     * Tells the brief's owners what went wrong with a period (a failed run, a missed deadline), once per
     * distinct problem; never fails the caller (a letter that cannot go is logged).
     *
     * @param same what makes two problems the same (the failure, not the run that met it)
     */
    void alert(BriefConfig brief, Period period, String same, String problem) {
        if (brief.delivery() == null || brief.delivery().owners().isEmpty()) {
            return;
        }
        try {
            String sha = FileHashes.sha256(same.getBytes(StandardCharsets.UTF_8));
            Path dir = settings.outputDir()
                    .resolve(brief.id())
                    .resolve(period.toString())
                    .resolve("reports");
            LetterComposer letters =
                    new LetterComposer(brief, settings.app().mail().from());
            try (MailTransport transport = transports.apply(dir)) {
                MimeMessage msg = MimeFactory.build(
                        session(transport), letters.alert(brief.title(), period, problem, sha, host()));
                deliverer(transport)
                        .deliver(
                                brief.id(),
                                period,
                                "alert-" + sha.substring(0, 12),
                                sha,
                                msg,
                                brief.delivery().owners(),
                                Resend.NONE);
            }
        } catch (RuntimeException x) {
            log.error("{} {}: could not tell the owners ({}): {}", brief.id(), period, problem, x.toString(), x);
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
        MimeMessage msg = MimeFactory.build(session(transport), letters.brief(c, host(), unique, to, cc));
        long limit = (long) (settings.app().mail().maxMessageMegabytes() * 1024 * 1024);
        long size = MimeFactory.size(msg);
        if (size > limit
                && "link".equals(brief.delivery().oversize())
                && !c.links().isEmpty()) {
            msg = MimeFactory.build(session(transport), letters.brief(c, host(), unique, to, cc, true));
            size = MimeFactory.size(msg);
        }
        if (size > limit) {
            throw new DeliveryException(Phrase.of(
                    "send.too-large",
                    String.format(Locale.ROOT, "%.2f", size / 1048576.0),
                    String.format(Locale.ROOT, "%.2f", settings.app().mail().maxMessageMegabytes())));
        }
        return msg;
    }

    /** What the brief's letter carries, each file checked against the build's manifest. */
    private LetterComposer.Contents contents(BriefConfig brief, Period period, Path dir) throws IOException {
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
        byte[] pdf = checked(dir, pdfEntry);
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
        Optional<byte[]> picture = m.output(Manifest.Kind.FIGURE).isPresent()
                ? Optional.of(checked(dir, m.output(Manifest.Kind.FIGURE).get()))
                : Optional.empty();
        LetterComposer letters = new LetterComposer(brief, settings.app().mail().from());
        String pdfName = letters.attachmentName(m.title(), period);
        Map<String, String> links = new LinkedHashMap<>();
        String base = brief.delivery().link();
        if (base != null) {
            links.put(pdfName, url(base, brief, period, pdfEntry));
        }
        List<Letter.Attachment> extras = new ArrayList<>();
        for (String what : brief.delivery().attach()) {
            if (what.equals("csv")) {
                List<Manifest.FileEntry> csvs = m.outputs().stream()
                        .filter(o -> o.kind() == Manifest.Kind.CSV)
                        .toList();
                if (!csvs.isEmpty()) {
                    extras.add(new Letter.Attachment(
                            pdfName.replaceFirst("(?i)\\.pdf$", "") + " CSV.zip", "application/zip", zip(dir, csvs)));
                }
                if (base != null) {
                    csvs.forEach(e -> links.put(fileName(e), url(base, brief, period, e)));
                }
            } else if (what.equals("workbook")) {
                Manifest.FileEntry wb = m.output(Manifest.Kind.WORKBOOK)
                        .orElseThrow(() -> new DeliveryException(Phrase.of("send.no-workbook", dir)));
                extras.add(new Letter.Attachment(
                        fileName(wb),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        checked(dir, wb)));
                if (base != null) {
                    links.put(fileName(wb), url(base, brief, period, wb));
                }
            }
        }
        return new LetterComposer.Contents(m.title(), period, pdf, pdfEntry.sha256(), figures, picture, extras, links);
    }

    /** A published file's bytes, refused when they are not what the build wrote. */
    private static byte[] checked(Path dir, Manifest.FileEntry e) throws IOException {
        Path file = dir.resolve(e.path());
        byte[] bytes = Files.readAllBytes(file);
        if (!FileHashes.sha256(bytes).equals(e.sha256())) {
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT, file + " differs from its manifest; rebuild it", null);
        }
        return bytes;
    }

    private static byte[] zip(Path dir, List<Manifest.FileEntry> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Manifest.FileEntry e : files) {
                ZipEntry entry = new ZipEntry(fileName(e));
                entry.setTime(0); // the same extracts make the same zip
                zip.putNextEntry(entry);
                zip.write(checked(dir, e));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String fileName(Manifest.FileEntry e) {
        return Path.of(e.path()).getFileName().toString();
    }

    /** Where a published file is served: {@code <link>/<brief>/<period>/<path>}, each part percent-encoded. */
    static String url(String base, BriefConfig brief, Period period, Manifest.FileEntry e) {
        StringBuilder u = new StringBuilder(base.replaceFirst("/+$", ""));
        List<String> parts = new ArrayList<>(List.of(brief.id(), period.toString()));
        parts.addAll(List.of(e.path().split("/")));
        for (String part : parts) {
            u.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return u.toString();
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
            String sha = FileHashes.sha256(original);
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
