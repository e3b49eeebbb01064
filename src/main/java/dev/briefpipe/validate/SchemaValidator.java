package dev.briefpipe.validate;

import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Severity;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.model.CompactRows;
import dev.briefpipe.model.RowListener;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.RowCells;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
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
    List<Map.Entry<String, SheetSchema>> processing = new ArrayList<>(brief.sheets().entrySet());
    processing.sort(java.util.Comparator.comparing(e -> !hasTemplates(e.getValue())));
    for (Map.Entry<String, SheetSchema> e : processing) {
      SheetSchema schema = e.getValue();
      List<Finding> findings = bySheet.get(e.getKey());
      Optional<SheetRows> sheet = wb.findSheet(schema.sheet());
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
      Function<Map<String, Integer>, List<Row>> sink = columns -> !sheet.get().streamed()
          ? new ArrayList<>()
          : new CompactRows(schema.sheet(), columns, keepAll ? List.copyOf(columns.keySet())
              : FieldUsage.kept(brief, e.getKey(), columns.keySet(), placeholders));
      SheetRows rowsOf = sheet.get();
      boolean known = rowsOf.mergedKnown();
      List<Finding> found = new ArrayList<>();
      // A streamed sheet's row-local rules are judged as its rows go by, so their fields need not be kept.
      List<RuleChecker.RowRule> local = !rowsOf.streamed() ? List.of() : schema.rules().stream()
          .filter(r -> RuleChecker.RowRule.isLocal(r, schema))
          .map(r -> new RuleChecker.RowRule(schema.sheet(), schema, r)).toList();
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
    ValidationReport report = new ValidationReport(wb.file(), findings,
        new ValidationReport.Stats(order, inOrder.size(), rows, cells, millis));
    return new Result(report, dataset);
  }

  private static boolean hasTemplates(SheetSchema schema) {
    return schema.columns().values().stream().anyMatch(ColumnSpec::template);
  }

  /** The checks of one sheet, one row at a time. */
  private static final class SheetCheck {
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
        keyChecks.add(new KeyCheck(schema.key(), "key-duplicate", streamed));
      }
      schema.columns().forEach((field, spec) -> {
        if (spec.unique() && !(schema.key().size() == 1 && schema.key().get(0).equals(field))) {
          keyChecks.add(new KeyCheck(List.of(field), "unique-duplicate", streamed));
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
    private final class KeyCheck {
      private final List<String> fields;
      private final String code;
      private final Map<List<String>, Integer> seen = new HashMap<>();
      private final LongIntMap hashes;
      final List<Finding> findings = new ArrayList<>();

      KeyCheck(List<String> fields, String code, boolean compact) {
        this.fields = fields;
        this.code = code;
        this.hashes = compact ? new LongIntMap() : null;
      }

      void accept(Row r) {
        List<String> k = fields.stream().map(r::text).toList();
        if (k.stream().allMatch(String::isEmpty)) {
          return;
        }
        int first;
        if (hashes != null) {
          first = hashes.putIfAbsent(hash(k), r.sheetRow());
        } else {
          Integer prev = seen.putIfAbsent(k, r.sheetRow());
          first = prev == null ? -1 : prev;
        }
        if (first >= 0) {
          String field = fields.get(0);
          CellRef at = r.cell(field).orElseThrow();
          findings.add(new Finding(code, Severity.ERROR, at, field, schema.columns().get(field).title(),
              String.join(", ", k), "", List.of(first + 1)));
        }
      }

      private static long hash(List<String> key) {
        long h = 0xcbf29ce484222325L;
        for (String part : key) {
          for (int i = 0; i < part.length(); i++) {
            h ^= part.charAt(i);
            h *= 0x100000001b3L;
          }
          h ^= 0x1F;
          h *= 0x100000001b3L;
        }
        // murmur3's finaliser, so that near-equal keys spread over the table
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
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
