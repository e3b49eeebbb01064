package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.nio.file.Path;
import java.util.List;

/**
 * A workbook that cannot be read at all (as opposed to one with bad data). {@link #reason()} is a
 * stable message key under {@code workbook.}: not-found, folder, empty, not-a-workbook, csv, ods, xlsb,
 * strict-ooxml, wrong-extension, encrypted, old-format, truncated, duplicate-entries, zip-bomb,
 * unsafe-xml, too-large, bad-address, timeout, unreadable, cannot-annotate, too-large-to-annotate.
 * {@link #detail()} is the one fact the message
 * needs beyond the file (a size, a limit, an entry name, a cell); what a library said stays in the cause,
 * shown only with {@code --debug}.
 */
public final class WorkbookReadException extends Failure {
    private final Path file;
    private final String reason;
    private final String detail;

    public WorkbookReadException(Path file, String reason, String detail, Throwable cause) {
        super(file + ": " + reason + (detail == null ? "" : " (" + detail + ")"), cause);
        this.file = file;
        this.reason = reason;
        this.detail = detail != null ? detail : "";
    }

    /** The same failure, naming the file as its reader knows it (an upload by its own name). */
    public WorkbookReadException naming(Path shown) {
        return new WorkbookReadException(shown, reason, detail.isEmpty() ? null : detail, getCause());
    }

    public String detail() {
        return detail;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }

    @Override
    public List<Phrase> explain() {
        return List.of(Phrase.of("workbook." + reason, file, detail));
    }
}
