package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import dev.briefpipe.publish.Manifest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Last issue's number and date left as they were: most often last period's workbook with this period's
 * data typed in. A warning at the title sheet's date when it is before the brief's own period, else at
 * its number and date where they are the ones of the last period published (a monthly brief dated early
 * in the next month is not before its period). Only once a period has been published: the example brief,
 * validated in a later month, is not told.
 */
final class TitleDate {
    private TitleDate() {}

    static List<Finding> stale(BriefConfig brief, Dataset data, Period period, Manifest before) {
        for (LayoutBlock b : brief.layout()) {
            if (b instanceof LayoutBlock.Title t) {
                List<Row> rows = data.findTable(t.sheet()).map(Table::rows).orElse(List.of());
                Map<String, ColumnSpec> columns = brief.sheets().get(t.sheet()).columns();
                if (rows.isEmpty()) {
                    return List.of();
                }
                Row row = rows.get(0);
                if (columns.containsKey("date")
                        && row.get("date") instanceof LocalDate date
                        && date.isBefore(period.month().atDay(1))) {
                    return List.of(at(row, "date", columns, FindingCode.DATE_BEFORE_PERIOD, period));
                }
                Map<String, Object> issue = brief.issue(data);
                List<Finding> repeated = new ArrayList<>();
                for (String f : List.of("number", "date")) {
                    if (columns.containsKey(f)
                            && issue.get(f) != null
                            && issue.get(f).toString().equals(before.issue().get(f))) {
                        repeated.add(at(row, f, columns, FindingCode.ISSUE_REPEATED, before.period()));
                    }
                }
                return repeated;
            }
        }
        return List.of();
    }

    private static Finding at(Row row, String field, Map<String, ColumnSpec> columns, FindingCode code, Period p) {
        return new Finding(
                code,
                Severity.WARNING,
                row.cells().get(field),
                field,
                columns.get(field).title(),
                row.get(field).toString(),
                "",
                List.of(p.toString()));
    }
}
