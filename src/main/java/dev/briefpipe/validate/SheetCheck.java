package dev.briefpipe.validate;

import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Severity;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowCells;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  /** The values of merged regions' top-left cells, caught as their rows go by. */
  private final Map<Long, RawCell> mergeTops = new HashMap<>();
  private final Set<Long> mergeTopPositions = new HashSet<>();
  private final List<KeyCheck> keyChecks = new ArrayList<>();
  private final List<RuleChecker.RowRule> localRules;
  private final ExprEvaluator rowEval = new ExprEvaluator(new Dataset(List.of()), n -> Optional.empty());
  private final List<Finding> ruleFindings = new ArrayList<>();
  private Map<String, Integer> columns;
  private List<Row> rows;
  private final RowListener listener;

  SheetCheck(String id, SheetSchema schema, SheetRows sheet, List<Finding> out, CellParser.Context ctx,
      Function<Map<String, Integer>, List<Row>> sink, List<RuleChecker.RowRule> localRules, RowListener listener) {
    this.listener = listener;
    this.localRules = localRules;
    this.id = id;
    this.schema = schema;
    this.sheet = sheet;
    this.out = out;
    this.ctx = ctx;
    this.sink = sink;
    sheet.merged().forEach(m -> mergeTopPositions.add(position(m.firstRow(), m.firstColumn())));
  }

  Table run() {
    int headerIndex = schema.headerRow() - 1;
    sheet.forEachRow(raw -> {
      if (!mergeTopPositions.isEmpty()) {
        for (RawCell c : raw.cells()) {
          long at = position(c.ref().row(), c.ref().column());
          if (mergeTopPositions.contains(at)) {
            mergeTops.put(at, c);
          }
        }
      }
      if (raw.index() == headerIndex) {
        start(raw.cells(), headerIndex);
      } else if (raw.index() > headerIndex) {
        if (columns == null) {
          start(List.of(), headerIndex);
        }
        readRow(raw, columns).ifPresent(r -> {
          keyChecks.forEach(k -> k.accept(r));
          localRules.forEach(rule -> rule.judge(r, rowEval, ruleFindings));
          if (listener != null) {
            listener.row(r);
          }
          rows.add(r);
        });
      }
    });
    if (columns == null) {
      start(List.of(), headerIndex);
    }
    keyChecks.forEach(k -> out.addAll(k.findings));
    out.addAll(ruleFindings);
    checkRowCount(rows.size());
    List<String> fields = new ArrayList<>(columns.keySet());
    List<Integer> cols = fields.stream().map(columns::get).toList();
    return new Table(id, schema.sheet(), fields, cols, schema.key(), rows, schema.value());
  }

  private void start(List<RawCell> header, int headerIndex) {
    columns = HeaderMatcher.match(schema.columns(), header);
    checkHeader(header, columns, headerIndex);
    rows = sink.apply(columns);
    if (listener != null) {
      listener.start(new ArrayList<>(columns.keySet()));
    }
    boolean streamed = sheet.streamed();
    if (!schema.key().isEmpty()) {
      keyChecks.add(new KeyCheck(schema, schema.key(), "key-duplicate", streamed));
    }
    schema.columns().forEach((field, spec) -> {
      if (spec.unique() && !(schema.key().size() == 1 && schema.key().get(0).equals(field))) {
        keyChecks.add(new KeyCheck(schema, List.of(field), "unique-duplicate", streamed));
      }
    });
  }

  private static long position(int row, int column) {
    return ((long) row << 20) | column;
  }

  private void checkHeader(List<RawCell> header, Map<String, Integer> columns, int headerIndex) {
    schema.columns().forEach((field, spec) -> {
      if (!columns.containsKey(field)) {
        int at = header.size();
        out.add(new Finding("column-missing", spec.required() ? Severity.ERROR : Severity.WARNING,
            new CellRef(sheet.name(), headerIndex, at), field, spec.title(), "", String.join(" / ", spec.header()),
            List.of()));
      }
    });
    Set<Integer> known = new HashSet<>(columns.values());
    for (int c = 0; c < header.size(); c++) {
      RawCell h = header.get(c);
      if (!known.contains(c) && !h.isBlank()) {
        out.add(new Finding("column-unknown", Severity.WARNING, h.ref(), "", h.display(), h.display(), "", List.of()));
      }
    }
  }

  private Optional<Row> readRow(RawSheet.RawRow raw, Map<String, Integer> columns) {
    Map<String, Object> values = new HashMap<>();
    boolean any = false;
    for (Map.Entry<String, Integer> c : columns.entrySet()) {
      any |= !raw.cell(sheet.name(), c.getValue()).isBlank();
    }
    if (!any) {
      return Optional.empty();
    }
    if (raw.hidden()) {
      out.add(new Finding("hidden-row", Severity.WARNING, new CellRef(sheet.name(), raw.index(), -1), "", "", "", "",
          List.of()));
    }
    for (Map.Entry<String, Integer> c : columns.entrySet()) {
      String field = c.getKey();
      ColumnSpec spec = schema.columns().get(field);
      RawCell cell = raw.cell(sheet.name(), c.getValue());
      if (cell.isBlank() && ctx.normalise().mergedCells()) {
        RawCell top = mergedValue(cell);
        if (top != null) {
          out.add(new Finding("merged-cell", Severity.WARNING, cell.ref(), field, spec.title(), top.display(),
              top.ref().a1(), List.of()));
          cell = new RawCell(cell.ref(), top.kind(), top.text(), top.number(), top.date(), top.formula(), top.display());
        }
      }
      if (cell.formula() != null && cell.formula().contains("[")) {
        out.add(new Finding("external-link", Severity.WARNING, cell.ref(), field, spec.title(), cell.formula(), "",
            List.of()));
      }
      CellParser.Parsed p = CellParser.parse(cell, spec, ctx);
      if (p.error() != null) {
        add(p.error(), Severity.ERROR, cell, field, spec);
        continue;
      }
      if (p.normalized() != null) {
        out.add(new Finding(p.normalized(), Severity.WARNING, cell.ref(), field, spec.title(), cell.display(),
            ValueRules.expected(p.normalized(), spec), List.of(p.read())));
      }
      if (p.value() == null) {
        if (spec.required()) {
          add("required-missing", Severity.ERROR, cell, field, spec);
        }
        continue;
      }
      values.put(field, p.value());
      RawCell checked = cell;
      ValueRules.check(p.value(), spec).ifPresent(code -> add(code, Severity.ERROR, checked, field, spec));
    }
    return Optional.of(new Row(raw.index(), values, new RowCells(sheet.name(), raw.index(), columns)));
  }

  /** The value a blank cell takes from the merged region it lies in, or null. */
  private RawCell mergedValue(RawCell cell) {
    return mergedAt(cell.ref().row(), cell.ref().column())
        .map(m -> mergeTops.get(position(m.firstRow(), m.firstColumn()))).filter(c -> !c.isBlank()).orElse(null);
  }

  private Optional<RawSheet.Merged> mergedAt(int row, int column) {
    return sheet.merged().stream()
        .filter(m -> m.contains(row, column) && !(m.firstRow() == row && m.firstColumn() == column)).findFirst();
  }

  /**
   * Duplicate keys, found as rows go by. A streamed sheet keeps a 64-bit hash per key instead of
   * the key itself (a false duplicate needs a hash collision: about one in 10^10 for a million keys).
   */

  private void checkRowCount(int n) {
    SheetSchema.RowCount rc = schema.rows();
    if ((rc.min() != null && n < rc.min()) || (rc.max() != null && n > rc.max())) {
      String range = rc.max() == null ? "≥ " + rc.min() : rc.min() == null ? "≤ " + rc.max()
          : rc.min().equals(rc.max()) ? String.valueOf(rc.min()) : rc.min() + "–" + rc.max();
      out.add(new Finding("row-count", Severity.ERROR, CellRef.ofSheet(sheet.name()), "", "", String.valueOf(n), range,
          List.of()));
    }
  }

  private void add(String code, Severity sev, RawCell cell, String field, ColumnSpec spec) {
    out.add(new Finding(code, sev, cell.ref(), field, spec.title(), cell.display(), ValueRules.expected(code, spec),
        List.of()));
  }
}
