package dev.briefpipe.config;

import dev.briefpipe.expr.Expr;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.expr.ExprWalker;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.quartz.CronExpression;

/** Checks a bound {@link BriefConfig} for mistakes Jackson cannot see: references, ranges, expressions. */
final class BriefConfigChecker {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Set<String> CHART_KINDS = Set.of("bar", "hbar", "timeline");
  private final Path file;
  private final YamlLineIndex lines;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private BriefConfig brief;

  BriefConfigChecker(Path file, YamlLineIndex lines) {
    this.file = file;
    this.lines = lines;
  }

  List<ConfigProblem> check(BriefConfig b) {
    this.brief = b;
    String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    if (b.id() == null) {
      problem("", "missing-key", "id");
    } else if (!ID.matcher(b.id()).matches()) {
      problem("/id", "bad-id", b.id());
    } else if (!b.id().equals(stem)) {
      problem("/id", "id-mismatch", b.id(), stem);
    }
    if (b.title() == null || b.title().isBlank()) {
      problem("", "missing-key", "title");
    }
    if (b.workbook() == null || b.workbook().isBlank()) {
      problem("", "missing-key", "workbook");
    }
    checkSheets();
    checkLayout();
    checkSummary();
    checkScheduleAndDelivery();
    checkStyle();
    checkExtracts();
    return problems;
  }

  private void checkSheets() {
    if (brief.sheets().isEmpty()) {
      problem("", "missing-key", "sheets");
      return;
    }
    Set<String> names = new HashSet<>();
    brief.sheets().forEach((id, s) -> {
      String at = "/sheets/" + id;
      if (!FIELD.matcher(id).matches()) {
        problem(at, "bad-field-id", id);
      }
      if (s.sheet() == null || s.sheet().isBlank()) {
        problem(at, "missing-key", "sheet");
      } else if (!names.add(s.sheet())) {
        problem(at + "/sheet", "duplicate-sheet", s.sheet());
      }
      if (s.columns().isEmpty()) {
        problem(at, "missing-key", "columns");
      }
      s.columns().forEach((field, c) -> checkColumn(at + "/columns/" + field, field, c));
      for (String k : s.key()) {
        if (!s.columns().containsKey(k)) {
          problem(at + "/key", "unknown-field", k, id, String.join(", ", s.columns().keySet()));
        }
      }
      if (s.value() != null && !s.columns().containsKey(s.value())) {
        problem(at + "/value", "unknown-field", s.value(), id, String.join(", ", s.columns().keySet()));
      }
      if (s.rows().min() != null && s.rows().max() != null && s.rows().min() > s.rows().max()) {
        problem(at + "/rows", "min-max", s.rows().min(), s.rows().max());
      }
      for (int i = 0; i < s.rules().size(); i++) {
        rule(at + "/rules/" + i, s.rules().get(i), Set.copyOf(s.columns().keySet()));
      }
      for (int i = 0; i < s.checks().size(); i++) {
        rule(at + "/checks/" + i, s.checks().get(i), Set.of());
      }
      if (s.rankOrder() != null) {
        fields(at, "rankOrder", id, s.rankOrder().rank(), s.rankOrder().by());
      }
      s.columns().forEach((field, c) -> {
        for (String[] ref : new String[][] {{"valuesFrom", c.valuesFrom()}, {"references", c.references()}}) {
          if (ref[1] == null) {
            continue;
          }
          String[] parts = ref[1].split("\\.", 2);
          if (parts.length != 2) {
            problem(at + "/columns/" + field + "/" + ref[0], "bad-reference", ref[1]);
          } else {
            fields(at + "/columns/" + field, ref[0], parts[0], parts[1]);
          }
        }
      });
      s.derived().forEach((field, d) -> {
        if (s.columns().containsKey(field)) {
          problem(at + "/derived/" + field, "duplicate-field", field);
        }
        expression(at + "/derived/" + field + "/expr", d.expr(), Set.copyOf(s.columns().keySet()));
      });
    });
  }

