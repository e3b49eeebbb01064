package dev.briefpipe.deliver;

import static dev.briefpipe.io.Html.esc;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.TextPattern;
import dev.briefpipe.io.Html;
import dev.briefpipe.io.WorkbookFiles;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import java.nio.file.Path;
import java.util.ArrayList;
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
            Period period,
            byte[] pdf,
            String pdfSha256,
            List<KeyFigure> figures,
            Optional<byte[]> figure,
            Optional<String> figureCaption,
            List<Letter.Attachment> extras,
            Map<String, String> links,
            List<String> corrections) {}

    /** The PDF's file name as the brief's pattern makes it, made safe on Windows (no {@code : ? * / \\ |}). */
    public String attachmentName(String title, Period period) {
        return safeFileName(
                TextPattern.fill(pattern(brief.delivery().attachment(), "attachment"), vars(title, period), locale));
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
        Map<String, Object> vars = vars(c.title(), c.period());
        String intro = TextPattern.fill(pattern(d.intro(), "intro"), vars, locale);
        List<String> fixed = c.corrections(); // of a corrected edition: its heading, then each change
        StringBuilder text = new StringBuilder(fixed.isEmpty() ? "" : String.join("\n- ", fixed) + "\n\n");
        StringBuilder html = new StringBuilder(htmlStart("font-family:sans-serif;color:#222"));
        if (!fixed.isEmpty()) {
            html.append("<div style=\"border-left:3px solid #B3261E;padding:0 12px\"><p><strong>")
                    .append(esc(fixed.get(0)))
                    .append("</strong></p><ul>");
            fixed.subList(1, fixed.size())
                    .forEach(x -> html.append("<li>").append(esc(x)).append("</li>"));
            html.append("</ul></div>");
        }
        text.append(intro).append("\n\n").append(c.title()).append("\n\n");
        html.append("<p>")
                .append(esc(intro))
                .append("</p><h2 style=\"color:#1F3A68\">")
                .append(esc(c.title()))
                .append("</h2>");
        if (!c.figures().isEmpty()) {
            html.append("<table style=\"border-collapse:collapse\">");
            for (KeyFigure f : c.figures()) {
                String value = f.withUnit(locale);
                // Its move since the last period, and an analyst's word on a move, go with it.
                String note = f.note() == null || f.note().isBlank() ? "" : f.note();
                text.append("- ").append(f.label()).append(": ").append(value);
                text.append(note.isEmpty() ? "" : " (" + note + ")").append('\n');
                html.append("<tr><td style=\"padding:3px 12px 3px 0\">")
                        .append(esc(f.label()))
                        .append("</td><td style=\"padding:3px 0;text-align:right;font-weight:bold\">")
                        .append(esc(value))
                        .append("</td><td style=\"padding:3px 0 3px 12px;color:#555\">")
                        .append(esc(note))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        List<Letter.Attachment> inline = new ArrayList<>();
        if (c.figure().isPresent()) {
            // Its caption over it, as in the PDF: a chart without one leaves its reader guessing.
            String caption = c.figureCaption().orElse(c.title());
            c.figureCaption()
                    .ifPresent(t -> html.append("<p style=\"text-align:center;font-weight:bold\">")
                            .append(esc(t))
                            .append("</p>"));
            html.append("<p><img src=\"cid:figure-1\" alt=\"")
                    .append(esc(caption))
                    .append("\" style=\"max-width:100%;height:auto\"></p>");
            inline.add(new Letter.Attachment("figure-1", "image/png", c.figure().get()));
        }
        String file = attachmentName(c.title(), c.period());
        List<Letter.Attachment> files = new ArrayList<>();
        if (!linked) {
            files.add(new Letter.Attachment(file, "application/pdf", c.pdf()));
            files.addAll(c.extras());
            text.append("\n").append(file).append("\n");
            html.append("<p>").append(esc(file)).append("</p>");
        } else {
            // Too large to attach: each file where it is published.
            html.append("<ul>");
            c.links().forEach((name, url) -> {
                text.append(name).append(": ").append(url).append('\n');
                html.append("<li><a href=\"")
                        .append(esc(url))
                        .append("\">")
                        .append(esc(name))
                        .append("</a></li>");
            });
            html.append("</ul>");
        }
        html.append("<p style=\"color:#888;font-size:small\">briefpipe · ")
                .append(esc(brief.id()))
                .append(" · ")
                .append(esc(c.period().toString()))
                .append(" · PDF sha256 ")
                .append(c.pdfSha256(), 0, 12)
                .append("</p></body></html>");
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
                html.toString(),
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
        return TextPattern.fill(words.get("letter.month"), vars("", period), locale);
    }

    /** The brief's own pattern for a part of its letter, else the one of its language. */
    private String pattern(String configured, String part) {
        return configured != null ? configured : words.get("letter.brief." + part);
    }

    /** A letter's HTML up to its body, in the brief's language: a screen reader reads it in that voice. */
    private String htmlStart(String style) {
        return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"" + style + "\">";
    }

    /** What a subject, introduction or attachment name may name: {@code {period}} takes a date pattern. */
    private Map<String, Object> vars(String title, Period period) {
        return Map.of("title", title, "period", period.month(), "id", brief.id());
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
        String html = htmlStart("font-family:sans-serif") + "<p>" + esc(intro)
                + "</p><pre style=\"white-space:pre-wrap\">" + Html.linked(esc(text)) + "</pre></body></html>";
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
        StringBuilder text = new StringBuilder(words.get("letter.report.intro", month(period))).append("\n\n");
        StringBuilder body = new StringBuilder(htmlStart("font-family:sans-serif"))
                .append("<p>")
                .append(esc(text.toString().strip()))
                .append("</p><ul>");
        for (String f : findings) {
            text.append("- ").append(f).append('\n');
            body.append("<li>").append(esc(f)).append("</li>");
        }
        String after = (console.isEmpty() ? "" : words.get("letter.report.console", console) + "\n")
                + words.get(annotated != null ? "letter.report.attached" : "letter.report.attached-report");
        text.append('\n').append(after).append('\n');
        body.append("</ul><p>")
                .append(Html.linked(esc(after)).replace("\n", "<br>"))
                .append("</p></body></html>");
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
                body.toString(),
                files,
                List.of(),
                id);
    }
}
