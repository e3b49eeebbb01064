package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows that correct the published brief (the sample's 발간본 and 정정 사유 columns), under each of the
 * brief's corrections policies: appendix (the sample's), footnote and original.
 */
class CorrectionsPolicyIT {
    private static final String SHIPPED = "corrections: {policy: appendix";
    private static final String CORRECTED = "총 38,210건으로, 2위인 미국(6,276건)의 6.1배 수준임";
    private static final String PUBLISHED = "총 38,000건으로, 2위인 미국(6276건)의 6배 이상 수준임";

    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void setUp() throws IOException {
        project = SampleProject.copyInto(dir.resolve("p"));
    }

    @Test
    void underAppendixTheCorrectedTextPrintsAndATableListsEachCorrectionWithItsPageAndReason() throws IOException {
        List<String> pages = build();
        String all = String.join(" ", pages);
        assertThat(all).contains(CORRECTED).doesNotContain(PUBLISHED).doesNotContain("정정:");
        int body = pageOf(pages, CORRECTED);
        int table = pageOf(pages, "정정 내역");
        assertThat(table).isGreaterThan(body);
        String errata = all.substring(all.indexOf("정정 내역"));
        // Page, the published words that differ, the corrected ones, the reason, in page order.
        assertThat(errata)
                .contains("쪽 발간본 정정 사유")
                .contains(body + 1 + " 38,000건으로, 2위인 미국(6276건)의 6배 이상")
                .contains("WIPO 원자료: 발명자 소재지 기준 공개 특허군")
                .contains("8.2억")
                .contains("단위 오기: 600억 위안은 약 82억 달러");
        // Table 1's corrections, on the table's page: a month and a name.
        int policies = pageOf(pages, "〈표 1〉");
        assertThat(errata).contains(policies + 1 + " 2020.7. · 쌍인류 2020.1. · 쌍일류 교육부 등");
        // Each correction once: the one typo, the two sentences with Chinese names mistranscribed.
        assertThat(count(errata, "오탈자")).isEqualTo(1);
        assertThat(count(errata, "중국어 명칭 오기")).isEqualTo(2);
        // The table runs onto the next page, where its repeated title says it goes on.
        assertThat(pages.get(table)).contains("정정 내역 쪽 발간본").doesNotContain("(계속)");
        assertThat(pages.get(table + 1)).contains("정정 내역 (계속) 쪽 발간본 정정 사유");
    }

    @Test
    void aLongTableRunningOntoTheNextPageRepeatsItsCaptionHeaderAndGroupLabelThere() throws IOException {
        addPolicies("표준 및 규제", 40);
        List<String> pages = build();
        int first = pageOf(pages, "〈표 1〉");
        assertThat(pages.get(first))
                .contains("〈표 1〉 중국 대표적 AI 정책(2017~) 구분 시기 정책명")
                .doesNotContain("(계속)");
        assertThat(pages.get(first + 1))
                .contains("〈표 1〉 중국 대표적 AI 정책(2017~) (계속) 구분 시기 정책명")
                // the rows that ran on still say which group they are in, once per page
                .containsOnlyOnce("표준 및 규제");
    }

    @Test
    void aShortTableTallerThanAPageRunsOnAsALongOneDoesWithItsGroupLabel() throws IOException {
        // 20 rows in all, short enough to move whole, but each added one three lines tall
        addPolicies(
                "표준 및 규제",
                12,
                " — 표준화 체계 구축과 데이터 거버넌스, 알고리즘 등록제, 생성형 AI 서비스 관리, 딥페이크 표시"
                        + " 의무, 국제 표준 참여 확대와 산업 생태계 육성을 위한 종합 지원 방안 및 세부 실행 계획과 부처 간 협업 체계");
        List<String> pages = build();
        int first = pageOf(pages, "〈표 1〉");
        assertThat(pages.get(first)).doesNotContain("(계속)");
        assertThat(pages.get(first + 1))
                .contains("〈표 1〉 중국 대표적 AI 정책(2017~) (계속) 구분 시기 정책명")
                .containsOnlyOnce("표준 및 규제");
    }

    @Test
    void aGroupLabelTooLongForOneRowRunsOnIntoTheGroupsNextRowsOnEachPage() throws IOException {
        String label = "차세대 인공지능 산업 육성 및 규제 정비";
        project.editConfig("표준 및 규제]", "표준 및 규제, " + label + "]");
        addPolicies(label, 60);
        List<String> pages = build();
        List<String> continued = pages.stream()
                .filter(p -> p.contains("〈표 1〉 중국 대표적 AI 정책(2017~) (계속)"))
                .toList();
        assertThat(continued).hasSizeGreaterThanOrEqualTo(2);
        // The label takes two lines of its column: on every page the group runs on, both are there,
        // even where the row under the repeated header has room for one.
        assertThat(continued)
                .allSatisfy(
                        p -> assertThat(p).containsOnlyOnce("차세대 인공지능 산업 육성").containsOnlyOnce("및 규제 정비"));
    }

