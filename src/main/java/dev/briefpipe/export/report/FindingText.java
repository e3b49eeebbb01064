package dev.briefpipe.export.report;

import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.Finding;
import java.util.ArrayList;
import java.util.List;

/** Renders a finding's message and expectation in the reader's language. */
public final class FindingText {
    private final Messages messages;

    public FindingText(Messages messages) {
        this.messages = messages;
    }

    public String message(Finding f) {
        List<Object> args = new ArrayList<>();
        args.add(f.value());
        args.add(f.header().isEmpty() ? f.field() : f.header());
        args.add(expected(f));
        args.add(f.at().sheet());
        args.addAll(f.args());
        // A rule's own code (from config) has no bundle entry: it is told with the rule's message.
        String key = messages.has("finding." + f.code().id())
                ? "finding." + f.code().id()
                : f.header().isEmpty() ? "finding.rule-table" : "finding.rule";
        String said = messages.get(key, args.toArray());
        return f.reads().isEmpty() ? said : said + " " + reads(f);
    }

    /** What a rule read and computed, to check it by hand: "읽은 값: 'FX'!E4 = 600, … → false". */
    public String reads(Finding f) {
        List<String> parts = new ArrayList<>();
        for (CellRead r : f.reads()) {
            parts.add(r.where() + " = " + (r.value().isEmpty() ? messages.get("finding.blank") : r.value()));
        }
        return messages.get("finding.reads", String.join(", ", parts));
    }

    /** The expectation in words: a type name ("정수") or the literal list/range/pattern. */
    public String expected(Finding f) {
        String e = f.expected();
        return e.startsWith("type.") ? messages.get(e) : e;
    }

    public String severity(Finding f) {
        return messages.get("severity." + f.severity().code());
    }
}
