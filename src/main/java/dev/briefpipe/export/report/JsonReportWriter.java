package dev.briefpipe.export.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/**
 * The machine-readable report: {@code {"valid", "workbook", "errors":[…], "stats":{…}}}. Every finding
 * (warnings too) is in {@code errors} with its severity; codes and cells are stable, messages follow
 * the chosen language.
 */
public final class JsonReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final Messages messages;
    private final int maxFindings;

    public JsonReportWriter(Messages messages, int maxFindings) {
        this.messages = messages;
        this.maxFindings = maxFindings;
    }

    public ObjectNode toJson(ValidationReport report) {
        FindingText text = new FindingText(messages);
        ObjectNode root = JSON.createObjectNode();
        root.put("valid", report.valid());
        root.put("workbook", report.workbook().toString());
        ArrayNode errors = root.putArray("errors");
        int n = 0;
        for (Finding f : report.findings()) {
            if (maxFindings > 0 && n++ >= maxFindings) {
                break;
            }
            ObjectNode o = errors.addObject();
            o.put("code", f.code().id());
            o.put("severity", f.severity().code());
            o.put("sheet", f.at().sheet());
            o.put("cell", f.at().a1());
            o.put("row", f.at().row1());
            o.put("column", f.at().columnLetters());
            o.put("field", f.field());
            o.put("value", f.value());
            o.put("expected", text.expected(f));
            o.put("message", text.message(f));
            if (!f.reads().isEmpty()) {
                ArrayNode reads = o.putArray("reads");
                f.reads().forEach(r -> reads.addObject().put("where", r.where()).put("value", r.value()));
            }
        }
        ObjectNode stats = root.putObject("stats");
        stats.put("sheets", report.stats().sheets());
        stats.put("rows", report.stats().rows());
        stats.put("cells", report.stats().cells());
        stats.put("errors", report.errorCount());
        stats.put("warnings", report.warningCount());
        stats.put("millis", report.stats().millis());
        return root;
    }

    public void write(ValidationReport report, Writer out) throws IOException {
        JSON.writeValue(out, toJson(report));
    }
}
