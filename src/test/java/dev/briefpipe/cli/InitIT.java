package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code init}: a template workbook from the schema that validates to "rows missing" and nothing else. */
class InitIT {
    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void copy() throws IOException {
        project = SampleProject.copyInto(dir.resolve("p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ai-hegemony", "ai-chips"})
    void theUntouchedTemplateReportsOnlyMissingRows(String brief) throws IOException {
        Path template = dir.resolve(brief + "-template.xlsx");
        Cli.Result init = Cli.run(project, "init", "--brief", brief, "--out", template.toString());
        assertThat(init.code()).as(init.err()).isZero();

        Cli.Result r =
                Cli.run(project, "validate", "--brief", brief, "--workbook", template.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("errors");
        assertThat(findings).isNotEmpty();
        Set<String> codes = new HashSet<>();
        Set<String> warnings = new HashSet<>();
        findings.forEach(f -> (f.get("severity").asText().equals("error") ? codes : warnings)
                .add(f.get("code").asText()));
        assertThat(codes).containsExactly("row-count");
        // A table of a sheet that may be empty says it would print so; one that must have rows does not.
        assertThat(warnings).isSubsetOf("printed-empty");
        // The input help is in the brief's language (ai-chips is en-GB), whatever the terminal's.
        try (InputStream in = Files.newInputStream(template);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            String help = wb.getSheetAt(0).getDataValidations().get(0).getPromptBoxText();
            assertThat(help).containsPattern(brief.equals("ai-chips") ? "[A-Za-z]{4}" : "[가-힣]");
            if (brief.equals("ai-chips")) {
                assertThat(help).doesNotContainPattern("[가-힣]");
            }
        }
    }

    @Test
    void theTemplateCarriesHeadersFrozenPanesDropdownsRangesAndHelp() throws IOException {
        Path template = dir.resolve("t.xlsx");
        assertThat(Cli.run(project, "init", "--out", template.toString()).code())
                .isZero();
        try (InputStream in = Files.newInputStream(template);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet patents = wb.getSheet("특허_발명자국가");
            assertThat(patents.getRow(0).getCell(0).getStringCellValue()).isNotBlank();
            assertThat(patents.getPaneInformation().isFreezePane()).isTrue();
            assertThat(patents.getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) 1);

            List<? extends DataValidation> dvs = patents.getDataValidations();
            // 검증 (status) is an enum: a dropdown of exactly its values.
            DataValidation status = validationFor(patents, "검증");
            assertThat(status.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            assertThat(status.getValidationConstraint().getExplicitListValues())
                    .containsExactly("확인", "근사", "일부확인", "추정", "미확인");
            assertThat(status.getShowPromptBox()).isTrue();
            assertThat(status.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.WARNING);
            assertThat(dvs).isNotEmpty();
            assertThat(status.getRegions().getCellRangeAddress(0).getLastRow()).isEqualTo(30); // rows: {max: 30}
            // The brief's one row (rows: {max: 1}) has its help and checks on that row only.
            DataValidation date = validationFor(wb.getSheet("브리프정보"), "발행일");
            assertThat(date.getRegions().getCellRangeAddress(0).formatAsString())
                    .isEqualTo("D2");

            XSSFSheet chips = wb.getSheet("AI가속기");
            DataValidation fp8 = validationFor(chips, "FP8 dense(TFLOPS)");
            assertThat(fp8.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(fp8.getValidationConstraint().getFormula1()).isEqualTo("0");
            assertThat(fp8.getPromptBoxText()).contains("FP8 희소성 미적용 연산 성능", "TFLOPS");
            assertThat(chips.getColumnWidth(0)).isEqualTo(14 * 256);
        }
    }

    @Test
    void aNewBriefsWorkbookIsWrittenWhereItsConfigPutsIt() throws IOException {
        Path config = project.config().resolve("briefs/notes.yaml");
        Files.writeString(
                config,
                Files.readString(project.config().resolve("briefs/ai-chips.yaml"))
                        .replace("id: ai-chips", "id: notes")
                        .replace("workbooks/ai-chips.xlsx", "workbooks/new/notes.xlsx")
                        .replace("      tdp_w:", "      share:      {header: [Share], type: percent}\n      tdp_w:"));
        Path workbook = project.root().resolve("workbooks/new/notes.xlsx");

        Cli.Result missing = Cli.run(project, "validate", "--brief", "notes");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains(workbook + "이(가) 없습니다", "briefpipe init");

        Cli.Result init = Cli.run(project, "init", "--brief", "notes");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains(workbook.toString());
        Cli.Result r = Cli.run(project, "validate", "--brief", "notes", "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("row-count");

        // A percent column is formatted as one, so that Excel keeps 70.8 typed there as 70.8 %.
        try (InputStream in = Files.newInputStream(workbook);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFSheet chips = wb.getSheet("Chips");
            int share = 0;
            while (!chips.getRow(0).getCell(share).getStringCellValue().equals("Share")) {
                share++;
            }
            assertThat(chips.getColumnStyle(share).getDataFormatString()).isEqualTo("0.0%");
        }
        byte[] before = Files.readAllBytes(workbook);
        assertThat(Cli.run(project, "init", "--brief", "notes").code()).isEqualTo(2);
        assertThat(Files.readAllBytes(workbook)).isEqualTo(before);
    }

    @Test
    void anExistingFileIsNeverReplaced() throws IOException {
        Path existing = project.workbook();
        byte[] before = Files.readAllBytes(existing);
        Cli.Result r = Cli.run(project, "init", "--out", existing.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(Files.readAllBytes(existing)).isEqualTo(before);
    }

    private static DataValidation validationFor(XSSFSheet sheet, String header) {
        int col = -1;
        for (var cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                col = cell.getColumnIndex();
            }
        }
        int c = col;
        assertThat(c).as("column %s", header).isNotNegative();
        return sheet.getDataValidations().stream()
                .filter(d -> d.getRegions().getCellRangeAddress(0).getFirstColumn() == c)
                .findFirst()
                .orElseThrow();
    }
}
