package dev.briefpipe.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.Validation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formats that are read (.xlsx, .xlsm with macros ignored, .xls), and what opening promises. */
class WorkbooksTest {
    @TempDir
    Path dir;

    @Test
    void readsBiff8Xls() throws IOException {
        assertSample(write(new HSSFWorkbook(), dir.resolve("old.xls")));
    }

    @Test
    void readsMacroEnabledXlsmWithoutRunningAnything() throws IOException {
        assertSample(write(new XSSFWorkbook(XSSFWorkbookType.XLSM), dir.resolve("macros.xlsm")));
    }

    @Test
    void readsXlsx() throws IOException {
        assertSample(write(new XSSFWorkbook(), dir.resolve("new.xlsx")));
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> Validation.open(dir.resolve("none.xlsx")))
                .isInstanceOfSatisfying(
                        WorkbookReadException.class, e -> assertThat(e.reason()).isEqualTo("not-found"));
    }

    @Test
    void aMissingWorkbookNamesTheOneSavedBesideItUnderAnotherTypeOrName() throws IOException {
        Files.writeString(dir.resolve("~$brief.xlsx"), "Excel's lock file"); // not a workbook
        write(new XSSFWorkbook(), dir.resolve("brief (1).xlsx"));
        assertThatThrownBy(() -> Validation.open(dir.resolve("brief.xlsx")))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo("not-found-beside");
                    assertThat(e.detail()).isEqualTo("brief (1).xlsx");
                    assertThat(Messages.forLocale("ko").get(e.explain().get(0)))
                            .contains("같은 폴더에 brief (1).xlsx이(가) 있습니다");
                });
        // Two that might be it: which, nobody can say; the plain sentence.
        write(new XSSFWorkbook(), dir.resolve("Brief.xls"));
        assertThatThrownBy(() -> Validation.open(dir.resolve("brief.xlsx")))
                .isInstanceOfSatisfying(
                        WorkbookReadException.class, e -> assertThat(e.reason()).isEqualTo("not-found"));
    }

    @Test
    void aLockFileChosenForTheWorkbookIsNamedAsSuchWithTheWorkbookItLocks() throws IOException {
        // Excel's owner file: a byte, the user's name, padding; LibreOffice's: a line of commas, CSV-like.
        Path excel = Files.write(dir.resolve("~$brief.xlsx"), new byte[] {3, 'k', 'i', 'm', 0, 0, 0});
        Path office =
                Files.writeString(dir.resolve(".~lock.brief.xlsx#"), "kim,host,/home/kim,08.12.2026 09:00,file:///x;");
        for (Path lock : java.util.List.of(excel, office)) {
            assertThatThrownBy(() -> Validation.open(lock)).isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                assertThat(e.reason()).isEqualTo("lock-file");
                assertThat(Messages.forLocale("ko").get(e.explain().get(0)))
                        .endsWith("은(는) 워크북이 아니라, Excel이나 LibreOffice가 brief.xlsx을(를) 열어 둔 동안 그 곁에 두는 "
                                + "잠금 파일입니다. brief.xlsx을(를) 고르세요.");
            });
        }
    }

    @Test
    void aFolderIsToldAsAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("brief.xlsx"));
        assertThatThrownBy(() -> Validation.open(folder))
                .isInstanceOfSatisfying(
                        WorkbookReadException.class, e -> assertThat(e.reason()).isEqualTo("folder"));
    }

    @Test
    void theHashIsOfTheFileAsOpened() throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("h"));
        String expected = FileHashes.sha256(p.workbook());
        try (RawWorkbook wb = Validation.open(p.workbook())) {
            Files.write(p.workbook(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
            assertThat(wb.sha256()).isEqualTo(expected);
        }
    }

    @Test
    void whatTheCallerThrowsReachesItAsItWasThrown() throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        IllegalStateException boom = new IllegalStateException("row 3 is wrong");
        List<Integer> taken = new ArrayList<>();
        try (RawWorkbook wb = Validation.open(p.workbook())) {
            assertThatThrownBy(() -> wb.findSheet("특허_발명자국가").orElseThrow().forEachRow(raw -> {
                        if (raw.index() == 3) {
                            throw boom;
                        }
                        taken.add(raw.index());
                    }))
                    .isSameAs(boom);
        }
        assertThat(taken).isNotEmpty().allMatch(i -> i < 3);
    }

    private static Path write(Workbook wb, Path file) throws IOException {
        try (wb;
                OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("특허");
            sheet.createRow(0).createCell(0).setCellValue("국가");
            sheet.getRow(0).createCell(1).setCellValue("건수");
            sheet.createRow(1).createCell(0).setCellValue("중국");
            sheet.getRow(1).createCell(1).setCellValue(38210);
            wb.write(out);
        }
        return file;
    }

    private static void assertSample(Path file) {
        List<RawSheet.RawRow> rows = new ArrayList<>();
        try (RawWorkbook raw = Validation.open(file)) {
            raw.findSheet("특허").orElseThrow().forEachRow(rows::add);
        }
        RawCell name = rows.get(1).cells().get(0);
        RawCell count = rows.get(1).cells().get(1);
        assertThat(name.text()).isEqualTo("중국");
        assertThat(count.kind()).isEqualTo(RawCell.Kind.NUMBER);
        assertThat(count.number()).isEqualTo(38210);
    }
}
