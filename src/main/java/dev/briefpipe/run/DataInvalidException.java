package dev.briefpipe.run;

import dev.briefpipe.model.ValidationReport;

/** A build stopped because the workbook has errors; nothing was published. */
public class DataInvalidException extends RuntimeException {
  private final ValidationReport report;

  public DataInvalidException(ValidationReport report) {
    super(report.errorCount() + " data error(s) in " + report.workbook());
    this.report = report;
  }

  public ValidationReport report() {
    return report;
  }
}
