package dev.briefpipe.deliver;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.TextPattern;
import dev.briefpipe.io.Templates;
import dev.briefpipe.io.WorkbookFiles;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the letters briefpipe sends: the brief to its readers (a short introduction, the key figures,
 * the PDF attached), notices about a period, and, when the data is not ready, the validation report to
 * the analysts.
 * Subject, attachment name and introduction come from the brief's delivery config.
 */
public final class LetterComposer {

    private final BriefConfig brief;
    private final String from;
    private final Locale locale;
    private final Messages words;

    public LetterComposer(BriefConfig brief, String from) {
        this.brief = brief;
        this.from = from;
        this.locale = Locale.forLanguageTag(brief.locale());
        this.words = Messages.forLocale(brief.locale());
    }

    /**
     * What goes into the brief's letter besides its config.
     *
     * @param title the brief's title as published
     * @param issue the title sheet's series, number, publisher and date, for the brief's patterns
     * @param figure the first figure as a PNG, shown in the body; empty when the brief has none
     * @param figureCaption its caption as the PDF prints it, shown over it
     * @param extras files that go with the PDF (the extracts as a zip, the workbook)
     * @param links the PDF and the extras by name → the address they are published under, for a letter
     *     too large to carry them (empty when the brief gives no address)
     * @param corrections of a corrected edition, its heading and each change (as its 정정 box); else empty
     */
    @SuppressWarnings("ArrayRecordComponent") // written once into the message, never compared
    public record Contents(
            String title,
            Map<String, String> issue,
            Period period,
            byte[] pdf,
            String pdfSha256,
            List<KeyFigure> figures,
            Optional<byte[]> figure,
            Optional<String> figureCaption,
            List<Letter.Attachment> extras,
            Map<String, String> links,
            List<String> corrections) {}

    /** A key figure as the letter shows it: its label, its value with its unit, and its note ("" for none). */
    public record FigureLine(String label, String value, String note) {}

    /** The PDF's file name as the brief's pattern makes it, made safe on Windows (no {@code : ? * / \\ |}). */
    public String attachmentName(String title, Map<String, String> issue, Period period) {
        return safeFileName(TextPattern.fill(
                pattern(brief.delivery().attachment(), "attachment"), vars(title, issue, period), locale));
    }

    /**
     * The brief's letter, its files attached or, when {@code linked} (too large to attach), each given by
     * the address it is published under. A corrected edition's letter opens with what it corrects.
     *
     * @param host the sending host, for the Message-ID
     * @param unique a Message-ID of its own (a resend, a test), not the brief's stable one
     * @param to the addresses shown in To and Cc: the brief's, or the one address of a test send
     */
    public Letter brief(Contents c, String host, boolean unique, List<String> to, List<String> cc, boolean linked) {
        BriefConfig.DeliveryConfig d = brief.delivery();
        Map<String, Object> vars = vars(c.title(), c.issue(), c.period());
        String intro = TextPattern.fill(pattern(d.intro(), "intro"), vars, locale);
        List<String> fixed = c.corrections(); // of a corrected edition: its heading, then each change
        StringBuilder text = new StringBuilder(fixed.isEmpty() ? "" : String.join("\n- ", fixed) + "\n\n");
        text.append(intro).append("\n\n").append(c.title()).append("\n\n");
        // Each figure's move since the last period, and an analyst's word on a move, go with it.
        List<FigureLine> figures = c.figures().stream()
                .map(f -> new FigureLine(
                        f.label(),
                        f.withUnit(locale),
                        f.note() == null ? "" : f.note().strip()))
                .toList();
        figures.forEach(f -> text.append("- ")
                .append(f.label())
                .append(": ")
                .append(f.value())
                .append(f.note().isEmpty() ? "" : " (" + f.note() + ")")
                .append('\n'));
        List<Letter.Attachment> inline = new ArrayList<>();
        c.figure().ifPresent(png -> inline.add(new Letter.Attachment("figure-1", "image/png", png)));
        String file = attachmentName(c.title(), c.issue(), c.period());
        List<Letter.Attachment> files = new ArrayList<>();
        if (!linked) {
            files.add(new Letter.Attachment(file, "application/pdf", c.pdf()));
            files.addAll(c.extras());
            text.append("\n").append(file).append("\n");
        } else {
            // Too large to attach: each file where it is published.
            c.links()
                    .forEach((name, url) ->
                            text.append(name).append(": ").append(url).append('\n'));
        }
        Map<String, Object> html = new HashMap<>();
        html.put("lang", locale.toLanguageTag());
        html.put("corrections", fixed);
        html.put("intro", intro);
        html.put("title", c.title());
        html.put("figures", figures);
        // The figure's caption over it, as in the PDF: a chart without one leaves its reader guessing.
        html.put("figure", c.figure().isPresent());
        html.put("caption", c.figureCaption().orElse(null));
        html.put("alt", c.figureCaption().orElse(c.title()));
        html.put("file", linked ? null : file);
        html.put("links", c.links());
        html.put(
                "footer",
                "briefpipe · " + brief.id() + " · " + c.period() + " · PDF sha256 "
                        + c.pdfSha256().substring(0, 12));
        String id = "<briefpipe." + brief.id() + "." + c.period() + "."
                + c.pdfSha256().substring(0, 16) + (unique ? ".u" + System.currentTimeMillis() : "") + "@" + host
                + ">";
        return new Letter(
                from,
                to,
                cc,
                d.replyTo(),
                TextPattern.fill(pattern(d.subject(), "subject"), vars, locale),
                text.toString(),
                Templates.render("mail/brief", html),
                files,
                inline,
                id);
    }

