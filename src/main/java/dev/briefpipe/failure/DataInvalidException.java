package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.ValidationReport;
import java.util.List;

/** A build stopped because the workbook has errors; nothing was published. */
public final class DataInvalidException extends Failure {
    private final ValidationReport report;

    public DataInvalidException(ValidationReport report) {
        super(report.errorCount() + " data error(s) in " + report.workbook(), null);
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.INVALID_DATA;
    }

    /** After the report itself, which the command line writes first. */
    @Override
    public List<Phrase> explain() {
        return List.of(Phrase.of("cli.build-invalid"));
    }
}
