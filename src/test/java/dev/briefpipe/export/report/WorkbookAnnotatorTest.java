package dev.briefpipe.export.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookAnnotatorTest {
    @Test
    void aFindingBesideACellWithItsOwnNoteIsNotedAndTheNeighboursNoteKept() throws Exception {
        byte[] book;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("특허");
            var header = s.createRow(0);
            header.createCell(0).setCellValue("특허 건수");
            header.createCell(1).setCellValue("순위");
            // The analyst's help on the next header cell, as a template made by init has.
            Drawing<?> d = s.createDrawingPatriarch();
            ClientAnchor a = wb.getCreationHelper().createClientAnchor();
            a.setCol1(1);
            a.setRow1(0);
            a.setCol2(3);
            a.setRow2(3);
            Comment help = d.createCellComment(a);
            help.setString(wb.getCreationHelper().createRichTextString("1부터 매기는 순위"));
            header.getCell(1).setCellComment(help);
            wb.write(out);
            book = out.toByteArray();
        }
        Finding renamed = new Finding(
                FindingCode.COLUMN_RENAMED,
                Severity.ERROR,
                new CellRef("특허", 0, 0),
                "families",
                "특허군 수",
                "특허 건수",
                "특허군 수 / families",
                List.of());
        byte[] annotated =
                new WorkbookAnnotator(Messages.of(Messages.Lang.KO)).annotate(book, reportOf("w.xlsx", renamed));

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            var row = wb.getSheet("특허").getRow(0);
            assertThat(row.getCell(0).getCellComment().getString().getString()).contains("특허군 수");
            assertThat(row.getCell(1).getCellComment().getString().getString()).isEqualTo("1부터 매기는 순위");
        }
    }

    @Test
    void anXlsWorkbookGetsAnXlsCopy() throws Exception {
        byte[] book;
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("특허").createRow(0).createCell(0).setCellValue("특허 건수");
            wb.write(out);
            book = out.toByteArray();
        }
        Finding unknown = unknownHeader();
        byte[] annotated =
                new WorkbookAnnotator(Messages.of(Messages.Lang.EN)).annotate(book, reportOf("w.xls", unknown));

        // Still an .xls (an OLE2 file), with the note and the results sheet.
        assertThat(org.apache.poi.poifs.filesystem.FileMagic.valueOf(annotated))
                .isEqualTo(org.apache.poi.poifs.filesystem.FileMagic.OLE2);
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new ByteArrayInputStream(annotated))) {
            assertThat(wb.getSheet("특허")
                            .getRow(0)
                            .getCell(0)
                            .getCellComment()
                            .getString()
                            .getString())
                    .contains("not in the schema");
            assertThat(wb.getSheet("Validation results")).isNotNull();
        }
    }

    @Test
    void aWorkbookWithMoreCellsThanTheHeapCanRewriteIsOneSentenceNotAnOutOfMemoryError() throws Exception {
        Finding unknown = unknownHeader();
        long cells = Runtime.getRuntime().maxMemory() / WorkbookAnnotator.BYTES_PER_CELL;
        ValidationReport big = new ValidationReport(
                Path.of("w.xlsx"), List.of(unknown), new ValidationReport.Stats(List.of("특허"), 1, 0, cells, 0));
        WorkbookAnnotator annotator = new WorkbookAnnotator(Messages.of(Messages.Lang.KO));

        assertThatThrownBy(() -> annotator.annotate(new byte[0], big))
                .isInstanceOfSatisfying(WorkbookReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo("too-large-to-annotate");
                    assertThat(Messages.of(Messages.Lang.KO).get(e.explain().get(0)))
                            .contains("w.xlsx", String.format("%,d", cells), "-Xmx");
                });
        assertThat(annotator.tryAnnotate(new byte[0], big)).isEmpty();
    }

    /** The header 특허 건수 at 특허!A1, not in the schema. */
    private static Finding unknownHeader() {
        return new Finding(
                FindingCode.COLUMN_UNKNOWN,
                Severity.WARNING,
                new CellRef("특허", 0, 0),
                "",
                "특허 건수",
                "특허 건수",
                "",
                List.of());
    }

    /** A report of one finding on the sheet 특허 of the named workbook. */
    private static ValidationReport reportOf(String workbook, Finding finding) {
        return new ValidationReport(
                Path.of(workbook), List.of(finding), new ValidationReport.Stats(List.of("특허"), 1, 0, 0, 0));
    }
}
