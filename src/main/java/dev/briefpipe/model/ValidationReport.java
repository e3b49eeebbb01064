package dev.briefpipe.model;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every finding of one validation, in sheet order then row then column, plus counts. A sheet whose
 * findings are all about what could not be computed from other cells (a figure, a placeholder) comes
 * after the sheets with findings of their own, so an analyst reading from the top meets the cause
 * before what follows from it. Bad data is a value here, never an exception.
 */
public record ValidationReport(Path workbook, List<Finding> findings, Stats stats) {

    public ValidationReport {
        Set<String> causes = findings.stream()
                .filter(f -> !(f.code() instanceof FindingCode c && c.follows()))
                .map(f -> f.at().sheet())
                .collect(Collectors.toSet());
        findings = findings.stream()
                .sorted(Comparator.comparing((Finding f) -> !causes.contains(f.at().sheet()))
                        .thenComparingInt(f -> stats.sheetOrder().indexOf(f.at().sheet()) < 0
                                ? Integer.MAX_VALUE
                                : stats.sheetOrder().indexOf(f.at().sheet()))
                        .thenComparingInt(f -> f.at().row())
                        .thenComparingInt(f -> f.at().column()))
                .toList();
    }

    public boolean valid() {
        return errorCount() == 0;
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return findings.size() - errorCount();
    }

    /**
     * @param sheetOrder sheet names in schema order, for sorting
     * @param sheets sheets checked; rows data rows read; cells cells checked
     */
    public record Stats(List<String> sheetOrder, int sheets, int rows, long cells, long millis) {
        public Stats {
            sheetOrder = List.copyOf(sheetOrder);
        }
    }
}
