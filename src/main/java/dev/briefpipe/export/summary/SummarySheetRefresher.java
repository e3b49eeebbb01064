package dev.briefpipe.export.summary;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.expr.ExcelFormulaCompiler;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.KeyFigure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the summary sheet into a copy of the workbook: one row per key figure as a live formula
 * over the data sheets (with the previous period's value and the change when known), group-by tables
 * of COUNTIFS/SUMIFS, and one native chart. The formulas' cached values are briefpipe's own results,
 * so viewers that do not recalculate still show numbers (LibreOfficeCrossCheckIT recalculates them).
 * Only the summary sheet changes; when its content is what it was (the refresh time aside), nothing
 * is written.
 */
public final class SummarySheetRefresher {
    private static final Logger log = LoggerFactory.getLogger(SummarySheetRefresher.class);
    private static final int FIRST_FIGURE_ROW = 4;
    /** The header keys, in the brief's own language (an English brief gets English headers). */
    private static final String[] HEADERS = {"item", "value", "unit", "previous", "change", "expr", "note"};

    /** What a refresh reads besides the workbook: the figures, the previous period's and the data. */
    public record Inputs(
            BriefConfig brief,
            List<KeyFigure> figures,
            Map<String, BigDecimal> previous,
            String previousPeriod,
            Dataset data,
            ZonedDateTime refreshedAt) {}

    /**
     * What a refresh did.
     *
     * @param changed whether the summary's content changed (only then is the target written)
     * @param dropped the cells of the old summary whose content the new one leaves empty (an analyst's
     *     note typed into the sheet, say), by row
     */
    public record Refreshed(boolean changed, List<String> dropped) {
        public static final Refreshed NONE = new Refreshed(false, List.of());
    }

    /**
     * Refreshes the summary sheet: POI sees the workbook without its data sheets (see
     * {@link LargeWorkbookSplice}), cached values are briefpipe's own, and every other sheet is copied
     * into {@code target} byte for byte. Memory stays that of the summary, whatever the size of the data.
     *
     * @return whether the summary's content changed (only then is {@code target} written), and what it dropped
     */
    public Refreshed refresh(Path original, Inputs in, Path target) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(original).get()) {
            LargeWorkbookSplice splice =
                    new LargeWorkbookSplice(zip, in.brief().summary().sheet());
            byte[] refreshed;
            Refreshed done;
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(splice.skeleton()))) {
                done = fill(wb, in);
                if (!done.changed()) {
                    return done;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                wb.write(out);
                refreshed = out.toByteArray();
            }
            Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
            splice.merge(refreshed, tmp);
            java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return done;
        }
    }

    /**
     * Writes the summary sheet into the workbook.
     *
     * @return whether its content differs from what was there (the refresh time aside)
     */
    private static Refreshed fill(XSSFWorkbook wb, Inputs in) {
        BriefConfig brief = in.brief();
        List<KeyFigure> figures = in.figures();
        Dataset data = in.data();
        BriefConfig.SummaryConfig cfg = brief.summary();
        Map<String, String> before = SummarySnapshot.of(wb.getSheet(cfg.sheet()));
        List<String> typed = SummarySnapshot.filled(wb.getSheet(cfg.sheet()));
        XSSFSheet sheet = replaceSheet(wb, cfg.sheet());
        SummaryStyles st = new SummaryStyles(wb);
        Messages words = Messages.forLocale(brief.locale());
        cell(sheet, 0, 0, brief.title(), st.title);
        cell(
                sheet,
                1,
                0,
                words.get("summary.refreshed") + ": "
                        + in.refreshedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT))
                        + " ("
                        + in.refreshedAt().getZone() + ", briefpipe)",
                st.note);
        for (int c = 0; c < HEADERS.length; c++) {
            String h = words.get("summary." + HEADERS[c]);
            h = c == 3 && in.previousPeriod() != null ? h + " (" + in.previousPeriod() + ")" : h;
            cell(sheet, 3, c, h, st.header);
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < figures.size(); i++) {
            cells.put(figures.get(i).id(), "$B$" + (FIRST_FIGURE_ROW + i + 1));
        }
        DatasetLocator loc = new DatasetLocator(data, cells, brief.sheets());
        ExcelFormulaCompiler compiler = new ExcelFormulaCompiler(loc);
        for (int i = 0; i < figures.size(); i++) {
            KeyFigure f = figures.get(i);
            int r = FIRST_FIGURE_ROW + i;
            cell(sheet, r, 0, f.label(), null);
            Cell value = sheet.getRow(r).createCell(1);
            value.setCellStyle(st.number(f.format()));
            writeValue(value, f, compiler);
            cell(sheet, r, 2, f.unit() == null ? "" : f.unit(), null);
            BigDecimal prev = in.previous().get(f.id());
            if (prev != null) {
                Cell p = sheet.getRow(r).createCell(3);
                p.setCellValue(prev.doubleValue());
                p.setCellStyle(st.number(f.format()));
                // A share's change is told in percentage points ("4.2%p"), not as a percent of a percent.
                boolean points = f.inPercent();
                Cell change = sheet.getRow(r).createCell(4);
                String difference = "B" + (r + 1) + "-D" + (r + 1);
                change.setCellFormula(points ? "(" + difference + ")*100" : difference);
                change.setCellStyle(st.number(
                        points ? f.format().replace("%", '"' + words.get("figure.points", "") + '"') : f.format()));
                if (f.value() != null) {
                    BigDecimal d = f.value().subtract(prev);
                    change.setCellValue((points ? d.movePointRight(2) : d).doubleValue());
                }
            }
            cell(sheet, r, 5, f.expr(), st.note);
            cell(sheet, r, 6, f.note() == null ? "" : f.note(), st.note);
        }
        int row = FIRST_FIGURE_ROW + figures.size() + 1;
        List<GroupTableWriter.Placed> placed = new ArrayList<>();
        for (BriefConfig.GroupTable g : cfg.tables()) {
            GroupTableWriter.Placed p =
                    GroupTableWriter.write(sheet, row, g, data, loc, st, words.get("summary.count"));
            placed.add(p);
            row = p.lastRow() + 2;
        }
        int[] widths = {44, 16, 10, 16, 14, 60, 30};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.createFreezePane(0, FIRST_FIGURE_ROW);
        GroupTableWriter.Placed t = cfg.chart() != null && cfg.chart().table() <= placed.size()
                ? placed.get(cfg.chart().table() - 1)
                : null;
        if (t != null && !t.keys().isEmpty()) { // a table of no rows (its sheet empty this month) has no bars
            SummaryChart.add(
                    sheet,
                    t,
                    cfg.chart().kind(),
                    cfg.chart().title() != null ? cfg.chart().title() : t.title(),
                    HEADERS.length + 1,
                    FIRST_FIGURE_ROW - 1,
                    Locale.forLanguageTag(brief.locale()));
        }
        List<String> kept = SummarySnapshot.filled(sheet);
        return new Refreshed(
                !SummarySnapshot.of(sheet).equals(before),
                typed.stream().filter(a1 -> !kept.contains(a1)).toList());
    }

    private static void writeValue(Cell cell, KeyFigure f, ExcelFormulaCompiler compiler) {
        try {
            cell.setCellFormula(compiler.compile(ExprParser.parse(f.expr())));
        } catch (ExprException e) {
            log.info("figure {} has no Excel form ({}); writing its value", f.id(), e.getMessage());
        }
        if (f.value() != null) {
            cell.setCellValue(f.value().doubleValue());
        }
    }

    /**
     * A fresh summary sheet at the old one's position (or appended). Removing and re-creating drops
     * its old chart (with its drawing, removed from the package by hand); other sheets' order and
     * sheet-scoped names are kept by POI's reordering.
     */
    private static XSSFSheet replaceSheet(XSSFWorkbook wb, String name) {
        int index = wb.getSheetIndex(name);
        int active = wb.getActiveSheetIndex();
        if (index < 0) {
            return wb.createSheet(name);
        }
        // POI removes the sheet but can leave its charts and relationship parts in the package; a new
        // sheet of the same part name would take them over (two charts, then three…). Remove them too.
        XSSFSheet old = wb.getSheetAt(index);
        List<PackagePartName> parts = new ArrayList<>();
        parts.add(old.getPackagePart().getPartName());
        org.apache.poi.xssf.usermodel.XSSFDrawing drawing = old.getDrawingPatriarch();
        if (drawing != null) {
            parts.add(drawing.getPackagePart().getPartName());
            for (org.apache.poi.xssf.usermodel.XSSFChart chart : drawing.getCharts()) {
                parts.add(chart.getPackagePart().getPartName());
                chart.getRelationParts()
                        .forEach(r ->
                                parts.add(r.getDocumentPart().getPackagePart().getPartName()));
            }
        }
        wb.removeSheetAt(index);
        OPCPackage pkg = wb.getPackage();
        try {
            for (PackagePartName part : parts) {
                for (PackagePartName n : List.of(part, PackagingURIHelper.getRelationshipPartName(part))) {
                    if (pkg.containPart(n)) {
                        pkg.removePart(n);
                    }
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidOperationException e) {
            throw new IllegalStateException("cannot remove the old summary's parts", e);
        }
        XSSFSheet s = wb.createSheet(name);
        wb.setSheetOrder(name, index);
        wb.setActiveSheet(Math.min(active, wb.getNumberOfSheets() - 1));
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == wb.getActiveSheetIndex());
        }
        return s;
    }

    static void cell(Sheet s, int r, int c, String text, CellStyle style) {
        Row row = s.getRow(r) == null ? s.createRow(r) : s.getRow(r);
        Cell cell = row.createCell(c);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
