package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures and tables sit where rows of the narrative sheet name them: inserting a bullet moves none. */
class PlacementIT {
    private static final String SECTIONS = "목차";
    private static final String NEW_BULLET = "분석가가 2장 맨 앞에 새로 넣은 문단";

    @TempDir
    Path dir;

    @Test
    void insertingABulletAtTheTopOfSectionTwoLeavesEveryFigureAfterTheSameParagraph() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        List<String> bullets = bullets(project.workbook());
        Map<String, String> before = paragraphBeforeEachCaption(build(project, "a"), bullets);
        assertThat(before).containsKeys("[그림1]", "[그림2]", "[그림3]", "〈표1〉");

        insertAtTopOfSection2(project.workbook(), 2, "□", NEW_BULLET);
        Path pdf = build(project, "b");
        Map<String, String> after = paragraphBeforeEachCaption(pdf, bullets(project.workbook()));
        assertThat(after).isEqualTo(before);
        assertThat(text(pdf)).contains(squash(NEW_BULLET));
    }

    @Test
    void aTableThePageCannotHoldOpensTheNextAndTheBulletsAfterItsRowFillThisOne() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        // Four more points at the top of section 3 leave 〈표 1〉 (eight rows, moved whole) too little
        // room at the foot of its page.
        for (int i = 0; i < 4; i++) {
            insertAtTopOf(
                    3,
                    project.workbook(),
                    3,
                    "○",
                    "분석가가 3장 맨 앞에 새로 넣은 문단으로, 표가 들어갈 자리를 줄이려고 두 줄이 넘도록 길게 쓴 문장이며 " + "같은 내용을 조금 더 이어서 적어 둔 것임");
        }
        List<String> pages = pages(build(project, "t"));
        int at = 0;
        while (!pages.get(at).contains("〈표1〉")) {
            at++;
        }
        // The table opens its page (under the running header), and the bullet after its row, on the
        // page before, fills the room the table did not fit in.
        assertThat(pages.get(at)).startsWith(squash("글로벌 AI 패권 경쟁 : 중국 동향과 시사점") + "〈표1〉");
        assertThat(pages.get(at - 1)).contains("(투자)중국은올해600억위안");
    }

    @Test
    void captionsAndSourceLinesComeFromTheWorkbook() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        // 그림표 row 4 is llm-timeline: its caption and source line as the analyst rewrote them.
        project.setCell("그림표", "B4", "미·중 거대언어모델 출시 연표");
        project.setCell("그림표", "C4", "자료: 각 개발사 공식 발표");
        String text = text(build(project, "c"));
        assertThat(text).contains(squash("[그림 3] 미·중 거대언어모델 출시 연표"), squash("자료: 각 개발사 공식 발표"));
    }

    @Test
    void aRowNamingNoFigureIsAnErrorAtItsCell() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        insertAtTopOfSection2(project.workbook(), 2, "그림", "figure-that-is-not-there");
        assertThat(invalid(project))
                .contains("'figure-that-is-not-there'(이)라는 그림이나 표가 레이아웃에 없습니다", "placement-unknown");
    }

    @Test
    void aBulletInASectionTheLayoutDoesNotPrintIsAnErrorAtItsCell() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        insertAtTopOfSection2(project.workbook(), 9, "□", NEW_BULLET);
        // A 장 not in 목차 is one mistake, told once at its cell: not also as a row the PDF leaves out.
        String once = invalid(project);
        assertThat(once).contains("'9'이(가) 목차!번호에 없습니다", "foreign-key-missing").doesNotContain("row-unprinted");
        // In 목차, but with no narrative in the layout: the row would be lost, and that is said.
        SampleProject.append(project.workbook(), SECTIONS, List.of(List.of(9, "새 장")));
        assertThat(invalid(project))
                .contains("이 줄 '" + NEW_BULLET + "'은(는) PDF에 실리지 않습니다", "장 9의 본문이 없습니다", "row-unprinted")
                .doesNotContain("foreign-key-missing");
    }

    @Test
    void aTableNamedInASectionTheLayoutDoesNotPrintIsNotLostInSilence() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        // Section 3 says where its table goes; without section 3's narrative, that row prints nothing.
        project.editConfig("  - {block: narrative, sheet: narrative, section: 3}\n", "");
        Cli.Result r = Cli.run(project, "validate");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("이 줄 'policies-table'은(는) PDF에 실리지 않습니다", "장 3의 본문이 없습니다");
    }

    @Test
    void aFigureNamedByTwoRowsIsAnErrorAtTheSecond() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        // (a trailing space, as typed, tells the new row from the first; the id is read without it)
        insertAtTopOfSection2(project.workbook(), 2, "그림", "patents-chart ");
        assertThat(invalid(project)).contains("'patents-chart'은(는) '본문'!D6에서 이미 실었습니다", "placement-twice");
    }

    @Test
    void aSectionsTitleRowAndItsHeadingMustMeet() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        // A heading whose title the layout gives itself still prints its number: its title row is not lost.
        project.editConfig(
                "{block: section, number: 3, sheet: sections}",
                "{block: section, number: 3, title: 정책 변화, sheet: sections}");
        assertThat(Cli.run(project, "validate").code()).isZero();
        // The analyst renumbers section 2's title row: the heading would print "2" alone, the title nowhere.
        project.setCell(SECTIONS, "A3", 9);
        Cli.Result r = Cli.run(project, "validate");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "장 2의 제목 행이 없어 PDF에 번호만 인쇄됩니다", "section-untitled", "브리프 레이아웃에 장 9이(가) 없습니다", "row-unprinted");
    }

    @Test
    void aDetailBeforeTheFirstParagraphOfASectionIsPrintedWithIt() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        insertAtTopOfSection2(project.workbook(), 2, "※", NEW_BULLET);
        assertThat(text(build(project, "d"))).contains(squash(NEW_BULLET));
    }

    @Test
    void aMistypedLevelIsAValueNotAllowedNotAFigureThatIsNotThere() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        insertAtTopOfSection2(project.workbook(), 2, "0", NEW_BULLET); // a zero for ○
        assertThat(invalid(project)).contains("not-allowed").doesNotContain("placement-unknown");
    }

    private Path build(SampleProject project, String name) {
        Path out = dir.resolve(name);
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf");
    }

    /** For each figure or table caption, the last narrative bullet printed before it. */
    private static Map<String, String> paragraphBeforeEachCaption(Path pdf, List<String> bullets) throws IOException {
        String text = text(pdf);
        Map<String, String> before = new LinkedHashMap<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\[그림\\d+]|〈표\\d+〉").matcher(text);
        while (m.find()) {
            String last = null;
            int end = -1;
            for (String b : bullets) {
                int at = text.lastIndexOf(b, m.start());
                if (at >= 0 && at + b.length() > end) {
                    end = at + b.length();
                    last = b;
                }
            }
            before.putIfAbsent(m.group(), last);
        }
        return before;
    }

    private static List<String> bullets(Path workbook) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook);
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            DataFormatter f = new DataFormatter();
            for (Row row : wb.getSheet("본문")) {
                String level = f.formatCellValue(row.getCell(2));
                if (row.getRowNum() > 0 && "□○-※".contains(level) && !level.isEmpty()) {
                    // The first 25 characters: a placeholder later in the sentence is filled in the PDF.
                    String t = squash(f.formatCellValue(row.getCell(3)));
                    out.add(t.substring(0, Math.min(25, t.indexOf('{') < 0 ? t.length() : t.indexOf('{'))));
                }
            }
        }
        return out;
    }

    /** Validates a project whose workbook has errors: what it printed. */
    private static String invalid(SampleProject project) {
        Cli.Result r = Cli.run(project, "validate");
        assertThat(r.code()).isEqualTo(1);
        return r.out();
    }

    /** A row put before section 2's first, its 장 {@code section}, 수준 {@code level} and 내용 {@code text}. */
    private static void insertAtTopOfSection2(Path workbook, int section, String level, String text)
            throws IOException {
        insertAtTopOf(2, workbook, section, level, text);
    }

    /** A row put before the first of section {@code top}. */
    private static void insertAtTopOf(int top, Path workbook, int section, String level, String text)
            throws IOException {
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(workbook)) {
            wb = new XSSFWorkbook(in);
        }
        Sheet s = wb.getSheet("본문");
        DataFormatter f = new DataFormatter();
        int at = 1;
        while (!f.formatCellValue(s.getRow(at).getCell(1)).equals(String.valueOf(top))) {
            at++;
        }
        s.shiftRows(at, s.getLastRowNum(), 1);
        Row row = s.createRow(at);
        row.createCell(1).setCellValue(section);
        row.createCell(2).setCellValue(level);
        row.createCell(3).setCellValue(text);
        try (OutputStream out = Files.newOutputStream(workbook)) {
            wb.write(out);
        }
        wb.close();
    }

    /** Each page's text, top to bottom, without white space. */
    private static List<String> pages(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                out.add(squash(stripper.getText(d)));
            }
        }
        return out;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            // In reading order: OpenPDF writes a table's text (captions) after the page's running text.
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return squash(stripper.getText(d));
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}