  private void checkColumn(String at, String field, ColumnSpec c) {
    if (!FIELD.matcher(field).matches()) {
      problem(at, "bad-field-id", field);
    }
    if (c.header().isEmpty()) {
      problem(at, "missing-key", "header");
    }
    if (c.type() == ColumnType.ENUM && c.values().isEmpty()) {
      problem(at + "/type", "enum-needs-values", field);
    }
    if (c.min() != null && c.max() != null && c.min().compareTo(c.max()) > 0) {
      problem(at + "/min", "min-max", c.min(), c.max());
    }
    if (c.pattern() != null) {
      try {
        Pattern.compile(c.pattern());
      } catch (PatternSyntaxException e) {
        problem(at + "/pattern", "bad-pattern", c.pattern(), e.getDescription());
      }
    }
  }

  private void rule(String at, RuleConfig r, Set<String> rowFields) {
    if (r.code() == null || !r.code().matches("[a-z][a-z0-9-]*")) {
      problem(at + "/code", "bad-rule-code", String.valueOf(r.code()));
    }
    if (!Set.of("error", "warning").contains(r.severity())) {
      problem(at + "/severity", "bad-severity", r.severity());
    }
    expression(at + "/check", r.check(), rowFields);
  }

  private void checkLayout() {
    List<LayoutBlock> layout = brief.layout();
    for (int i = 0; i < layout.size(); i++) {
      String at = "/layout/" + i;
      LayoutBlock b = layout.get(i);
      if (b instanceof LayoutBlock.Title t) {
        fields(at, "sheet", t.sheet(), "series", "number", "title", "date", "publisher");
        if (t.authors() != null) {
          fields(at, "authors", t.authors(), "name", "unit");
        }
      } else if (b instanceof LayoutBlock.Section s) {
        if (s.number() < 1) {
          problem(at + "/number", "bad-section", s.number());
        }
        if (s.title() == null) {
          fields(at, "sheet", s.sheet(), "number", "title");
        }
      } else if (b instanceof LayoutBlock.Narrative n) {
        fields(at, "sheet", n.sheet(), "section", "level", "text");
        if (n.paragraphs() != null && !n.paragraphs().matches("\\s*\\d+\\s*(-\\s*\\d*\\s*)?")) {
          problem(at + "/paragraphs", "bad-paragraphs", n.paragraphs());
        }
      } else if (b instanceof LayoutBlock.Chart c) {
        if (c.kind() == null || !CHART_KINDS.contains(c.kind())) {
          problem(at + "/kind", "bad-chart-kind", String.valueOf(c.kind()), String.join(", ", CHART_KINDS));
        }
        fields(at, "sheet", c.sheet(), c.category(), c.value());
        if (c.series() != null) {
          fields(at, "sheet", c.sheet(), c.series());
        }
        if (c.highlight() != null) {
          String[] kv = c.highlight().split("=", 2);
          if (kv.length != 2) {
            problem(at + "/highlight", "bad-highlight", c.highlight());
          } else {
            fields(at, "sheet", c.sheet(), kv[0].trim());
          }
        }
      } else if (b instanceof LayoutBlock.Table t) {
        fields(at, "sheet", t.sheet(), t.columns() == null ? new String[0] : t.columns().toArray(String[]::new));
        if (t.merge() != null) {
          fields(at, "sheet", t.sheet(), t.merge());
        }
      } else if (b instanceof LayoutBlock.ListBlock l) {
        fields(at, "sheet", l.sheet(), l.field());
      } else if (b instanceof LayoutBlock.KeyFigures k) {
        Set<String> ids = new HashSet<>();
        if (brief.summary() != null) {
          brief.summary().figures().forEach(f -> ids.add(f.id()));
        }
        if (k.figures() == null || k.figures().isEmpty()) {
          problem(at, "missing-key", "figures");
        } else {
          k.figures().stream().filter(f -> !ids.contains(f))
              .forEach(f -> problem(at + "/figures", "unknown-figure", f, String.join(", ", ids)));
        }
      }
    }
  }

  /** Checks that {@code sheetId} is a declared sheet holding every given field. */
  private void fields(String at, String key, String sheetId, String... fields) {
    if (sheetId == null) {
      problem(at, "missing-key", key);
      return;
    }
    SheetSchema s = brief.sheets().get(sheetId);
    if (s == null) {
      problem(at + "/" + key, "unknown-sheet", sheetId, String.join(", ", brief.sheets().keySet()));
      return;
    }
    for (String f : fields) {
      if (f == null) {
        problem(at, "missing-key", "category/value");
      } else if (!s.columns().containsKey(f) && !s.derived().containsKey(f)) {
        problem(at, "unknown-field", f, sheetId, String.join(", ", s.columns().keySet()));
      }
    }
  }

