package dev.briefpipe.export.report;

import static dev.briefpipe.io.Html.esc;

import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.ValidationReport;
import java.util.Objects;

/**
 * The validation report as one self-contained HTML page (inline styles, no scripts or external
 * files): a summary, then a table per sheet with cell, level, message, value and code.
 */
public final class HtmlReportWriter {
    private final Messages messages;

    public HtmlReportWriter(Messages messages) {
        this.messages = messages;
    }

    public String write(ValidationReport report) {
        FindingText text = new FindingText(messages);
        String file = report.workbook().getFileName().toString();
        String summary = report.valid()
                ? messages.get("report.valid", file, report.stats().rows(), report.warningCount())
                : messages.get("report.invalid", file, report.errorCount(), report.warningCount());
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(messages.lang().locale().getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(file))
                .append("</title><style>")
                .append("body{font-family:'Noto Sans KR','Malgun Gothic',sans-serif;margin:2em;color:#222}")
                .append("h1{font-size:1.3em;color:#1F3A68}h2{font-size:1.05em;margin-top:1.6em;color:#1F3A68}")
                .append(
                        "table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border-bottom:1px solid #ddd;padding:4px 8px;")
                .append("overflow-wrap:anywhere;")
                .append(
                        "text-align:left;vertical-align:top}th{background:#E3E9F2}.error{color:#B00020;font-weight:bold}")
                .append(
                        ".warning{color:#9A6700}.ok{color:#1B7F3B}code{color:#666}th,td.error,td.warning,td.a1{white-space:nowrap}")
                .append("</style></head><body><main>")
                .append("<h1>")
                .append(esc(file))
                .append("</h1><p class=\"")
                .append(report.valid() ? "ok" : "error")
                .append("\">")
                .append(esc(summary))
                .append("</p>");
        String sheet = null;
        for (Finding f : report.findings()) {
            if (!Objects.equals(sheet, f.at().sheet())) {
                if (sheet != null) {
                    h.append("</table>");
                }
                sheet = f.at().sheet();
                h.append("<h2>")
                        .append(esc(sheet))
                        .append("</h2><table><colgroup><col style=\"width:7em\"><col style=\"width:5em\">")
                        .append("<col><col style=\"width:16%\"><col style=\"width:13em\"></colgroup><tr><th>")
                        .append(esc(messages.get("html.cell")))
                        .append("</th><th>")
                        .append(esc(messages.get("html.level")))
                        .append("</th><th>")
                        .append(esc(messages.get("html.message")))
                        .append("</th><th>")
                        .append(esc(messages.get("html.value")))
                        .append("</th><th>")
                        .append(esc(messages.get("html.code")))
                        .append("</th></tr>");
            }
            h.append("<tr><td class=\"a1\">")
                    .append(esc(f.at().a1()))
                    .append("</td><td class=\"")
                    .append(f.severity().code())
                    .append("\">")
                    .append(esc(text.severity(f)))
                    .append("</td><td>")
                    .append(esc(text.message(f)))
                    .append("</td><td>")
                    .append(esc(f.value()))
                    .append("</td><td><code>")
                    .append(esc(f.code().id()))
                    .append("</code></td></tr>");
        }
        if (sheet != null) {
            h.append("</table>");
        }
        return h.append("</main></body></html>\n").toString();
    }
}
