package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.testing.SampleProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A streamed sheet's rows prepared on the parsing thread: order, threads, and failures. */
class StreamedRowsTest {
  @TempDir Path dir;

  private SheetRows sheet(String name) throws java.io.IOException {
    SampleProject p = SampleProject.copyInto(dir.resolve("p"));
    return new StreamingWorkbookReader().open(p.workbook(), 1L << 30, 1L << 30, false).findSheet(name).orElseThrow();
  }

  @Test
  void theHashIsOfTheFileAsOpenedWhetherWorkedOutAheadOrWhenAsked() throws Exception {
    SampleProject p = SampleProject.copyInto(dir.resolve("h"));
    String expected = dev.briefpipe.io.FileHashes.sha256(p.workbook());
    assertThat(new StreamingWorkbookReader().open(p.workbook(), 1L << 30, 1L << 30, true).sha256()).isEqualTo(expected);
    assertThat(new StreamingWorkbookReader().open(p.workbook(), 1L << 30, 1L << 30, false).sha256()).isEqualTo(expected);

    var ahead = new StreamingWorkbookReader().open(p.workbook(), 1L << 30, 1L << 30, true);
    var asked = new StreamingWorkbookReader().open(p.workbook(), 1L << 30, 1L << 30, false);
    String before = ahead.sha256();
    java.nio.file.Files.write(p.workbook(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    assertThat(ahead.sha256()).isEqualTo(before).isEqualTo(expected);
    // Worked out only now: the file is not the one that was read, so there is no hash to give.
    assertThatThrownBy(asked::sha256).isInstanceOfSatisfying(WorkbookReadException.class,
        e -> assertThat(e.reason()).isEqualTo("changed-while-reading"));
  }

  @Test
  void preparedRowsArriveInSheetOrderFromTheParsingThread() throws Exception {
    SheetRows s = sheet("특허_발명자국가");
    List<String> preparedOn = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    s.forEachRow(raw -> {
      preparedOn.add(Thread.currentThread().getName());
      return raw.index();
    }, rows::add);
    List<Integer> plain = new ArrayList<>();
    s.forEachRow((RawSheet.RawRow raw) -> plain.add(raw.index()));
    assertThat(rows).isNotEmpty().isSorted().isEqualTo(plain);
    assertThat(preparedOn).containsOnly("sheet-parser");
  }

  @Test
  void theSheetsOwnRowCountIsKnownOnceItsRowsArrive() throws Exception {
    SheetRows s = sheet("특허_발명자국가");
    assertThat(s.rowsHint()).isEqualTo(-1);
    List<Integer> seen = new ArrayList<>();
    s.forEachRow(raw -> raw, raw -> seen.add(s.rowsHint()));
    // The dimension counts the header row too: 7 countries under a header.
    assertThat(seen).isNotEmpty().containsOnly(8);
    assertThat(SheetXmlParser.lastRow("A1:J1000001")).isEqualTo(1_000_001);
    assertThat(SheetXmlParser.lastRow("B7")).isEqualTo(7);
    assertThat(SheetXmlParser.lastRow("A1:XFD")).isEqualTo(-1);
    assertThat(SheetXmlParser.lastRow("A1:A123456789")).isEqualTo(-1);
  }

  @Test
  void whatPreparingThrowsReachesTheCallerAsItWasThrown() throws Exception {
    SheetRows s = sheet("특허_발명자국가");
    IllegalStateException boom = new IllegalStateException("row 3 is wrong");
    List<Integer> taken = new ArrayList<>();
    assertThatThrownBy(() -> s.forEachRow(raw -> {
      if (raw.index() == 3) {
        throw boom;
      }
      return raw.index();
    }, taken::add)).isSameAs(boom);
    assertThat(taken).allMatch(i -> i < 3);
  }
}
