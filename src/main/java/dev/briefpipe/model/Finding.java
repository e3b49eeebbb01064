package dev.briefpipe.model;

import java.util.List;

/**
 * One problem found in a workbook, at one place. The message is not stored: it is rendered from the
 * bundle key {@code finding.<code>} with {@link #args()} in the reader's language.
 *
 * @param code the kind of finding: one of briefpipe's ({@link FindingCode}) or a brief's own rule's ({@link
 *     RuleCode}); its {@link Code#id()} ({@code type-mismatch}) is what reports show and scripts rely on
 * @param at the cell (or row, or sheet) the finding is about
 * @param field schema field id, or "" when the finding is about a sheet or header
 * @param value the raw value as the analyst sees it ("" when none)
 * @param expected what was expected, in the reader's words ("" when none)
 * @param args message arguments after value/field/expected (see the bundle)
 * @param reads for a rule over several fields: every cell it read with its value, then what it computed
 */
public record Finding(
        Code code,
        Severity severity,
        CellRef at,
        String field,
        String header,
        String value,
        String expected,
        List<Object> args,
        List<CellRead> reads) {

    public Finding(
            Code code,
            Severity severity,
            CellRef at,
            String field,
            String header,
            String value,
            String expected,
            List<Object> args) {
        this(code, severity, at, field, header, value, expected, args, List.of());
    }

    public Finding {
        field = field == null ? "" : field;
        header = header == null ? "" : header;
        value = value == null ? "" : value;
        expected = expected == null ? "" : expected;
        args = List.copyOf(args);
        reads = List.copyOf(reads);
    }

    /** A finding's kind: briefpipe's own, or a brief's rule's. */
    public sealed interface Code permits FindingCode, RuleCode {
        /** The stable code ({@code type-mismatch}). */
        String id();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
