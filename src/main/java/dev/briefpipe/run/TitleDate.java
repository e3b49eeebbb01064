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
import java.time.LocalDate;
import java.util.List;

/**
 * A brief dated before its own period: most often last period's workbook with this period's data typed
 * in, its title sheet's date (and issue number) left as they were. A warning at the date's cell, once a
 * period has been published (the example brief, validated in a later month, is not told).
 */
final class TitleDate {
    private TitleDate() {}

    static List<Finding> early(BriefConfig brief, Dataset data, Period period) {
        for (LayoutBlock b : brief.layout()) {
            if (b instanceof LayoutBlock.Title t) {
                List<Row> rows = data.findTable(t.sheet()).map(Table::rows).orElse(List.of());
                ColumnSpec spec = brief.sheets().get(t.sheet()).columns().get("date");
                if (spec != null
                        && !rows.isEmpty()
                        && rows.get(0).get("date") instanceof LocalDate date
                        && date.isBefore(period.month().atDay(1))) {
                    return List.of(new Finding(
                            FindingCode.DATE_BEFORE_PERIOD,
                            Severity.WARNING,
                            rows.get(0).cells().get("date"),
                            "date",
                            spec.title(),
                            date.toString(),
                            "",
                            List.of(period.toString())));
                }
            }
        }
        return List.of();
    }
}
