package dev.briefpipe.export.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.run.BriefPipeline;
import dev.briefpipe.run.Built;
import dev.briefpipe.run.FontsFromConfig;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.SheetSnapshot;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An in-place summary refresh keeps everything an analyst put in the other sheets: values,
 * formulas, styles, comments, data validations, defined names, hidden sheets, merged cells, widths.
 */
class SummaryRefreshIT {
    @TempDir
    Path dir;

    @Test
    void inPlaceRefreshKeepsEverythingElseAndIsIdempotent() throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        enrich(p.workbook());
        Map<String, Map<String, String>> sheets = SheetSnapshot.of(p.workbook(), "요약");
        Map<String, String> extras = extras(p.workbook());

        Settings settings = new ConfigLoader().load(p.config());
        BriefPipeline pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Built first =
                pipeline.build(brief, p.workbook(), Period.parse("2025-03"), dir.resolve("out"), SummaryMode.IN_PLACE);
        assertThat(first.summaryBackup()).isPresent();
        assertThat(SheetSnapshot.of(p.workbook(), "요약")).isEqualTo(sheets);
        assertThat(extras(p.workbook())).isEqualTo(extras);

        String once = FileHashes.sha256(p.workbook());
        Built second =
                pipeline.build(brief, p.workbook(), Period.parse("2025-03"), dir.resolve("out"), SummaryMode.IN_PLACE);
        assertThat(second.summaryBackup())
                .as("nothing to rewrite, no new backup")
                .isEmpty();
        assertThat(FileHashes.sha256(p.workbook())).isEqualTo(once);
        try (InputStream in = Files.newInputStream(p.workbook());
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("요약").getDrawingPatriarch().getCharts()).hasSize(1);
            chartCachesItsCells(wb);
        }
    }

    /** The chart's cached categories and values are those its ranges' cells hold (viewers draw the cache). */
    private static void chartCachesItsCells(XSSFWorkbook wb) {
        var chart = wb.getSheet("요약").getDrawingPatriarch().getCharts().get(0);
        // Its title is in the brief's language, not the test machine's.
        assertThat(chart.getTitle()
                        .getBody()
                        .getParagraph(0)
                        .getTextRuns()
                        .get(0)
                        .getLanguage())
                .isEqualTo(java.util.Locale.KOREA);
        var series = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0);
        var cats = series.getCat().getStrRef();
        var vals = series.getVal().getNumRef();
        var keys = new org.apache.poi.ss.util.AreaReference(cats.getF(), wb.getSpreadsheetVersion())
                .getAllReferencedCells();
        var nums = new org.apache.poi.ss.util.AreaReference(vals.getF(), wb.getSpreadsheetVersion())
                .getAllReferencedCells();
        assertThat(cats.getStrCache().getPtList()).hasSize(keys.length);
        assertThat(vals.getNumCache().getPtList()).hasSize(nums.length);
        var sheet = wb.getSheet("요약");
        for (int i = 0; i < keys.length; i++) {
            assertThat(cats.getStrCache().getPtArray(i).getV())
                    .isEqualTo(sheet.getRow(keys[i].getRow())
                            .getCell(keys[i].getCol())
                            .getStringCellValue());
            assertThat(Double.parseDouble(vals.getNumCache().getPtArray(i).getV()))
                    .isEqualTo(sheet.getRow(nums[i].getRow())
                            .getCell(nums[i].getCol())
                            .getNumericCellValue())
                    .isNotZero();
        }
    }

    @Test
    void everyOtherSheetAndTheSharedStringsAreCopiedByteForByte() throws Exception {
        // The shipped workbook has no summary sheet yet: the refresh adds one (a new part).
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Settings settings = new ConfigLoader().load(p.config());
        BriefPipeline pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        Built built =
                pipeline.build(brief, p.workbook(), Period.parse("2025-03"), dir.resolve("out"), SummaryMode.COPY);
        Path copy = built.dir().resolve(p.workbook().getFileName());

        try (ZipFile before = new ZipFile(p.workbook().toFile());
                ZipFile after = new ZipFile(copy.toFile())) {
            PackageXml.Layout layout = PackageXml.layout(n -> part(before, n));
            List<String> kept = new ArrayList<>();
            layout.sheets().forEach((name, part) -> {
                if (!name.equals("요약")) {
                    kept.add(part);
                    if (before.getEntry(PackageXml.relsOf(part)) != null) {
                        kept.add(PackageXml.relsOf(part));
                    }
                }
            });
            kept.add(layout.sharedStrings());
            assertThat(kept).hasSizeGreaterThan(13);
            for (String part : kept) {
                assertThat(after.getEntry(part)).as(part).isNotNull();
                assertThat(part(after, part).readAllBytes())
                        .as(part)
                        .isEqualTo(part(before, part).readAllBytes());
            }
            // The summary's own text is inline, so the shared-string table above still fits every other sheet.
            String summary = new String(
                    part(after, PackageXml.layout(n -> part(after, n)).sheets().get("요약"))
                            .readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(summary).contains("t=\"inlineStr\"", "글로벌 AI 패권 경쟁").doesNotContain("t=\"s\"");
        }
        try (InputStream in = Files.newInputStream(copy);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheet("요약").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo(brief.title());
            assertThat(wb.getSheet("특허_발명자국가").getRow(0).getCell(0).getStringCellValue())
                    .isNotBlank();
        }
    }

    @Test
    void aPictureInAnotherSheetComesThroughByteForByte() throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        byte[] png;
        {
            java.awt.image.BufferedImage img =
                    new java.awt.image.BufferedImage(40, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "png", bytes);
            png = bytes.toByteArray();
        }
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(p.workbook())) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            int index = wb.addPicture(png, org.apache.poi.ss.usermodel.Workbook.PICTURE_TYPE_PNG);
            XSSFSheet guide = wb.getSheet("안내");
            var anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(5);
            anchor.setRow1(2);
            guide.createDrawingPatriarch().createPicture(anchor, index).resize();
            try (OutputStream out = Files.newOutputStream(p.workbook())) {
                wb.write(out);
            }
        }
        Settings settings = new ConfigLoader().load(p.config());
        Built built = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings))
                .build(
                        settings.findBrief("ai-hegemony").orElseThrow(),
                        p.workbook(),
                        Period.parse("2025-03"),
                        dir.resolve("out"),
                        SummaryMode.COPY);
        Path copy = built.dir().resolve(p.workbook().getFileName());
        try (ZipFile before = new ZipFile(p.workbook().toFile());
                ZipFile after = new ZipFile(copy.toFile())) {
            List<String> media = before.stream()
                    .map(ZipEntry::getName)
                    .filter(n -> n.startsWith("xl/media/"))
                    .toList();
            assertThat(media).hasSize(1);
            assertThat(part(after, media.get(0)).readAllBytes()).isEqualTo(png);
        }
        try (InputStream in = Files.newInputStream(copy);
                XSSFWorkbook refreshed = new XSSFWorkbook(in)) {
            assertThat(refreshed.getAllPictures()).hasSize(1);
            assertThat(refreshed.getAllPictures().get(0).getData()).isEqualTo(png);
        }
    }

    @Test
    void aChangedFigureReplacesTheOldSummaryAndItsChart() throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Settings settings = new ConfigLoader().load(p.config());
        BriefPipeline pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
        var brief = settings.findBrief("ai-hegemony").orElseThrow();
        pipeline.build(brief, p.workbook(), Period.parse("2025-03"), dir.resolve("out"), SummaryMode.IN_PLACE);
        double before = summaryValue(p.workbook());
        // An analyst corrects China's patent families in the data sheet.
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(p.workbook())) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            XSSFSheet patents = wb.getSheet("특허_발명자국가");
            for (var row : patents) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().equals("CN")) {
                        var families = row.getCell(3);
                        families.setCellValue(families.getNumericCellValue() + 1);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(p.workbook())) {
                wb.write(out);
            }
        }
        Map<String, Map<String, String>> sheets = SheetSnapshot.of(p.workbook(), "요약");
        Built second =
                pipeline.build(brief, p.workbook(), Period.parse("2025-03"), dir.resolve("out"), SummaryMode.IN_PLACE);
        assertThat(second.summaryBackup()).isPresent();
        assertThat(summaryValue(p.workbook())).isEqualTo(before + 1);
        assertThat(SheetSnapshot.of(p.workbook(), "요약")).isEqualTo(sheets);
        try (InputStream in = Files.newInputStream(p.workbook());
                XSSFWorkbook refreshed = new XSSFWorkbook(in)) {
            assertThat(refreshed.getSheet("요약").getDrawingPatriarch().getCharts())
                    .hasSize(1);
            assertThat(refreshed.getNumberOfSheets()).isEqualTo(sheets.size() + 1);
        }
    }

    /** The first key figure's cached value (China's patent families). */
    private static double summaryValue(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            return wb.getSheet("요약").getRow(4).getCell(1).getNumericCellValue();
        }
    }

    private static InputStream part(ZipFile zip, String name) throws java.io.IOException {
        ZipEntry e = zip.getEntry(name);
        return e == null ? null : zip.getInputStream(e);
    }

    /**
     * Adds what analysts keep in real workbooks: a formula and merged cells on the guide sheet, a
     * dropdown on 지표's status column, a global and a sheet-scoped name, a hidden sheet of formulas.
     */
    private static void enrich(Path file) throws Exception {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            XSSFSheet guide = wb.getSheet("안내");
            var row = guide.createRow(40);
            row.createCell(0).setCellFormula("SUM('지표'!C2:C5)");
            row.createCell(1).setCellValue("분석가 메모");
            guide.addMergedRegion(new CellRangeAddress(40, 40, 1, 3));
            XSSFSheet s = wb.getSheet("지표");
            DataValidationHelper h = s.getDataValidationHelper();
            DataValidationConstraint c = h.createExplicitListConstraint(new String[] {"확인", "근사", "추정"});
            DataValidation dv = h.createValidation(c, new CellRangeAddressList(1, 30, 6, 6));
            s.addValidationData(dv);
            Name global = wb.createName();
            global.setNameName("세계특허");
            global.setRefersToFormula("'지표'!$C$2");
            Name local = wb.createName();
            local.setNameName("메모범위");
            local.setSheetIndex(wb.getSheetIndex(s));
            local.setRefersToFormula("'안내'!$B$41:$D$41");
            XSSFSheet hidden = wb.createSheet("계산용");
            hidden.createRow(0).createCell(0).setCellFormula("'지표'!C2*2");
            wb.setSheetHidden(wb.getSheetIndex(hidden), true);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    /** Defined names, data validations and sheet visibility, as comparable text. */
    private static Map<String, String> extras(Path file) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Name n : wb.getAllNames()) {
                String scope = n.getSheetIndex() < 0 ? "" : wb.getSheetName(n.getSheetIndex());
                m.put("name " + n.getNameName() + "@" + scope, n.getRefersToFormula());
            }
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                XSSFSheet s = wb.getSheetAt(i);
                if (s.getSheetName().equals("요약")) {
                    continue;
                }
                m.put("visibility " + s.getSheetName(), String.valueOf(wb.getSheetVisibility(i)));
                for (DataValidation dv : s.getDataValidations()) {
                    m.put(
                            "dv " + s.getSheetName() + " "
                                    + dv.getRegions().getCellRangeAddress(0).formatAsString(),
                            String.join(",", dv.getValidationConstraint().getExplicitListValues()));
                }
            }
        }
        return m;
    }
}