    @Test
    void aGroupRunningOnForOneShortRowStillShowsItsWholeLabelThere() throws IOException {
        String label = "차세대 인공지능 산업 육성 및 규제 정비";
        project.editConfig("표준 및 규제]", "표준 및 규제, " + label + "]");
        byte[] shipped = Files.readAllBytes(project.workbook());
        // How many of the group's rows the page it starts on holds…
        addPolicies(label, 60);
        List<String> pages = build();
        int starts = pageOf(pages, "시험 정책 1 ");
        long held = java.util.regex.Pattern.compile("시험 정책 \\d+")
                .matcher(pages.get(starts))
                .results()
                .count();
        // …and one more, then another group: the group's last row runs on alone under the repeated header,
        // one line tall, where its label takes two lines.
        Files.write(project.workbook(), shipped);
        addPolicies(label, (int) held + 1);
        addPolicies("인재양성", 10, "호");
        pages = build();
        String next = pages.get(starts + 1);
        assertThat(next).contains("시험 정책 " + (held + 1) + " ").doesNotContain("시험 정책 " + held + " ");
        assertThat(next).containsOnlyOnce("차세대 인공지능 산업 육성").containsOnlyOnce("및 규제 정비");
    }

    @Test
    void aGroupWithoutALabelShowsOneDashAPageNotOneARow() throws IOException {
        project.editConfig("values: [산업 발전계획, 인재양성, 표준 및 규제], required: true", "values: [산업 발전계획, 인재양성, 표준 및 규제]");
        addPolicies("", 40);
        List<String> pages = build();
        List<String> table = pages.stream()
                .filter(p -> p.contains("〈표 1〉 중국 대표적 AI 정책(2017~)"))
                .toList();
        assertThat(table).hasSizeGreaterThanOrEqualTo(2);
        java.util.regex.Pattern dashRow = java.util.regex.Pattern.compile("- 2024\\.\\d+\\. 시험 정책");
        assertThat(table)
                .allSatisfy(p ->
                        assertThat(dashRow.matcher(p).results().count()).as(p).isEqualTo(1));
    }

    /** Appends {@code n} rows of one group to the 정책 sheet, each with its own month and name. */
    private void addPolicies(String group, int n) throws IOException {
        addPolicies(group, n, "");
    }

    /** The same, each row's name ending in {@code more}. */
    private void addPolicies(String group, int n, String more) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(project.workbook()))) {
            Sheet policies = wb.getSheet("정책");
            for (int i = 1; i <= n; i++) {
                Row r = policies.createRow(policies.getLastRowNum() + 1);
                String[] cells = {group, String.format(Locale.ROOT, "2024-%02d", 1 + i % 12), "시험 정책 " + i + more};
                for (int c = 0; c < cells.length; c++) {
                    r.createCell(c).setCellValue(cells[c]);
                }
                r.createCell(5).setCellValue("확인");
                r.createCell(7).setCellValue("시험 자료");
            }
            try (var out = Files.newOutputStream(project.workbook())) {
                wb.write(out);
            }
        }
    }

    @Test
    void underFootnoteEachCorrectionIsNotedUnderItsBulletOrTable() throws IOException {
        project.editConfig(SHIPPED, "corrections: {policy: footnote");
        String all = String.join(" ", build());
        assertThat(all).doesNotContain("정정 내역");
        assertThat(all)
                .contains(CORRECTED + " ※ 정정: ‘38,000건으로, 2위인 미국(6276건)의 6배 이상’ → ‘38,210건으로, 2위인"
                        + " 미국(6,276건)의 6.1배’ (WIPO 원자료: 발명자 소재지 기준 공개 특허군)")
                .contains("※ 정정: ‘2020.7.’ → ‘2020.1.’, ‘쌍인류’ → ‘쌍일류’ (교육부 등 문건(2020.1.) 명칭의 ‘쌍일류’(双一流))")
                .contains("※ 정정: ‘유치에’ → ‘유치를’ (오탈자)");
    }

    @Test
    void underOriginalThePublishedWordingIsPrintedAndExtracted() throws IOException {
        project.editConfig(SHIPPED, "corrections: {policy: original");
        String all = String.join(" ", build());
        assertThat(all)
                .contains(PUBLISHED)
                .doesNotContain(CORRECTED)
                .contains("600억 위안(약 8.2억 달러)")
                .contains("생성형 인공지능 서비스 관리 잠정 조례")
                .doesNotContain("정정");
        String csv = Files.readString(dir.resolve("out/ai-hegemony/2025-03/csv/narrative.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(PUBLISHED);
    }

    @Test
    void aColumnCorrectingAFieldTheSheetLacksIsAConfigProblemAtItsLine() throws IOException {
        project.editConfig("corrects: text,", "corrects: txt,");
        List<String> yaml = Files.readAllLines(project.briefConfig());
        int line = 1
                + yaml.indexOf(yaml.stream()
                        .filter(l -> l.contains("corrects: txt"))
                        .findFirst()
                        .orElseThrow());
        Cli.Result r = Cli.run(project, "validate");
        assertThat(r.code()).isNotZero();
        assertThat(r.out() + r.err())
                .contains("ai-hegemony.yaml:" + line + ":", "'txt'", "published")
                .doesNotContain("Exception");
    }

    /** Builds the sample and reads each page's text back, white space made single spaces. */
    private List<String> build() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> pages = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(
                out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(pdf).replaceAll("\\s+", " "));
            }
        }
        return pages;
    }

    /** The index (from 0) of the first page containing the text. */
    private static int pageOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("not printed: " + text);
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }
}
