package dev.briefpipe.validate;

import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Severity;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a workbook against a brief's schema and, in the same pass, types its values. Reports every
 * finding (never stops at the first) and returns the typed {@link Dataset} of what could be read.
 * Stateless; thread-safe.
 */
public final class SchemaValidator {

  /** The report, and the typed data (complete only when the report is valid). */
  public record Result(ValidationReport report, Dataset dataset) {}

  public Result validate(RawWorkbook wb, BriefConfig brief) {
    long start = System.nanoTime();
    List<Finding> findings = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    List<String> order = new ArrayList<>();
    int rows = 0;
    long cells = 0;
    for (Map.Entry<String, SheetSchema> e : brief.sheets().entrySet()) {
      SheetSchema schema = e.getValue();
      order.add(schema.sheet());
      Optional<RawSheet> sheet = wb.findSheet(schema.sheet());
      if (sheet.isEmpty()) {
        findings.add(new Finding("sheet-missing", Severity.ERROR, CellRef.ofSheet(schema.sheet()), "", "", "", "",
            List.of(String.join(", ", wb.sheetNames()))));
        continue;
      }
      if (sheet.get().hidden()) {
        findings.add(new Finding("hidden-sheet", Severity.WARNING, CellRef.ofSheet(schema.sheet()), "", "", "", "",
            List.of()));
      }
      CellParser.Context ctx = new CellParser.Context(brief.normalise(), wb.date1904());
      Table t = new SheetCheck(e.getKey(), schema, sheet.get(), findings, ctx).run();
      tables.add(t);
      rows += t.rows().size();
      cells += (long) t.rows().size() * schema.columns().size();
    }
    Dataset dataset = new Dataset(tables);
    findings.addAll(RuleChecker.check(dataset, brief));
    long millis = (System.nanoTime() - start) / 1_000_000;
    ValidationReport report = new ValidationReport(wb.file(), findings,
        new ValidationReport.Stats(order, tables.size(), rows, cells, millis));
    return new Result(report, dataset);
  }

  /** The checks of one sheet. */
  private static final class SheetCheck {
    private final String id;
    private final SheetSchema schema;
    private final RawSheet sheet;
    private final List<Finding> out;
    private final CellParser.Context ctx;

    SheetCheck(String id, SheetSchema schema, RawSheet sheet, List<Finding> out, CellParser.Context ctx) {
      this.id = id;
      this.schema = schema;
      this.sheet = sheet;
      this.out = out;
      this.ctx = ctx;
    }

    Table run() {
      int headerIndex = schema.headerRow() - 1;
      List<RawCell> header = sheet.rows().stream().filter(r -> r.index() == headerIndex).findFirst()
          .map(RawSheet.RawRow::cells).orElse(List.of());
      Map<String, Integer> columns = HeaderMatcher.match(schema.columns(), header);
      checkHeader(header, columns, headerIndex);
      List<Row> rows = new ArrayList<>();
      for (RawSheet.RawRow raw : sheet.rows()) {
        if (raw.index() > headerIndex) {
          readRow(raw, columns).ifPresent(rows::add);
        }
      }
      checkKeys(rows);
      checkRowCount(rows.size());
      List<String> fields = new ArrayList<>(columns.keySet());
      List<Integer> cols = fields.stream().map(columns::get).toList();
      return new Table(id, schema.sheet(), fields, cols, schema.key(), rows, schema.value());
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
      Map<String, CellRef> refs = new LinkedHashMap<>();
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
        refs.put(field, cell.ref());
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
      return Optional.of(new Row(raw.index(), values, refs));
    }

    /** The value a blank cell takes from the merged region it lies in, or null. */
    private RawCell mergedValue(RawCell cell) {
      return sheet.mergedAt(cell.ref().row(), cell.ref().column()).flatMap(m -> sheet.rows().stream()
          .filter(r -> r.index() == m.firstRow()).findFirst()
          .map(r -> r.cell(sheet.name(), m.firstColumn()))).filter(c -> !c.isBlank()).orElse(null);
    }

    private void checkKeys(List<Row> rows) {
      if (!schema.key().isEmpty()) {
        duplicates(rows, schema.key(), "key-duplicate");
      }
      schema.columns().forEach((field, spec) -> {
        if (spec.unique() && !(schema.key().size() == 1 && schema.key().get(0).equals(field))) {
          duplicates(rows, List.of(field), "unique-duplicate");
        }
      });
    }

    private void duplicates(List<Row> rows, List<String> fields, String code) {
      Map<List<String>, Row> seen = new HashMap<>();
      for (Row r : rows) {
        List<String> k = fields.stream().map(r::text).toList();
        if (k.stream().allMatch(String::isEmpty)) {
          continue;
        }
        Row first = seen.putIfAbsent(k, r);
        if (first != null) {
          String field = fields.get(0);
          CellRef at = r.cell(field).orElseThrow();
          out.add(new Finding(code, Severity.ERROR, at, field, schema.columns().get(field).title(),
              String.join(", ", k), "", List.of(first.sheetRow() + 1)));
        }
      }
    }

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
}