  private void checkSummary() {
    BriefConfig.SummaryConfig s = brief.summary();
    if (s == null) {
      return;
    }
    if (!Set.of("copy", "in-place").contains(s.mode())) {
      problem("/summary/mode", "bad-mode", s.mode());
    }
    for (int i = 0; i < s.tables().size(); i++) {
      BriefConfig.GroupTable g = s.tables().get(i);
      String at = "/summary/tables/" + i;
      List<String> fs = new ArrayList<>();
      fs.add(g.by());
      if (g.across() != null) {
        fs.add(g.across());
      }
      if (g.sum() != null) {
        fs.add(g.sum());
      }
      fields(at, "sheet", g.sheet(), fs.toArray(String[]::new));
      if (g.sort() != null && !Set.of("asc", "desc").contains(g.sort())) {
        problem(at + "/sort", "bad-sort", g.sort());
      }
      if (g.top() != null && g.top() < 1) {
        problem(at + "/top", "bad-top", g.top());
      }
    }
    if (s.chart() != null && (s.chart().table() < 1 || s.chart().table() > s.tables().size())) {
      problem("/summary/chart/table", "bad-chart-table", s.chart().table(), s.tables().size());
    }
    Set<String> earlier = new HashSet<>();
    for (int i = 0; i < s.figures().size(); i++) {
      BriefConfig.Figure f = s.figures().get(i);
      String at = "/summary/figures/" + i;
      if (f.id() == null || !FIELD.matcher(f.id()).matches()) {
        problem(at, "bad-field-id", String.valueOf(f.id()));
      } else if (!earlier.add(f.id())) {
        problem(at + "/id", "duplicate-figure", f.id());
      }
      expression(at + "/expr", f.expr(), Set.copyOf(earlier));
    }
  }

  /** Parses an expression and checks every table, key field and name it uses. */
  private void expression(String at, String text, Set<String> names) {
    if (text == null) {
      problem(at, "missing-key", "expr");
      return;
    }
    Expr e;
    try {
      e = ExprParser.parse(text);
    } catch (ExprException ex) {
      problem(at, "bad-expr", text, ex.getMessage(), ex.offset() + 1);
      return;
    }
    Set<String> tableArgs = new HashSet<>();
    for (Expr.Call c : ExprWalker.collect(e, Expr.Call.class)) {
      if (c.function().equals("count") && !c.args().isEmpty() && c.args().get(0) instanceof Expr.Name n) {
        tableArgs.add(n.name());
        checkTable(at, n.name(), null);
      }
    }
    for (Expr.Lookup l : ExprWalker.collect(e, Expr.Lookup.class)) {
      SheetSchema s = checkTable(at, l.table(), l.field());
      if (s != null && s.key().size() != 1) {
        problem(at, "lookup-needs-key", l.table());
      }
      if (s != null && l.field() == null && s.value() == null) {
        problem(at, "lookup-needs-value", l.table());
      }
    }
    for (Expr.Column c : ExprWalker.collect(e, Expr.Column.class)) {
      checkTable(at, c.table(), c.field());
    }
    Set<String> rowFields = new HashSet<>(names);
    ExprWalker.collect(e, Expr.Call.class).stream()
        .flatMap(c -> c.args().stream())
        .flatMap(a -> ExprWalker.collect(a, Expr.Column.class).stream())
        .forEach(c -> {
          SheetSchema s = brief.sheets().get(c.table());
          if (s != null) {
            rowFields.addAll(s.columns().keySet());
          }
        });
    for (String t : tableArgs) {
      SheetSchema s = brief.sheets().get(t);
      if (s != null) {
        rowFields.addAll(s.columns().keySet());
      }
    }
    for (Expr.Name n : ExprWalker.collect(e, Expr.Name.class)) {
      if (!tableArgs.contains(n.name()) && !rowFields.contains(n.name())) {
        problem(at, "unknown-name", n.name(), text);
      }
    }
  }

  private SheetSchema checkTable(String at, String table, String field) {
    SheetSchema s = brief.sheets().get(table);
    if (s == null) {
      problem(at, "unknown-sheet", table, String.join(", ", brief.sheets().keySet()));
      return null;
    }
    if (field != null && !s.columns().containsKey(field)) {
      problem(at, "unknown-field", field, table, String.join(", ", s.columns().keySet()));
    }
    return s;
  }