    /** A file name Windows accepts: its reserved characters become a hyphen or go, no trailing dot or space. */
    static String safeFileName(String name) {
        return name.replaceAll("\\s*[:|]\\s*", " - ")
                .replaceAll("[\\\\/*?\"<>]", "")
                .replaceAll("\\p{Cntrl}", "")
                .replaceAll(" {2,}", " ")
                .strip();
    }

    /** The period in words, as the brief's own letter names it ("2025년 3월", "March 2025"). */
    private String month(Period period) {
        return TextPattern.fill(words.get("letter.month"), vars("", Map.of(), period), locale);
    }

    /** The brief's own pattern for a part of its letter, else the one of its language. */
    private String pattern(String configured, String part) {
        return configured != null ? configured : words.get("letter.brief." + part);
    }

    /**
     * What a subject, introduction or attachment name may name: the brief's title, id and period, and the
     * issue's series, number, publisher and date; {@code {period}} and {@code {date}} take a date pattern.
     */
    private Map<String, Object> vars(String title, Map<String, String> issue, Period period) {
        Map<String, Object> vars = new java.util.HashMap<>(issue);
        // A period built before its manifest kept them: named by nothing rather than by "{number}".
        List.of("series", "number", "publisher", "date").forEach(k -> vars.putIfAbsent(k, ""));
        if (issue.get("date") != null && issue.get("date").matches("\\d{4}-\\d{2}-\\d{2}")) {
            vars.put("date", java.time.LocalDate.parse(issue.get("date")));
        }
        vars.putAll(Map.of("title", title, "period", period.month(), "id", brief.id()));
        return vars;
    }

    /**
     * A short notice about a period, in the brief's language (to the owners: a failure; to the analysts:
     * a rejection).
     *
     * @param kind what the notice is ("alert", "rejected"): its subject, and its Message-ID
     * @param files what it carries (the PDF an approver is asked about)
     */
    public Letter notice(
            List<String> to,
            Period period,
            String text,
            String kind,
            String sha256,
            String host,
            List<Letter.Attachment> files) {
        String intro = words.get("letter.notice.intro", month(period), brief.title())
                + (kind.equals("alert") ? " " + words.get("letter.notice.records") : "");
        String html =
                Templates.render("mail/notice", Map.of("lang", locale.toLanguageTag(), "intro", intro, "text", text));
        String id = "<briefpipe." + kind + "." + brief.id() + "." + period + "." + sha256.substring(0, 16) + "@" + host
                + ">";
        return new Letter(
                from,
                to,
                List.of(),
                List.of(),
                words.get("letter." + kind + ".subject", brief.title(), month(period)),
                intro + "\n\n" + text + "\n",
                html,
                files,
                List.of(),
                id);
    }

    /**
     * The validation report for the analysts, in the brief's language.
     *
     * @param findings one line per finding, already in the reader's language
     * @param annotated the annotated copy, or null when the workbook could not be rewritten
     * @param console the brief's page in the console, where a fixed workbook is uploaded; "" for none
     */
    public Letter report(
            String title,
            Period period,
            long errors,
            List<String> findings,
            byte[] html,
            byte[] annotated,
            String workbookName,
            String workbookSha256,
            String host,
            String console) {
        String subject = words.get("letter.report.subject", title, month(period), errors);
        String intro = words.get("letter.report.intro", month(period));
        StringBuilder text = new StringBuilder(intro).append("\n\n");
        findings.forEach(f -> text.append("- ").append(f).append('\n'));
        String after = (console.isEmpty() ? "" : words.get("letter.report.console", console) + "\n")
                + words.get(annotated != null ? "letter.report.attached" : "letter.report.attached-report");
        text.append('\n').append(after).append('\n');
        String body = Templates.render(
                "mail/report",
                Map.of("lang", locale.toLanguageTag(), "intro", intro, "findings", findings, "after", after));
        List<Letter.Attachment> files = new ArrayList<>();
        files.add(new Letter.Attachment(
                words.get("letter.report.html", brief.id(), period), "text/html; charset=UTF-8", html));
        // The annotated copy (none when the workbook cannot be rewritten) keeps the workbook's format.
        String ext = WorkbookFiles.extension(Path.of(workbookName));
        String stem = workbookName.toLowerCase(java.util.Locale.ROOT).endsWith("." + ext)
                ? workbookName.substring(0, workbookName.length() - ext.length() - 1)
                : workbookName;
        if (annotated != null) {
            files.add(new Letter.Attachment(
                    words.get("letter.report.workbook", stem, ext), WorkbookFiles.contentType(ext), annotated));
        }
        String id = "<briefpipe.report." + brief.id() + "." + period + "." + workbookSha256.substring(0, 16) + "@"
                + host + ">";
        return new Letter(
                from,
                brief.delivery().analysts(),
                List.of(),
                List.of(),
                subject,
                text.toString(),
                body,
                files,
                List.of(),
                id);
    }
}
