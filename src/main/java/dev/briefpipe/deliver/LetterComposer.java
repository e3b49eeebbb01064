package dev.briefpipe.deliver;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the two letters briefpipe sends: the brief to its readers (a short introduction, the key
 * figures, the PDF attached) and, when the data is not ready, the validation report to the analysts.
 * Subject, attachment name and introduction come from the brief's delivery config.
 */
public final class LetterComposer {
    private final BriefConfig brief;
    private final String from;
    private final Locale locale;

    public LetterComposer(BriefConfig brief, String from) {
        this.brief = brief;
        this.from = from;
        this.locale = Locale.forLanguageTag(brief.locale());
    }

    /**
     * @param title the brief's title as published
     * @param host the sending host, for the Message-ID
     */
    public Letter brief(
            String title,
            Period period,
            byte[] pdf,
            String pdfSha256,
            List<KeyFigure> figures,
            String host,
            boolean resend) {
        BriefConfig.DeliveryConfig d = brief.delivery();
        Map<String, String> vars = Map.of("title", title, "period", period.toString(), "id", brief.id());
        String intro = fill(d.intro(), vars);
        StringBuilder text =
                new StringBuilder(intro).append("\n\n").append(title).append("\n\n");
        StringBuilder html = new StringBuilder(
                        "<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#222\">")
                .append("<p>")
                .append(esc(intro))
                .append("</p><h2 style=\"color:#1F3A68\">")
                .append(esc(title))
                .append("</h2>");
        if (!figures.isEmpty()) {
            html.append("<table style=\"border-collapse:collapse\">");
            for (KeyFigure f : figures) {
                String value = f.formatted(locale) + (f.unit() == null ? "" : " " + f.unit());
                text.append("- ").append(f.label()).append(": ").append(value).append('\n');
                html.append("<tr><td style=\"padding:3px 12px 3px 0\">")
                        .append(esc(f.label()))
                        .append("</td><td style=\"padding:3px 0;text-align:right;font-weight:bold\">")
                        .append(esc(value))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        String file = fill(d.attachment(), vars);
        text.append("\n").append(file).append("\n");
        html.append("<p>")
                .append(esc(file))
                .append("</p><p style=\"color:#888;font-size:small\">briefpipe · ")
                .append(esc(brief.id()))
                .append(" · ")
                .append(esc(period.toString()))
                .append(" · PDF sha256 ")
                .append(pdfSha256, 0, 12)
                .append("</p></body></html>");
        String id = "<briefpipe." + brief.id() + "." + period + "." + pdfSha256.substring(0, 16)
                + (resend ? ".resend-" + System.currentTimeMillis() : "") + "@" + host + ">";
        return new Letter(
                from,
                brief.delivery().to(),
                brief.delivery().cc(),
                fill(d.subject(), vars),
                text.toString(),
                html.toString(),
                List.of(new Letter.Attachment(file, "application/pdf", pdf)),
                id);
    }

    /**
     * The validation report for the analysts.
     *
     * @param findings one line per finding, already in the reader's language
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
            String host) {
        String subject = "[데이터 확인 필요] " + title + " (" + period + ") — 오류 " + errors + "건";
        StringBuilder text = new StringBuilder("워크북에 오류가 있어 ")
                .append(period)
                .append(" 브리프를 보내지 못했습니다. 아래 항목을 고치면 다음 재시도 때 발송됩니다.\n\n");
        StringBuilder body = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\"><p>")
                .append(esc(text.toString().strip()))
                .append("</p><ul>");
        for (String f : findings) {
            text.append("- ").append(f).append('\n');
            body.append("<li>").append(esc(f)).append("</li>");
        }
        body.append("</ul><p>첨부: 검증 보고서(HTML), 오류 셀을 표시한 워크북 사본</p></body></html>");
        List<Letter.Attachment> files = new ArrayList<>();
        files.add(new Letter.Attachment(
                "검증보고서-" + brief.id() + "-" + period + ".html", "text/html; charset=UTF-8", html));
        String stem = workbookName.replaceFirst("\\.xlsx?$", "");
        files.add(new Letter.Attachment(
                stem + "-검증결과.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", annotated));
        String id = "<briefpipe.report." + brief.id() + "." + period + "." + workbookSha256.substring(0, 16) + "@"
                + host + ">";
        return new Letter(
                from, brief.delivery().analysts(), List.of(), subject, text.toString(), body.toString(), files, id);
    }

    private static String fill(String pattern, Map<String, String> vars) {
        String s = pattern;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            s = s.replace("{" + e.getKey() + "}", e.getValue());
        }
        return s;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
