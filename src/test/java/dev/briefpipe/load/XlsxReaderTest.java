package dev.briefpipe.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.model.SheetRows;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.Validation;
import dev.briefpipe.testing.Zips;
import dev.briefpipe.validate.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .xlsx reader, cell for cell, against POI's usermodel as a reference (the same conversion the .xls
 * reader uses): kinds, values, dates, displayed text, formulas, hidden rows and sheets, merged regions.
 */
class XlsxReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ai-hegemony", "ai-chips"})
    void theShippedWorkbooksReadAsPoiReadsThem(String brief) throws IOException {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Settings settings = new ConfigLoader().load(p.config());
        Path file = settings.workbookOf(settings.findBrief(brief).orElseThrow());
        assertReadsAsPoi(file);
        SchemaValidator.Result r =
                Validation.validate(file, settings.findBrief(brief).orElseThrow());
        assertThat(r.report().valid()).isTrue();
    }

    @Test
    void slipsOfEveryKindAreReadAsPoiReadsThemAndFound() throws IOException {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        p.setCell("투자", "H2", 8.2); // fx-mismatch
        p.setCell("특허_발명자국가", "D3", "약 6,276"); // approximate
        p.setCell("특허_발명자국가", "D4", "많음"); // type-mismatch
        p.setCell("특허_발명자국가", "D5", "３８２１０"); // full-width
        p.setCell("특허_발명자국가", "B6", null); // required-missing
        p.setCell("특허_다출원기업", "B4", ""); // blank text
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(p.workbook())) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            var patents = wb.getSheet("특허_발명자국가");
            patents.getRow(6).createCell(3).setCellFormula("1/0"); // formula-error
            patents.getRow(4).setZeroHeight(true); // hidden-row
            var applicants = wb.getSheet("특허_다출원기업");
            applicants.addMergedRegion(new CellRangeAddress(2, 3, 4, 4));
            applicants.getRow(3).getCell(4).setBlank(); // merged-cell
            wb.setSheetHidden(wb.getSheetIndex("지표"), true); // hidden-sheet
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(p.workbook())) {
                wb.write(out);
            }
        }
        assertReadsAsPoi(p.workbook());
        Settings settings = new ConfigLoader().load(p.config());
        SchemaValidator.Result r = Validation.validate(
                p.workbook(), settings.findBrief("ai-hegemony").orElseThrow());
        assertThat(r.report().findings())
                .extracting(f -> f.code().id())
                .contains(
                        "fx-mismatch",
                        "approximate",
                        "type-mismatch",
                        "full-width",
                        "required-missing",
                        "formula-error",
                        "hidden-row",
                        "merged-cell",
                        "hidden-sheet");
    }

    @Test
    void inlineStringsAsStreamingWritersLeaveThem() throws IOException {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Path inline = dir.resolve("inline.xlsx");
        // SXSSF writes strings inline (no shared-strings table), as many generating tools do.
        try (InputStream in = Files.newInputStream(p.workbook());
                XSSFWorkbook source = new XSSFWorkbook(in);
                SXSSFWorkbook out = new SXSSFWorkbook(100);
                OutputStream o = Files.newOutputStream(inline)) {
            for (var sheet : source) {
                var copy = out.createSheet(sheet.getSheetName());
                for (var row : sheet) {
                    var r = copy.createRow(row.getRowNum());
                    for (var cell : row) {
                        var c = r.createCell(cell.getColumnIndex());
                        switch (cell.getCellType()) {
                            case NUMERIC -> c.setCellValue(cell.getNumericCellValue());
                            case BOOLEAN -> c.setCellValue(cell.getBooleanCellValue());
                            case STRING -> c.setCellValue(cell.getStringCellValue());
                            default -> {}
                        }
                    }
                }
            }
            out.write(o);
        }
        assertReadsAsPoi(inline);
        Settings settings = new ConfigLoader().load(p.config());
        Validation.validate(inline, settings.findBrief("ai-hegemony").orElseThrow());
    }

    @Test
    void aFormulaWhoseResultTheFileDoesNotHoldIsFoundNotReadAsZero() throws IOException {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Path file = dir.resolve("uncomputed.xlsx");
        // As a program that writes formulas but does not calculate them saves a cell.
        Zips.rewrite(
                p.workbook(),
                file,
                (name, xml) -> xml.replace(
                        "<c r=\"D3\" t=\"n\" s=\"6\"><v>6276.0</v></c>", "<c r=\"D3\" s=\"6\"><f>6000+276</f></c>"));
        Settings settings = new ConfigLoader().load(p.config());
        SchemaValidator.Result r =
                Validation.validate(file, settings.findBrief("ai-hegemony").orElseThrow());
        assertThat(r.report().findings())
                .filteredOn(f -> f.at().sheet().equals("특허_발명자국가"))
                .extracting(f -> f.at().a1(), f -> f.code().id(), Finding::value)
                .contains(tuple("D3", "formula-not-computed", "=6000+276"));
    }

    @Test
    void aRowNumberBeyondExcelsGridIsABrokenFileNamingTheCell() throws IOException {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Path file = dir.resolve("row.xlsx");
        Zips.rewrite(
                p.workbook(),
                file,
                (name, xml) -> name.equals("xl/worksheets/sheet1.xml")
                        ? xml.replaceFirst("<row r=\"2\"", "<row r=\"2147483647\"")
                        : xml);
        assertThatThrownBy(() -> {
                    try (RawWorkbook wb = Validation.open(file)) {
                        wb.findSheet(wb.sheetNames().get(0)).orElseThrow().forEachRow(r -> {});
                    }
                })
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo("bad-address");
                    assertThat(e.detail()).endsWith("!2147483647");
                });
    }

    /** Reads {@code file} with briefpipe's reader and with POI's usermodel, and compares every cell. */
    static void assertReadsAsPoi(Path file) throws IOException {
        RawWorkbook poi = XlsReader.read(file, "", 0);
        try (RawWorkbook ours = Validation.open(file)) {
            assertThat(ours.sheetNames()).isEqualTo(poi.sheetNames());
            assertThat(ours.date1904()).isEqualTo(poi.date1904());
            for (String name : poi.sheetNames()) {
                RawSheet reference = (RawSheet) poi.findSheet(name).orElseThrow();
                SheetRows sheet = ours.findSheet(name).orElseThrow();
                List<RawSheet.RawRow> rows = new ArrayList<>();
                sheet.forEachRow(rows::add);
                assertThat(sheet.hidden()).as("hidden %s", name).isEqualTo(reference.hidden());
                assertThat(sheet.mergedKnown()).isTrue();
                assertThat(sheet.merged())
                        .as("merged regions of %s", name)
                        .containsExactlyInAnyOrderElementsOf(reference.merged());
                assertThat(rows).as("rows of %s", name).isEqualTo(reference.rows());
            }
        }
    }
}
