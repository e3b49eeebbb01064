package dev.briefpipe.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.model.Table;
import dev.briefpipe.validate.SchemaValidator;
import dev.briefpipe.workbook.StreamingWorkbookReader;
import dev.briefpipe.workbook.WorkbookReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a workbook both ways, in memory and streamed, asserts that the two agree cell for cell, finding
 * for finding and row for row, and returns the in-memory result. Every validation test that goes
 * through here is also a test of the streaming reader.
 */
public final class BothReaders {
  private BothReaders() {}

  public static SchemaValidator.Result validate(Path file, BriefConfig brief) {
    RawWorkbook memory = new WorkbookReader().read(file);
    assertSameCells(memory, new StreamingWorkbookReader().open(file, 1L << 30, 1L << 28, true));
    // A fresh one for validation: merged regions are learnt during the first pass.
    RawWorkbook streamed = new StreamingWorkbookReader().open(file, 1L << 30, 1L << 28, true);

    SchemaValidator.Result a = new SchemaValidator().validate(memory, brief);
    // What a build's CSV extracts hear of a streamed sheet: every row, every field.
    java.util.Map<String, List<dev.briefpipe.model.Row>> heard = new java.util.HashMap<>();
    java.util.Map<String, List<String>> heardFields = new java.util.HashMap<>();
    java.util.Map<String, dev.briefpipe.model.RowListener> listeners = new java.util.HashMap<>();
    for (String id : brief.sheets().keySet()) {
      listeners.put(id, new dev.briefpipe.model.RowListener() {
        @Override
        public void start(List<String> fields) {
          heard.put(id, new ArrayList<>());
          heardFields.put(id, fields);
        }

        @Override
        public void row(dev.briefpipe.model.Row row) {
          heard.get(id).add(row);
        }
      });
    }
    SchemaValidator.Result kept = new SchemaValidator().validate(streamed, brief, false, listeners);
    SchemaValidator.Result all = new SchemaValidator().validate(streamed, brief, true);
    assertThat(sorted(kept.report().findings())).as("findings, streamed").isEqualTo(sorted(a.report().findings()));
    assertThat(sorted(all.report().findings())).isEqualTo(sorted(a.report().findings()));
    for (Table t : a.dataset().tables()) {
      Table s = all.dataset().table(t.id());
      assertThat(new ArrayList<>(s.rows())).as("rows of %s, streamed", t.id()).isEqualTo(t.rows());
      assertThat(s.fields()).isEqualTo(t.fields());
      assertThat(heard.get(t.id())).as("rows of %s, as heard", t.id()).isEqualTo(t.rows());
      assertThat(heardFields.get(t.id())).isEqualTo(t.fields());
    }
    return a;
  }

  public static void assertSameCells(RawWorkbook memory, RawWorkbook streamed) {
    assertThat(streamed.sheetNames()).isEqualTo(memory.sheetNames());
    assertThat(streamed.date1904()).isEqualTo(memory.date1904());
    for (String name : memory.sheetNames()) {
      SheetRows m = memory.findSheet(name).orElseThrow();
      SheetRows s = streamed.findSheet(name).orElseThrow();
      assertThat(s.hidden()).as("hidden %s", name).isEqualTo(m.hidden());
      List<RawSheet.RawRow> rows = new ArrayList<>();
      s.forEachRow(rows::add);
      assertThat(s.mergedKnown()).isTrue();
      assertThat(s.merged()).as("merged regions of %s", name).containsExactlyInAnyOrderElementsOf(m.merged());
      assertThat(rows).as("rows of %s", name).isEqualTo(((RawSheet) m).rows());
    }
  }

  private static List<String> sorted(List<Finding> findings) {
    return findings.stream().map(Finding::toString).sorted(Comparator.naturalOrder()).toList();
  }
}
