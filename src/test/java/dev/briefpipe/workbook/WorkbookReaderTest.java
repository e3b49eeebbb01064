package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats that are read: .xlsx, .xlsm (macros ignored) and .xls (BIFF8). */
class WorkbookReaderTest {
  @TempDir Path dir;

  @Test
  void readsBiff8Xls() throws IOException {
    Path file = write(new HSSFWorkbook(), dir.resolve("old.xls"));
    assertSample(new WorkbookReader().read(file));
  }

  @Test
  void readsMacroEnabledXlsmWithoutRunningAnything() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook(XSSFWorkbookType.XLSM);
    Path file = write(wb, dir.resolve("macros.xlsm"));
    assertSample(new WorkbookReader().read(file));
  }

  @Test
  void aReadThatTakesTooLongIsAbandoned() throws IOException {
    Path file = write(new XSSFWorkbook(), dir.resolve("w.xlsx"));
    assertThatThrownBy(() -> new WorkbookReader(1L << 30, 1L << 28, 0).read(file))
        .isInstanceOfSatisfying(WorkbookReadException.class, e -> assertThat(e.reason()).isEqualTo("timeout"));
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> new WorkbookReader().read(dir.resolve("none.xlsx")))
        .isInstanceOfSatisfying(WorkbookReadException.class, e -> assertThat(e.reason()).isEqualTo("not-found"));
  }

  private static Path write(Workbook wb, Path file) throws IOException {
    try (wb; OutputStream out = Files.newOutputStream(file)) {
      var sheet = wb.createSheet("특허");
      sheet.createRow(0).createCell(0).setCellValue("국가");
      sheet.getRow(0).createCell(1).setCellValue("건수");
      sheet.createRow(1).createCell(0).setCellValue("중국");
      sheet.getRow(1).createCell(1).setCellValue(38210);
      wb.write(out);
    }
    return file;
  }

  private static void assertSample(RawWorkbook raw) {
    RawSheet sheet = (RawSheet) raw.findSheet("특허").orElseThrow();
    RawCell name = sheet.rows().get(1).cells().get(0);
    RawCell count = sheet.rows().get(1).cells().get(1);
    assertThat(name.text()).isEqualTo("중국");
    assertThat(count.kind()).isEqualTo(RawCell.Kind.NUMBER);
    assertThat(count.number()).isEqualTo(38210);
  }
}