  private void checkExtracts() {
    if (brief.extracts() == null) {
      return;
    }
    Set<String> files = new HashSet<>();
    for (int i = 0; i < brief.extracts().size(); i++) {
      ExtractConfig e = brief.extracts().get(i);
      String at = "/extracts/" + i;
      if (e.sheet() == null) {
        problem(at, "missing-key", "sheet");
        continue;
      }
      SheetSchema s = brief.sheets().get(e.sheet());
      if (s == null) {
        problem(at + "/sheet", "unknown-sheet", e.sheet(), String.join(", ", brief.sheets().keySet()));
        continue;
      }
      if (!Set.of("excel", "rfc4180", "tsv").contains(e.profile())) {
        problem(at + "/profile", "bad-profile", e.profile());
      }
      if (e.lineEnding() != null && !Set.of("crlf", "lf").contains(e.lineEnding())) {
        problem(at + "/lineEnding", "bad-line-ending", e.lineEnding());
      }
      if (e.delimiter() != null && e.delimiter().length() != 1 && !e.delimiter().equals("\\t")) {
        problem(at + "/delimiter", "bad-delimiter", e.delimiter());
      }
      if (!e.file().matches("[\\p{L}\\p{N}._-]+") || !files.add(e.file())) {
        problem(at + "/file", "bad-file", e.file());
      }
      List<String> fields = new ArrayList<>(e.columns());
      fields.addAll(e.rename().keySet());
      fields.addAll(e.formats().keySet());
      for (String f : fields) {
        if (!s.columns().containsKey(f)) {
          problem(at, "unknown-field", f, e.sheet(), String.join(", ", s.columns().keySet()));
        }
      }
      if (e.filter() != null) {
        expression(at + "/filter", e.filter(), Set.copyOf(s.columns().keySet()));
      }
    }
  }

  private void checkStyle() {
    StyleConfig st = brief.style();
    st.colors().forEach((name, value) -> {
      if (value == null || !value.matches("#[0-9A-Fa-f]{6}")) {
        problem("/style/colors/" + name, "bad-colour", name, String.valueOf(value));
      }
    });
    int total = st.footer().indexOf("{pages}");
    if (total >= 0 && total + "{pages}".length() != st.footer().length()) {
      problem("/style/footer", "footer-total-last", st.footer());
    }
  }

  private void checkScheduleAndDelivery() {
    BriefConfig.ScheduleConfig s = brief.schedule();
    if (s != null && s.cron() != null) {
      try {
        CronExpression.validateExpression(s.cron());
      } catch (java.text.ParseException e) {
        problem("/schedule/cron", "bad-cron", s.cron(), e.getMessage());
      }
    }
    if (s != null && !java.util.Set.of("current", "previous").contains(s.period())) {
      problem("/schedule/period", "bad-period-mode", s.period());
    }
    if (s != null && s.zone() != null) {
      try {
        ZoneId.of(s.zone());
      } catch (DateTimeException e) {
        problem("/schedule/zone", "bad-zone", s.zone());
      }
    }
    BriefConfig.DeliveryConfig d = brief.delivery();
    if (d == null) {
      return;
    }
    for (String[] t : new String[][] {{"subject", d.subject()}, {"attachment", d.attachment()}}) {
      if (t[1].indexOf('\r') >= 0 || t[1].indexOf('\n') >= 0) {
        problem("/delivery/" + t[0], "line-break", t[0]);
      }
    }
    Map<String, List<String>> groups = Map.of("to", d.to(), "cc", d.cc(), "bcc", d.bcc(), "analysts", d.analysts());
    groups.forEach((g, list) -> {
      for (int i = 0; i < list.size(); i++) {
        String addr = list.get(i);
        if (!isAddress(addr)) {
          problem("/delivery/" + g + "/" + i, "bad-email", String.valueOf(addr));
        }
      }
    });
  }

  /** One plain address (name@domain), strictly parsed; no display names, lists or line breaks. */
  private static boolean isAddress(String addr) {
    if (addr == null || !EMAIL.matcher(addr).matches()) {
      return false;
    }
    try {
      InternetAddress a = new InternetAddress(addr, true);
      return a.getAddress().equals(addr);
    } catch (AddressException e) {
      return false;
    }
  }

  private void problem(String pointer, String key, Object... args) {
    problems.add(new ConfigProblem(file, lines.lineOf(pointer), key, List.of(args)));
  }
}
