package dev.briefpipe.export.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.model.Period;
import dev.briefpipe.run.BriefPipeline;
import dev.briefpipe.run.Built;
import dev.briefpipe.run.FontsFromConfig;
import dev.briefpipe.run.ProgressListener;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An independent spreadsheet engine agrees with briefpipe: LibreOffice (headless) opens the CSV
 * extracts with their Korean intact, and recalculates the summary sheet's formulas to the values
 * briefpipe cached. Needs {@code soffice} (.ci/run installs it).
 */
class LibreOfficeCrossCheckIT {
    @TempDir
    static Path dir;

    private static Built built;

    @BeforeAll
    static void build() throws Exception {
        assumeTrue(soffice() != null, "LibreOffice (soffice) is not installed");
        SampleProject p = SampleProject.copyInto(dir.resolve("p"));
        Settings settings = new ConfigLoader().load(p.config());
        built = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings))
                .build(
                        settings.findBrief("ai-hegemony").orElseThrow(),
                        p.workbook(),
                        Period.parse("2025-03"),
                        dir.resolve("out"),
                        SummaryMode.COPY);
    }

    @Test
    void extractsOpenWithKoreanIntact() throws Exception {
        Path csv = built.dir().resolve("csv/applicants.csv");
        Path xlsx = convert(csv, "xlsx", "CSV:44,34,76,1");
        try (InputStream in = Files.newInputStream(xlsx);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("출원인");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("텐센트");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(2074);
        }
    }

    @Test
    void libreOfficeRecalculatesTheSummaryToTheCachedValues() throws Exception {
        Path copy = built.dir().resolve("ai-hegemony.xlsx");
        Map<String, Double> cached = new HashMap<>();
        Path stripped = dir.resolve("stripped.xlsx");
        try (InputStream in = Files.newInputStream(copy);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row r : wb.getSheet("요약")) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.NUMERIC) {
                        cached.put(c.getAddress().formatAsString(), c.getNumericCellValue());
                        ((XSSFCell) c).getCTCell().unsetV();
                    }
                }
            }
            wb.setForceFormulaRecalculation(true);
            try (OutputStream out = Files.newOutputStream(stripped)) {
                wb.write(out);
            }
        }
        assertThat(cached).hasSizeGreaterThan(20);
        Path recalculated = convert(stripped, "xlsx:Calc MS Excel 2007 XML", null);
        try (InputStream in = Files.newInputStream(recalculated);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Map.Entry<String, Double> e : cached.entrySet()) {
                var ref = new org.apache.poi.ss.util.CellReference(e.getKey());
                Cell c = wb.getSheet("요약").getRow(ref.getRow()).getCell(ref.getCol());
                double lo = c.getCellType() == CellType.FORMULA ? c.getNumericCellValue() : c.getNumericCellValue();
                assertThat(lo)
                        .as(e.getKey())
                        .isCloseTo(
                                e.getValue(),
                                org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(e.getValue()))));
            }
        }
    }

    @Test
    void aWorkbookSavedAsXlsBuildsItsBriefAndSaysWhyItsSummaryIsNotRefreshed() throws Exception {
        SampleProject p = SampleProject.copyInto(dir.resolve("xls"));
        Path xls = convert(p.workbook(), "xls", null);
        byte[] before = Files.readAllBytes(xls);
        Path out = dir.resolve("xls-out");
        Cli.Result r = Cli.run(
                p,
                "build",
                "--workbook",
                xls.toString(),
                "--period",
                "2025-03",
                "--summary",
                "in-place",
                "--out",
                out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("요약 시트는 갱신하지 않았습니다", "ai-hegemony.xls", ".xlsx로 저장하세요");
        assertThat(r.err()).doesNotContain("Exception", "예기치 못한");
        Path dirOut = out.resolve("ai-hegemony/2025-03");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(
                dirOut.resolve("ai-hegemony-2025-03.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(built.pages());
        }
        assertThat(dirOut.resolve("ai-hegemony.xls")).doesNotExist();
        assertThat(Files.readAllBytes(xls)).isEqualTo(before);
    }

    private static Path convert(Path file, String to, String filter) throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("lo-" + System.nanoTime()));
        List<String> cmd = new ArrayList<>(List.of(
                soffice(),
                "--headless",
                "--norestore",
                "-env:UserInstallation=file://" + dir.resolve("lo-profile").toAbsolutePath()));
        if (filter != null) {
            cmd.add("--infilter=" + filter);
        }
        cmd.addAll(List.of("--convert-to", to, "--outdir", outDir.toString(), file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(log).isTrue();
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "." + to.split(":")[0];
        assertThat(outDir.resolve(name)).as(log).isRegularFile();
        return outDir.resolve(name);
    }

    private static String soffice() {
        for (String c : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice")) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }
}
