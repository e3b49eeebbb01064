package dev.briefpipe.pipeline;

import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.validate.ValidationReport;
import java.util.Map;

/**
 * A workbook read, validated and transformed: the report holds the validator's findings and any
 * figure or derived field that could not be computed.
 */
public record Checked(RawWorkbook workbook, ValidationReport report, Dataset data, Map<String, KeyFigure> figures) {}
