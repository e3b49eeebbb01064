package dev.briefpipe.export.report;

import dev.briefpipe.failure.WorkbookReadException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * An annotated copy of a workbook: each cell with a finding filled (red for errors, yellow for
 * warnings) and commented with the message, and a results sheet ("검증결과", "Validation results")
 * listing every finding with a link to its cell. Works on bytes; the analyst's file is never touched.
 * The copy keeps the workbook's format (.xls, .xlsm or .xlsx): name it with {@link
 * dev.briefpipe.io.WorkbookFiles#extension}.
 */
public final class WorkbookAnnotator {
    /**
     * Heap an annotated copy takes per cell of the workbook: POI holds the whole workbook to rewrite it
     * (measured: 200,000 rows of ten cells failed in 2 GB and passed in 3 GB).
     */
    static final long BYTES_PER_CELL = 1200;

    private final Messages messages;

    public WorkbookAnnotator(Messages messages) {
        this.messages = messages;
    }

    /**
     * @throws WorkbookReadException when POI reads the workbook but cannot write it back (some old .xls
     *     files), or when the workbook has more cells than this JVM's heap can hold for rewriting: the
     *     copy cannot be made, the report still can
     */
    public byte[] annotate(byte[] workbook, ValidationReport report) throws IOException {
        long cells = report.stats() == null ? 0 : report.stats().cells();
        if (cells * BYTES_PER_CELL > Runtime.getRuntime().maxMemory() / 10 * 9) {
            throw new WorkbookReadException(
                    report.workbook(), "too-large-to-annotate", String.format(Locale.ROOT, "%,d", cells), null);
        }
        try {
            return annotated(workbook, report);
        } catch (IllegalStateException | IllegalArgumentException | org.apache.poi.util.RecordFormatException e) {
            throw new WorkbookReadException(report.workbook(), "cannot-annotate", null, e);
        } catch (OutOfMemoryError e) {
            // The workbook POI was rewriting is garbage now; the heap is whole again for the report.
            throw new WorkbookReadException(
                    report.workbook(), "too-large-to-annotate", String.format(Locale.ROOT, "%,d", cells), e);
        }
    }

    /** The copy, or empty when this workbook cannot be rewritten (see {@link #annotate}). */
    public Optional<byte[]> tryAnnotate(byte[] workbook, ValidationReport report) throws IOException {
        try {
            return Optional.of(annotate(workbook, report));
        } catch (WorkbookReadException e) {
            return Optional.empty();
        }
    }

    private byte[] annotated(byte[] workbook, ValidationReport report) throws IOException {
        FindingText text = new FindingText(messages);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            CreationHelper ch = wb.getCreationHelper();
            Map<String, CellStyle> fills = new HashMap<>();
            Map<String, StringBuilder> notes = new HashMap<>();
            for (Finding f : report.findings()) {
                CellRef at = f.at();
                Sheet sheet = wb.getSheet(at.sheet());
                if (sheet == null || at.row() < 0 || at.column() < 0) {
                    continue;
                }
                Row row = sheet.getRow(at.row()) == null ? sheet.createRow(at.row()) : sheet.getRow(at.row());
                Cell cell = row.getCell(at.column()) == null ? row.createCell(at.column()) : row.getCell(at.column());
                String key = f.severity().code() + "|" + cell.getCellStyle().getIndex();
                CellStyle fill = fills.computeIfAbsent(key, k -> {
                    CellStyle s = wb.createCellStyle();
                    s.cloneStyleFrom(cell.getCellStyle());
                    s.setFillForegroundColor(
                            f.isError() ? IndexedColors.ROSE.getIndex() : IndexedColors.LIGHT_YELLOW.getIndex());
                    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    return s;
                });
                cell.setCellStyle(fill);
                notes.computeIfAbsent(at.toString(), k -> new StringBuilder())
                        .append(text.severity(f))
                        .append(": ")
                        .append(text.message(f))
                        .append('\n');
            }
            for (Map.Entry<String, StringBuilder> n : notes.entrySet()) {
                comment(wb, n.getKey(), n.getValue().toString().strip(), ch);
            }
            resultsSheet(wb, report, text, ch);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void comment(Workbook wb, String ref, String message, CreationHelper ch) {
        int bang = ref.lastIndexOf('!');
        Sheet sheet = wb.getSheet(ref.substring(0, bang));
        org.apache.poi.ss.util.CellReference cr = new org.apache.poi.ss.util.CellReference(ref.substring(bang + 1));
        Cell cell = sheet.getRow(cr.getRow()).getCell(cr.getCol());
        cell.removeCellComment();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = ch.createClientAnchor();
        // POI files the note under the anchor's first cell: it must be the cell itself, or a note on
        // the next cell (an analyst's help on a header) would clash with this one.
        anchor.setCol1(cr.getCol());
        anchor.setCol2(cr.getCol() + 4);
        anchor.setRow1(cr.getRow());
        anchor.setRow2(cr.getRow() + 4);
        Comment c = drawing.createCellComment(anchor);
        c.setString(ch.createRichTextString(message));
        c.setAuthor("briefpipe");
        cell.setCellComment(c);
    }

    private void resultsSheet(Workbook wb, ValidationReport report, FindingText text, CreationHelper ch) {
        String name = messages.get("annotate.sheet");
        int existing = wb.getSheetIndex(name);
        if (existing >= 0) {
            wb.removeSheetAt(existing);
        }
        Sheet s = wb.createSheet(name);
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle head = wb.createCellStyle();
        head.setFont(bold);
        Font blue = wb.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(IndexedColors.BLUE.getIndex());
        CellStyle link = wb.createCellStyle();
        link.setFont(blue);
        String[] headers = {
            messages.get("html.sheet"),
            messages.get("html.cell"),
            messages.get("html.level"),
            messages.get("html.code"),
            messages.get("html.message"),
            messages.get("html.value")
        };
        Row hr = s.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell c = hr.createCell(i);
            c.setCellValue(headers[i]);
            c.setCellStyle(head);
        }
        int r = 1;
        for (Finding f : report.findings()) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(f.at().sheet());
            Cell cell = row.createCell(1);
            cell.setCellValue(f.at().a1());
            if (!f.at().a1().isEmpty() && wb.getSheet(f.at().sheet()) != null) {
                Hyperlink h = ch.createHyperlink(HyperlinkType.DOCUMENT);
                String a1 = f.at().column() < 0 ? "A" + f.at().row1() : f.at().a1();
                h.setAddress("'" + f.at().sheet().replace("'", "''") + "'!" + a1);
                cell.setHyperlink(h);
                cell.setCellStyle(link);
            }
            row.createCell(2).setCellValue(text.severity(f));
            row.createCell(3).setCellValue(f.code().id());
            row.createCell(4).setCellValue(text.message(f));
            row.createCell(5).setCellValue(f.value());
        }
        int[] widths = {18, 8, 8, 20, 90, 30};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, 1);
        // Exactly one selected tab: several would open the workbook with its sheets grouped.
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(false);
        }
        s.setSelected(true);
        wb.setActiveSheet(wb.getSheetIndex(s));
    }
}
