package dev.briefpipe.validate;

import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.FieldValues;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowCells;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks of one sheet, row by row as it is read: header, cell types and values, keys and
 * row-local rules; each typed row goes to the table being built and to the sheet's listener, if any.
 */
final class SheetCheck {
    private final String id;
    private final SheetSchema schema;
    private final SheetRows sheet;
    private final List<Finding> out;
    private final CellParser.Context ctx;
    private final Function<Map<String, Integer>, List<Row>> sink;
    private final MergedTops mergedTops;
    private final List<KeyCheck> keyChecks = new ArrayList<>();
    private final List<RuleChecker.RowRule> localRules;
    private final ExprEvaluator rowEval = new ExprEvaluator(new Dataset(List.of()), n -> Optional.empty());
    private final List<Finding> ruleFindings = new ArrayList<>();
    /** The columns found from the header, and the same as arrays: set on the reading side. */
    private Map<String, Integer> columns;

    private String[] fieldIds;
    private int[] fieldColumns;
    private ColumnSpec[] fieldSpecs;
    private ValueRules.Checker[] fieldRules;
    private List<Row> rows;
    private final RowListener listener;

    SheetCheck(
            String id,
            SheetSchema schema,
            SheetRows sheet,
            List<Finding> out,
            CellParser.Context ctx,
            Function<Map<String, Integer>, List<Row>> sink,
            List<RuleChecker.RowRule> localRules,
            RowListener listener) {
        this.listener = listener;
        this.localRules = localRules;
        this.id = id;
        this.schema = schema;
        this.sheet = sheet;
        this.out = out;
        this.ctx = ctx;
        this.sink = sink;
        this.mergedTops = new MergedTops(sheet.merged());
    }

    Table run() {
        HeaderSearch header = new HeaderSearch(schema, this::begin, this::data);
        sheet.forEachRow(raw -> {
            mergedTops.catchTops(raw);
            if (columns == null) {
                header.offer(raw);
            } else {
                data(raw);
            }
        });
        header.finish();
        keyChecks.forEach(k -> out.addAll(k.findings));
        out.addAll(ruleFindings);
        SheetShape.rowCount(schema, sheet.name(), rows.size(), out);
        List<String> fields = new ArrayList<>(columns.keySet());
        List<Integer> cols = fields.stream().map(columns::get).toList();
        return new Table(id, schema.sheet(), fields, cols, schema.key(), rows, schema.value());
    }

    private void data(RawSheet.RawRow raw) {
        Row r = readRow(raw);
        if (r != null) {
            for (KeyCheck k : keyChecks) {
                k.accept(r);
            }
            for (RuleChecker.RowRule rule : localRules) {
                rule.judge(r, rowEval, ruleFindings);
            }
            if (listener != null) {
                listener.row(r);
            }
            rows.add(r);
        }
    }

    /**
     * The columns found from the header, and what is wrong with it (below the schema's row: where it
     * is); the table and its checks begin.
     */
    private void begin(List<RawCell> header, int headerIndex, boolean moved) {
        if (moved) {
            out.add(new Finding(
                    FindingCode.HEADER_MOVED,
                    Severity.WARNING,
                    new CellRef(sheet.name(), headerIndex, -1),
                    "",
                    "",
                    "",
                    "",
                    List.of(schema.headerRow(), headerIndex + 1)));
        }
        // Field ids interned, as the names in rules are: each row's values are found by identity.
        columns = new LinkedHashMap<>();
        HeaderMatcher.match(schema.columns(), header).forEach((field, column) -> columns.put(field.intern(), column));
        fieldIds = columns.keySet().toArray(String[]::new);
        fieldColumns = columns.values().stream().mapToInt(Integer::intValue).toArray();
        fieldSpecs = new ColumnSpec[fieldIds.length];
        fieldRules = new ValueRules.Checker[fieldIds.length];
        for (int i = 0; i < fieldIds.length; i++) {
            fieldSpecs[i] = schema.columns().get(fieldIds[i]);
            fieldRules[i] = new ValueRules.Checker(fieldSpecs[i]);
        }
        SheetShape.header(schema, sheet.name(), header, columns, headerIndex, out);
        rows = sink.apply(columns);
        if (listener != null) {
            listener.start(new ArrayList<>(columns.keySet()));
        }
        if (!schema.key().isEmpty()) {
            keyChecks.add(new KeyCheck(schema, schema.key(), FindingCode.KEY_DUPLICATE));
        }
        schema.columns().forEach((field, spec) -> {
            if (spec.unique()
                    && !(schema.key().size() == 1 && schema.key().get(0).equals(field))) {
                keyChecks.add(new KeyCheck(schema, List.of(field), FindingCode.UNIQUE_DUPLICATE));
            }
        });
    }

