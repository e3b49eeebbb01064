package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Letter;
import dev.briefpipe.deliver.LetterComposer;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a brief's letter carries, read from a published period: the PDF, the key figures, the first
 * figure, the files the brief attaches and the addresses they are published under, each file checked
 * against the build's manifest.
 */
final class LetterContents {
    private LetterContents() {}

    /**
     * What an approver is asked about, from the period's record, all empty when the period's published
     * PDF is another one by now or its record cannot be read (the console shows it all the same).
     *
     * @param pdf the PDF, to read in the request itself (none when it cannot be read)
     * @param figures each key figure but those unchanged since the last period, beside the value it was
     *     compared with and its change, marked when it moved past summary.maxChange with no note saying why
     * @param corrects for a corrected edition, each change as its 정정 box lists it
     * @param heading the figures' heading: those unchanged left out, or (no last period) every one
     */
    record ForApproval(List<Letter.Attachment> pdf, List<String> figures, List<String> corrects, String heading) {}

    static ForApproval forApproval(BriefConfig brief, Period period, Settings settings, String pdfSha256) {
        Path dir = new Publications(settings.outputDir()).folder(brief.id(), period);
        Manifest m;
        try {
            m = Manifest.read(dir.resolve(Publications.MANIFEST));
        } catch (IOException | RuntimeException e) {
            return new ForApproval(List.of(), List.of(), List.of(), "");
        }
        Optional<Manifest.FileEntry> pdf = m.output(Manifest.Kind.PDF);
        if (pdf.isEmpty() || !pdf.get().sha256().equals(pdfSha256)) {
            return new ForApproval(List.of(), List.of(), List.of(), "");
        }
        Messages words = Messages.forLocale(brief.locale());
        Locale locale = Locale.forLanguageTag(brief.locale());
        BigDecimal limit = brief.summary() == null ? null : brief.summary().maxChange();
        List<String> figures = m.figures().stream()
                .filter(f ->
                        f.previous() == null || f.value() == null || f.value().compareTo(f.previous()) != 0)
                .map(f -> {
                    KeyFigure k = f.figure();
                    String change = change(f, words, locale);
                    String line = change == null
                            ? words.get("notice.approval.figure", f.label(), k.withUnit(locale))
                            : words.get(
                                    "notice.approval.figure-moved",
                                    f.label(),
                                    k.withUnit(locale),
                                    k.withValue(f.previous()).withUnit(locale),
                                    change);
                    return line
                            + (f.unexplained(limit)
                                    ? words.get("notice.approval.unexplained", KeyFigure.percent(limit, false, locale))
                                    : f.note() == null || f.note().isBlank()
                                            ? ""
                                            : words.get("notice.approval.note", f.note()));
                })
                .toList();
        List<String> corrects = m.corrections().isEmpty()
                ? List.of()
                : m.corrections().subList(1, m.corrections().size());
        List<Letter.Attachment> file;
        try {
            String name = new LetterComposer(brief, settings.app().mail().from())
                    .attachmentName(m.title(), m.issue(), period);
            file = List.of(new Letter.Attachment(name, "application/pdf", checked(dir, pdf.get())));
        } catch (IOException | RuntimeException e) {
            file = List.of();
        }
        boolean compared = m.figures().stream().anyMatch(f -> f.previous() != null);
        return new ForApproval(
                file, figures, corrects, compared ? "notice.approval.figures" : "notice.approval.figures-all");
    }

    /**
     * How a figure moved since the last period published, as the letters write it ("+3.3%", a share's
     * "+2.2%p"); null when it did not move or either value is blank.
     */
    private static String change(Manifest.Figure f, Messages words, Locale locale) {
        return f.previous() == null || f.value() == null || f.value().compareTo(f.previous()) == 0
                ? null
                : f.figure().moveFrom(f.previous(), locale, x -> words.get("figure.points", x));
    }

    /**
     * The key figures the readers' letter lists: those {@code delivery.figures} names, else those the
     * PDF's key-figures block shows, else all of them; each in its order there, a figure that moved since
     * the last period published with that period's value and the change before its note.
     */
    private static List<KeyFigure> lettered(BriefConfig brief, List<Manifest.Figure> all) {
        List<String> chosen = brief.delivery().figures().isEmpty()
                ? brief.layout().stream()
                        .filter(b -> b instanceof LayoutBlock.KeyFigures)
                        .map(b -> ((LayoutBlock.KeyFigures) b).figures())
                        .findFirst()
                        .orElse(List.of())
                : brief.delivery().figures();
        Map<String, KeyFigure> byId = new LinkedHashMap<>();
        Messages words = Messages.forLocale(brief.locale());
        Locale locale = Locale.forLanguageTag(brief.locale());
        for (Manifest.Figure f : all) {
            KeyFigure k = f.figure();
            String change = change(f, words, locale);
            String since = change == null
                    ? ""
                    : words.get("letter.figure.moved", k.withValue(f.previous()).withUnit(locale), change);
            String note = k.note() == null ? "" : k.note().strip();
            byId.put(f.id(), since.isEmpty() ? k : k.withNote(note.isEmpty() ? since : since + " · " + note));
        }
        return chosen.isEmpty()
                ? List.copyOf(byId.values())
                : chosen.stream()
                        .map(byId::get)
                        .filter(java.util.Objects::nonNull)
                        .toList();
    }

    /** The manifest of the period's build in {@code dir}; a period not built is refused, saying so. */
    static Path built(BriefConfig brief, Period period, Path dir) {
        Path manifest = dir.resolve(Publications.MANIFEST);
        if (!Files.exists(manifest)) {
            throw new DeliveryException(Phrase.of("send.no-build", brief.id(), period, dir));
        }
        return manifest;
    }

    /** What the brief's letter carries, each file checked against the build's manifest. */
    static LetterComposer.Contents read(BriefConfig brief, Period period, Path dir, String from) throws IOException {
        Manifest m = Manifest.read(built(brief, period, dir));
        Manifest.FileEntry pdfEntry =
                m.output(Manifest.Kind.PDF).orElseThrow(() -> new DeliveryException(Phrase.of("send.no-pdf", dir)));
        byte[] pdf = checked(dir, pdfEntry);
        List<KeyFigure> figures = lettered(brief, m.figures());
        Optional<byte[]> picture = m.output(Manifest.Kind.FIGURE).isPresent()
                ? Optional.of(checked(dir, m.output(Manifest.Kind.FIGURE).get()))
                : Optional.empty();
        LetterComposer letters = new LetterComposer(brief, from);
        String pdfName = letters.attachmentName(m.title(), m.issue(), period);
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
        Optional<String> caption = m.output(Manifest.Kind.FIGURE).map(Manifest.FileEntry::title);
        return new LetterComposer.Contents(
                m.title(),
                m.issue(),
                period,
                pdf,
                pdfEntry.sha256(),
                figures,
                picture,
                caption,
                extras,
                links,
                m.corrections());
    }

    /** A published file's bytes, refused when they are not what the build wrote. */
    private static byte[] checked(Path dir, Manifest.FileEntry e) throws IOException {
        Path file = dir.resolve(e.path());
        byte[] bytes = Files.readAllBytes(file);
        if (!FileHashes.sha256(bytes).equals(e.sha256())) {
            throw new DeliveryException(Phrase.of("send.not-as-built", file));
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
}
