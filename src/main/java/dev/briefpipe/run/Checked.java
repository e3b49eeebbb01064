package dev.briefpipe.run;

import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.ValidationReport;
import java.util.Map;

/**
 * A workbook read, validated and transformed: the report holds the validator's findings and any
 * figure, derived field or placeholder that could not be computed.
 *
 * @param sheetData the typed values exactly as the sheets hold them (for CSV extracts and formulas)
 * @param data the same with derived fields added and placeholders filled (for the PDF)
 */
public record Checked(
        RawWorkbook workbook,
        ValidationReport report,
        Dataset sheetData,
        Dataset data,
        Map<String, KeyFigure> figures) {

    /** The SHA-256 of every value its sheets gave, as a build's manifest keeps it ({@code dataSha256}). */
    public String dataSha256() {
        return PrintedData.values(data);
    }
}
