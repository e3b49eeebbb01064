package dev.briefpipe.export.report;

import dev.briefpipe.i18n.Messages;
import dev.briefpipe.io.Templates;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The validation report as one self-contained HTML page (inline styles, no scripts or external
 * files): a summary, then a table per sheet with cell, level, message, value and code
 * ({@code src/main/jte/report.jte}).
 */
public final class HtmlReportWriter {
    private final Messages messages;

    public HtmlReportWriter(Messages messages) {
        this.messages = messages;
    }

    public String write(ValidationReport report) {
        String file = report.workbook().getFileName().toString();
        Map<String, List<Finding>> sheets = report.findings().stream()
                .collect(Collectors.groupingBy(f -> f.at().sheet(), LinkedHashMap::new, Collectors.toList()));
        return Templates.render(
                "report",
                Map.of(
                        "lang",
                        messages.lang().locale().getLanguage(),
                        "file",
                        file,
                        "valid",
                        report.valid(),
                        "summary",
                        report.valid()
                                ? messages.get(
                                        "report.valid", file, report.stats().rows(), report.warningCount())
                                : messages.get("report.invalid", file, report.errorCount(), report.warningCount()),
                        "sheets",
                        sheets,
                        "text",
                        new FindingText(messages),
                        "words",
                        messages));
    }
}
