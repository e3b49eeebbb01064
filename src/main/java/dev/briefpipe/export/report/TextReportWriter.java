package dev.briefpipe.export.report;

import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.ValidationReport;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The terminal report: a summary line, then findings grouped by sheet, one per line with cell, level,
 * code and message. ANSI colours only when asked (a TTY without NO_COLOR).
 */
public final class TextReportWriter {
    private final Messages messages;
    private final boolean colour;
    private final int maxFindings;

    /** @param maxFindings cap on findings printed (the summary still counts all); 0 = no cap */
    public TextReportWriter(Messages messages, boolean colour, int maxFindings) {
        this.messages = messages;
        this.colour = colour;
        this.maxFindings = maxFindings;
    }

    public void write(ValidationReport report, PrintWriter out) {
        FindingText text = new FindingText(messages);
        String file = report.workbook().getFileName().toString();
        out.println(
                report.valid()
                        ? paint(
                                "32",
                                messages.get(
                                        "report.valid", file, report.stats().rows(), report.warningCount()))
                        : paint(
                                "31",
                                messages.get("report.invalid", file, report.errorCount(), report.warningCount())));
        String sheet = null;
        int printed = 0;
        for (Finding f : report.findings()) {
            if (maxFindings > 0 && printed == maxFindings) {
                out.println(messages.get("report.more", report.findings().size() - printed));
                break;
            }
            if (!Objects.equals(sheet, f.at().sheet())) {
                sheet = f.at().sheet();
                out.println("[" + sheet + "]");
            }
            String cell = f.at().a1().isEmpty() ? "-" : f.at().a1();
            String sev = f.isError() ? paint("31", text.severity(f)) : paint("33", text.severity(f));
            out.printf(
                    "  %-6s %s  %s  (%s)%n",
                    cell, sev, text.message(f), f.code().id());
            printed++;
        }
        out.flush();
    }

    private String paint(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
