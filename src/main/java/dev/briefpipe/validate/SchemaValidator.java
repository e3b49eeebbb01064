package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.CompactRows;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.model.Table;
import dev.briefpipe.model.ValidationReport;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a workbook against a brief's schema and, in the same pass, types its values. Reports every
 * finding (never stops at the first) and returns the typed {@link Dataset} of what could be read.
 * Stateless; thread-safe.
 */
public final class SchemaValidator {

    /** The report, and the typed data (complete only when the report is valid). */
    public record Result(ValidationReport report, Dataset dataset) {}

    public Result validate(RawWorkbook wb, BriefConfig brief) {
        return validate(wb, brief, false);
    }

    /**
     * @param keepAll keep every field of a streamed sheet (a build writes them all out); otherwise only
     *     the fields the brief refers to after reading are kept
     */
    public Result validate(RawWorkbook wb, BriefConfig brief, boolean keepAll) {
        return validate(wb, brief, keepAll, Map.of());
    }

    /**
     * @param listeners by sheet id: hear each sheet's rows as they are read, every field included (so a
     *     build writes a large sheet's extracts without keeping its rows)
     */
    public Result validate(RawWorkbook wb, BriefConfig brief, boolean keepAll, Map<String, RowListener> listeners) {
        long start = System.nanoTime();
        Map<String, List<Finding>> bySheet = new LinkedHashMap<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        brief.sheets().keySet().forEach(id -> bySheet.put(id, new ArrayList<>()));
        brief.sheets().values().forEach(s -> order.add(s.sheet()));
        StringBuilder placeholders = new StringBuilder();
        Set<String> judged = new HashSet<>();
        int rows = 0;
        long cells = 0;
        // Sheets with templated text first: their placeholders say which fields of the others are needed.
        List<Map.Entry<String, SheetSchema>> processing =
                new ArrayList<>(brief.sheets().entrySet());
        processing.sort(java.util.Comparator.comparing(e -> !hasTemplates(e.getValue())));
        for (Map.Entry<String, SheetSchema> e : processing) {
            SheetSchema schema = e.getValue();
            List<Finding> findings = bySheet.get(e.getKey());
            Optional<SheetRows> sheet = wb.findSheet(schema.sheet());
            if (sheet.isEmpty()) {
                // The sheet renamed: a name that differs only in spacing or case (0), or its header (1).
                Optional<String> near = nearName(schema.sheet(), wb.sheetNames());
                int how = near.isPresent() ? 0 : 1;
                near = near.or(() -> sameHeader(schema, wb, brief));
                findings.add(new Finding(
                        near.isPresent() ? FindingCode.SHEET_RENAMED : FindingCode.SHEET_MISSING,
                        Severity.ERROR,
                        CellRef.ofSheet(schema.sheet()),
                        "",
                        "",
                        "",
                        "",
                        near.isPresent() ? List.of(near.get(), how) : List.of(String.join(", ", wb.sheetNames()))));
                continue;
            }
            if (sheet.get().hidden()) {
                findings.add(new Finding(
                        FindingCode.HIDDEN_SHEET,
                        Severity.WARNING,
                        CellRef.ofSheet(schema.sheet()),
                        "",
                        "",
                        "",
                        "",
                        List.of()));
            }
            CellParser.Context ctx = new CellParser.Context(brief.normalise(), wb.date1904());
            Function<Map<String, Integer>, List<Row>> sink = columns -> new CompactRows(
                    schema.sheet(),
                    columns,
                    keepAll
                            ? List.copyOf(columns.keySet())
                            : FieldUsage.kept(brief, e.getKey(), columns.keySet(), placeholders));
            SheetRows rowsOf = sheet.get();
            boolean known = rowsOf.mergedKnown();
            List<Finding> found = new ArrayList<>();
            // Row-local rules are judged as the rows go by, so their fields need not be kept.
            List<RuleChecker.RowRule> local = schema.rules().stream()
                    .filter(r -> RuleChecker.RowRule.isLocal(r, schema))
                    .map(r -> new RuleChecker.RowRule(schema.sheet(), schema, r))
                    .toList();
            if (!local.isEmpty()) {
                judged.add(e.getKey());
            }
            RowListener listener = listeners.get(e.getKey());
            Table first = new SheetCheck(e.getKey(), schema, rowsOf, found, ctx, sink, local, listener).run();
            if (!known && !rowsOf.merged().isEmpty()) {
                // Merged cells turned up after the rows: read the sheet again, knowing them.
                found.clear();
                first = new SheetCheck(e.getKey(), schema, rowsOf, found, ctx, sink, local, listener).run();
            }
            Table t = first;
            findings.addAll(found);
            tables.put(e.getKey(), t);
            rows += t.rows().size();
            cells += (long) t.rows().size() * schema.columns().size();
            if (hasTemplates(schema)) {
                schema.columns().forEach((field, spec) -> {
                    if (spec.template()) {
                        t.rows().forEach(r -> placeholders.append(r.text(field)).append('\n'));
                    }
                });
            }
        }
        List<Finding> findings = new ArrayList<>();
        bySheet.values().forEach(findings::addAll);
        List<Table> inOrder = new ArrayList<>();
        brief.sheets().keySet().forEach(id -> {
            if (tables.containsKey(id)) {
                inOrder.add(tables.get(id));
            }
        });
        Dataset dataset = new Dataset(inOrder);
        findings.addAll(RuleChecker.check(dataset, brief, judged));
        long millis = (System.nanoTime() - start) / 1_000_000;
        ValidationReport report = new ValidationReport(
                wb.file(), findings, new ValidationReport.Stats(order, inOrder.size(), rows, cells, millis));
        return new Result(report, dataset);
    }

    /**
     * The one sheet whose name differs from {@code wanted} only in spaces (a trailing one is invisible on
     * the tab), underscores, hyphens or case, when there is exactly one.
     */
    private static Optional<String> nearName(String wanted, List<String> names) {
        List<String> near =
                names.stream().filter(n -> bare(n).equals(bare(wanted))).toList();
        return near.size() == 1 ? Optional.of(near.get(0)) : Optional.empty();
    }

    /**
     * The one sheet that no schema names and that has this schema's header (where {@link HeaderSearch}
     * would find it), when there is exactly one: the sheet, renamed.
     */
    private static Optional<String> sameHeader(SheetSchema schema, RawWorkbook wb, BriefConfig brief) {
        Set<String> named = new HashSet<>();
        brief.sheets().values().forEach(s -> named.add(s.sheet()));
        List<String> alike = wb.sheetNames().stream()
                .filter(n -> !named.contains(n))
                .filter(n -> wb.findSheet(n)
                        .filter(s -> HeaderSearch.headed(schema, s))
                        .isPresent())
                .toList();
        return alike.size() == 1 ? Optional.of(alike.get(0)) : Optional.empty();
    }

    private static String bare(String name) {
        return HeaderMatcher.normalize(Normalizer.normalize(name, Normalizer.Form.NFC))
                .replaceAll("[_\\-]", "");
    }

    private static boolean hasTemplates(SheetSchema schema) {
        return schema.columns().values().stream().anyMatch(ColumnSpec::template);
    }
}