    /** The typed row, or null when none of the schema's columns holds anything. */
    private Row readRow(RawSheet.RawRow raw) {
        String sheetName = sheet.name();
        // A blank row (formatted, never typed in) is left at its first cells: most rows of data are told
        // by their first cell, and a sheet may hold many blank rows.
        boolean any = false;
        for (int i = 0; i < fieldColumns.length && !any; i++) {
            any = !raw.cell(sheetName, fieldColumns[i]).isBlank();
        }
        if (!any) {
            return null;
        }
        // Each field's cell, a blank one in a merged region holding the region's value.
        boolean mergedCells = ctx.normalise().mergedCells();
        List<RawCell> cells = new ArrayList<>(fieldColumns.length);
        RawCell[] tops = new RawCell[fieldColumns.length];
        for (int i = 0; i < fieldColumns.length; i++) {
            RawCell cell = raw.cell(sheetName, fieldColumns[i]);
            RawCell top = mergedCells && cell.isBlank() ? mergedTops.valueFor(cell) : null;
            tops[i] = top;
            cells.add(
                    top == null
                            ? cell
                            : new RawCell(
                                    cell.ref(),
                                    top.kind(),
                                    top.text(),
                                    top.number(),
                                    top.date(),
                                    top.formula(),
                                    top.display()));
        }
        Finding note = SheetShape.note(schema, fieldIds, cells);
        if (note != null) {
            out.add(note);
            return null;
        }
        if (raw.hidden()) {
            out.add(new Finding(
                    FindingCode.HIDDEN_ROW,
                    Severity.WARNING,
                    new CellRef(sheetName, raw.index(), -1),
                    "",
                    "",
                    "",
                    "",
                    List.of()));
        }
        int first = out.size();
        Object[] values = new Object[fieldIds.length];
        for (int i = 0; i < fieldIds.length; i++) {
            String field = fieldIds[i];
            ColumnSpec spec = fieldSpecs[i];
            RawCell cell = cells.get(i);
            if (tops[i] != null) {
                out.add(new Finding(
                        FindingCode.MERGED_CELL,
                        Severity.WARNING,
                        cell.ref(),
                        field,
                        spec.title(),
                        cell.display(),
                        tops[i].ref().a1(),
                        List.of()));
            }
            if (cell.formula() != null && cell.formula().contains("[")) {
                out.add(new Finding(
                        FindingCode.EXTERNAL_LINK,
                        Severity.WARNING,
                        cell.ref(),
                        field,
                        spec.title(),
                        cell.formula(),
                        "",
                        List.of()));
            }
            CellParser.Parsed parsed = CellParser.parse(cell, spec, ctx);
            if (parsed.error() != null) {
                error(parsed.error(), cell, field, spec, parsed.read());
                continue;
            }
            if (parsed.normalized() != null) {
                out.add(new Finding(
                        parsed.normalized(),
                        Severity.WARNING,
                        cell.ref(),
                        field,
                        spec.title(),
                        cell.display(),
                        ValueRules.expected(parsed.normalized(), spec),
                        // What it was read as, and in what unit ("8860", " 억 달러").
                        List.of(
                                parsed.read(),
                                spec.unit() == null ? "" : " " + spec.unit().strip())));
            }
            if (parsed.value() == null) {
                if (spec.required()) {
                    error(FindingCode.REQUIRED_MISSING, cell, field, spec, null);
                }
                continue;
            }
            values[i] = parsed.value();
            FindingCode broken = fieldRules[i].check(parsed.value());
            if (broken != null) {
                error(broken, cell, field, spec, null);
            }
        }
        if (first < out.size() && SheetShape.totalRow(raw, out.subList(first, out.size()))) {
            return null;
        }
        return new Row(raw.index(), new FieldValues(fieldIds, values), new RowCells(sheetName, raw.index(), columns));
    }

    /** @param arg what the message names beside the cell, or null */
    private void error(FindingCode code, RawCell cell, String field, ColumnSpec spec, Object arg) {
        out.add(new Finding(
                code,
                Severity.ERROR,
                cell.ref(),
                field,
                spec.title(),
                cell.display(),
                ValueRules.expected(code, spec),
                arg == null ? List.of() : List.of(arg)));
    }
}
