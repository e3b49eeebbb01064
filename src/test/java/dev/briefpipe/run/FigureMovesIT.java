package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Period;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Month over month on the sample brief: a key figure far off the last period published is a warning,
 * until an analyst writes why in the note of a row it reads; the note then goes with the figure.
 */
class FigureMovesIT {
    @TempDir
    Path dir;

    @Test
    void aFigureThatMovedIsAWarningUntilANewNoteSaysWhyAndThenTheNoteTravelsWithIt() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("project"));
        Settings settings = new ConfigLoader().load(project.config());
        BriefConfig brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        BriefPipeline pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
        Path out = dir.resolve("out");
        pipeline.build(brief, project.workbook(), Period.parse("2025-01"), out, SummaryMode.COPY);

        project.setCell("특허_발명자국가", "D2", 50000); // +30.9 %, still under the world total
        Built moved = pipeline.build(brief, project.workbook(), Period.parse("2025-03"), out, SummaryMode.COPY);
        List<Finding> warnings = moved.checked().report().findings().stream()
                .filter(f -> f.code().id().equals("figure-moved"))
                .toList();
        assertThat(warnings)
                .filteredOn(f -> f.field().equals("cn_families"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.at().excel()).isEqualTo("'특허_발명자국가'!D2");
                    assertThat(f.value()).isEqualTo("50,000");
                    assertThat(f.args()).containsExactly("2025-01", "38,210", "+30.9%", "30%");
                });
        // A share is told in percentage points: 70.8% to 92.6% is +21.8 points, not "+30.8%".
        assertThat(warnings)
                .filteredOn(f -> f.field().equals("cn_share_world"))
                .singleElement()
                .satisfies(f -> assertThat(f.args()).containsExactly("2025-01", "70.8%", "+21.8%p", "30%"));
        assertThat(warnings)
                .extracting(Finding::field)
                .contains("cn_us_ratio", "cn_share_world")
                .doesNotContain("listed_total");
        assertThat(moved.manifest().validation().warnings()).isGreaterThanOrEqualTo(warnings.size());
        // The note already in F2 explained the old figure; it says nothing of this move.
        project.setCell("특허_발명자국가", "F2", "WIPO 2025년 개정치 반영 (50,000건)");
        Built explained = pipeline.build(brief, project.workbook(), Period.parse("2025-03"), out, SummaryMode.COPY);
        assertThat(explained.checked().report().findings())
                .noneMatch(f -> f.code().id().equals("figure-moved"));
        Manifest.Figure cn = explained.manifest().figures().stream()
                .filter(f -> f.id().equals("cn_families"))
                .findFirst()
                .orElseThrow();
        assertThat(cn.previous()).isEqualByComparingTo("38210");
        assertThat(cn.note()).isEqualTo("WIPO 2025년 개정치 반영 (50,000건)");
        assertThat(explained.manifest().figures())
                .filteredOn(f -> f.id().equals("cn_us_ratio"))
                .singleElement()
                .satisfies(f -> assertThat(f.note()).contains("개정치"));
        // The readers' letter gives a figure that moved with last period's value and the change, before
        // the analyst's note; one that did not move as it is.
        var contents = LetterContents.read(brief, Period.parse("2025-03"), explained.dir(), "briefpipe@test.local");
        String letter = new dev.briefpipe.deliver.LetterComposer(brief, "briefpipe@test.local")
                .brief(contents, "test", false, List.of("board@to.test"), List.of(), false)
                .text();
        assertThat(letter)
                .contains("- 중국 생성형 AI 특허군 수 (2014~2023): 50,000건 (전기 38,210건, +30.9% · WIPO 2025년 개정치 반영 (50,000건))\n")
                .contains("- 중국 비중 (세계 대비): 92.6% (전기 70.8%, +21.8%p · WIPO 2025년 개정치 반영 (50,000건))\n")
                .contains("- H20 연산 성능 (H100 SXM5 대비, FP8 dense): 15.0%\n");
        // The summary sheet: 전기 and 증감 filled, the note in 비고.
        try (InputStream in = Files.newInputStream(explained.dir().resolve("ai-hegemony.xlsx"));
                Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("요약");
            DataFormatter fmt = new DataFormatter();
            Row row = null;
            for (Row r : s) {
                if (fmt.formatCellValue(r.getCell(0)).startsWith("중국 생성형 AI 특허군 수")) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(fmt.formatCellValue(s.getRow(3).getCell(3))).contains("2025-01");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(38210.0);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(50000.0 - 38210.0);
            assertThat(fmt.formatCellValue(row.getCell(6))).contains("개정치");
            Row share = null;
            for (Row r : s) {
                if (fmt.formatCellValue(r.getCell(0)).equals("중국 비중 (세계 대비)")) {
                    share = r;
                }
            }
            assertThat(share).isNotNull();
            assertThat(share.getCell(4).getCellFormula()).isEqualTo("(B9-D9)*100");
            assertThat(share.getCell(4).getNumericCellValue())
                    .isCloseTo(21.83, org.assertj.core.data.Offset.offset(0.01));
            assertThat(share.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0\"%p\"");
        }
    }
}
