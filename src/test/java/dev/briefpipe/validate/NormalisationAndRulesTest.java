package dev.briefpipe.validate;

import static dev.briefpipe.testing.TinyWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.RawCell;
import dev.briefpipe.model.RawSheet;
import dev.briefpipe.model.RawWorkbook;
import dev.briefpipe.testing.TinyWorkbook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells as analysts type them, and rules across cells, rows and sheets: each by (sheet, cell, code). */
class NormalisationAndRulesTest {
    @TempDir
    Path dir;

    private BriefConfig brief;

    @BeforeEach
    void config() throws IOException {
        Files.createDirectories(dir.resolve("config/briefs"));
        Files.writeString(dir.resolve("config/briefs/t.yaml"), """
        id: t
        title: test
        workbook: w.xlsx
        sheets:
          money:
            sheet: 투자
            key: id
            columns:
              id:     {header: [ID], type: text, minLength: 2}
              count:  {header: [건수], type: integer, unit: 건}
              amount: {header: [금액(억)], type: decimal, unit: 억}
              fx:     {header: [환율], type: decimal}
              usd:    {header: [USD(억)], type: decimal, unit: 억 달러}
              day:    {header: [날짜], type: date}
              kind:   {header: [구분], type: text, valuesFrom: kinds.name}
            rules:
              - {code: fx-mismatch, field: usd, check: "abs(usd - amount / fx) <= 0.05 * usd", message: 환산이 어긋남}
          kinds:
            sheet: 구분
            key: name
            columns:
              name: {header: [이름], type: text}
          ranks:
            sheet: 순위
            key: code
            rankOrder: {rank: rank, by: n, direction: desc}
            checks:
              - {code: too-big, severity: warning, check: "max(ranks.n) <= 100", message: 100을 넘는 값}
            columns:
              rank: {header: [순위], type: integer}
              code: {header: [코드], type: text, references: kinds.name}
              n:    {header: [값], type: integer}
        """);
        brief = new ConfigLoader().load(dir.resolve("config")).findBrief("t").orElseThrow();
    }

    @Test
    void datesWithTheirWeekdayOrAsEightDigitsAreReadAndAWrongWeekdayIsAnError() throws IOException {
        SchemaValidator.Result r = money(
                row("ab", 1, 600, 7.5, 80, "2025. 3. 27.(목)", "기금"),
                row("cd", 1, 600, 7.5, 80, "2025년 3월 27일 (목요일)", "기금"),
                row("ef", 1, 600, 7.5, 80, "20250327", "기금"),
                row("gh", 1, 600, 7.5, 80, 20250327, "기금"),
                row("ij", 1, 600, 7.5, 80, "2025.3.27(금)", "기금"),
                row("kl", 1, 600, 7.5, 80, "20251327", "기금"),
                // A two-digit year, as KISTEP's own lists print a date, read as Excel reads one.
                row("mn", 1, 600, 7.5, 80, "25.03.27.", "기금"),
                row("op", 1, 600, 7.5, 80, "97.12.3.", "기금"),
                // The day or the month first: refused with the order to write, never guessed.
                row("qr", 1, 600, 7.5, 80, "27/03/2025", "기금"),
                row("st", 1, 600, 7.5, 80, "3/27/2025", "기금"),
                // A year alone, as a number: no serial date (1905-07-17), a year.
                row("uv", 1, 600, 7.5, 80, 2025, "기금"));
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(
                        tuple("F2", "date-as-text"),
                        tuple("F3", "date-as-text"),
                        tuple("F4", "date-as-text"),
                        tuple("F5", "date-as-number"),
                        tuple("F6", "weekday-mismatch"),
                        tuple("F7", "type-mismatch"),
                        tuple("F8", "date-as-text"),
                        tuple("F9", "date-as-text"),
                        tuple("F10", "date-order"),
                        tuple("F11", "date-order"),
                        tuple("F12", "type-mismatch"));
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO))
                        .message(r.report().findings().get(8)))
                .isEqualTo("날짜: '27/03/2025'은(는) 일과 월 중 어느 쪽이 먼저인지 알 수 없는 날짜입니다. 2025-03-27처럼 연, 월, 일 순서로 적으세요.");
        assertThat(r.report().findings().subList(6, 8))
                .extracting(f -> f.args().get(0))
                .containsExactly("2025-03-27", "1997-12-03");
        assertThat(r.report().findings().subList(0, 4))
                .allSatisfy(f -> assertThat(f.args().get(0)).isEqualTo("2025-03-27"));
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO))
                        .message(r.report().findings().get(4)))
                .isEqualTo("날짜: '2025.3.27(금)'의 요일이 날짜와 맞지 않습니다. 그 날은 목요일입니다. 날짜나 요일을 고치세요.");
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.EN))
                        .message(r.report().findings().get(4)))
                .contains("which is a Thursday.");
    }

    @Test
    void compoundKoreanNumbersYearsAndTheMinusOfKoreanTablesAreReadInTheColumnsUnit() throws IOException {
        Files.writeString(dir.resolve("config/briefs/u.yaml"), """
        id: u
        title: test
        workbook: w.xlsx
        sheets:
          trade:
            sheet: 무역
            columns:
              name:    {header: [국가], type: text}
              count:   {header: [건수], type: integer, unit: 건}
              amount:  {header: [금액], type: decimal, unit: 억 원}
              usd:     {header: [수출액], type: decimal, unit: 백만 달러}
              growth:  {header: [증감률], type: percent}
              year:    {header: [연도], type: year}
        """);
        brief = new ConfigLoader().load(dir.resolve("config")).findBrief("u").orElseThrow();
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "무역",
                        row("국가", "건수", "금액", "수출액", "증감률", "연도"),
                        row("중국", "3억 5천만", "1조 2,000억", "5백만 달러", "△3.2%", "2025년"),
                        row("미국", "5천건", "3억 5천만 원", "12억 달러", "1.5%", "2024년도"),
                        row("일본", "△38", "2만 3억", "5 달러", null),
                        row("한국", "-3억 5천만", null, "△1억 2천만 달러", null),
                        // Below zero as accounts print it.
                        row("대만", "(1,234)", "(3억 5천만)", null, "(3.2%)")));
        assertThat(r.report().findings())
                .filteredOn(f -> f.severity() == dev.briefpipe.model.Severity.WARNING)
                .extracting(f -> f.at().a1(), f -> f.code().id(), f -> f.args().get(0))
                .containsExactly(
                        tuple("B2", "korean-units", "350000000"),
                        tuple("C2", "korean-units", "12000"),
                        tuple("D2", "korean-units", "5"),
                        tuple("E2", "full-width", "-0.032"),
                        tuple("F2", "korean-units", "2025"),
                        tuple("B3", "korean-units", "5000"),
                        tuple("C3", "korean-units", "3.5"),
                        tuple("D3", "korean-units", "1200"),
                        tuple("E3", "number-as-text", "0.015"),
                        tuple("F3", "korean-units", "2024"),
                        tuple("B4", "full-width", "-38"),
                        tuple("D4", "korean-units", "0.000005"),
                        // A sign is the whole number's, not its first term's.
                        tuple("B5", "korean-units", "-350000000"),
                        tuple("D5", "full-width", "-120"),
                        tuple("B6", "full-width", "-1234"),
                        tuple("C6", "full-width", "-3.5"),
                        tuple("E6", "full-width", "-0.032"));
        // 만 before 억 is no number in words: refused, not read as something else.
        assertThat(r.report().findings())
                .filteredOn(f -> f.severity() == dev.briefpipe.model.Severity.ERROR)
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("C4", "type-mismatch"));
    }

    @Test
    void aMarkTypedForNoValueInANumberOrDateCellIsABlankAndTold() throws IOException {
        SchemaValidator.Result r = money(
                row("ab", "-", 600, 7.5, 80, "ㅡ", "기금"),
                row("cd", "N/A", 600, 7.5, 80, " 미공개 ", "기금"),
                row("ef", "많음", 600, 7.5, 80, "–", "기금"));
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(
                        tuple("B2", "no-value-mark"),
                        tuple("F2", "no-value-mark"),
                        tuple("B3", "no-value-mark"),
                        tuple("F3", "no-value-mark"),
                        tuple("B4", "type-mismatch"),
                        tuple("F4", "no-value-mark"));
        assertThat(r.dataset().table("money").rows().get(0).get("count")).isNull();
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO))
                        .message(r.report().findings().get(0)))
                .isEqualTo("건수: '-'을(를) 값이 없는 빈 칸으로 읽었습니다. 0이라면 0을 적고, 값이 없다면 칸을 비워 두세요.");
    }

    @Test
    void koreanUnitsApproximationsFullWidthAndSerialDatesAreReadAndReported() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "투자",
                        row("ID", "건수", "금액(억)", "환율", "USD(억)", "날짜", "구분"),
                        row("ab", "38,000건", "6,710억", 7.25, "925억 달러", 45743, "기금"),
                        row("cd", "약 560만", "1.5조", 1, "15,000", "2025년 3월 27일", "기금"),
                        row("ef", "３８２１０", 600, 7.3, "82억", null, "기금"),
                        // A figure pasted from a PDF or Word, its minus the typographic one (U+2212).
                        row("gh", "\u22125", 600, 7.3, "82억", null, "기금"))
                .sheet("구분", row("이름"), row("기금"))
                .sheet("순위", row("순위", "코드", "값"), row(1, "기금", 5)));
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id(), f -> f.args().get(0))
                .containsExactly(
                        tuple("B2", "korean-units", "38000"),
                        tuple("C2", "korean-units", "6710"),
                        tuple("E2", "korean-units", "925"),
                        tuple("F2", "date-as-number", "2025-03-27"),
                        tuple("B3", "approximate", "5600000"),
                        tuple("C3", "korean-units", "15000"),
                        tuple("E3", "number-as-text", "15000"),
                        tuple("F3", "date-as-text", "2025-03-27"),
                        tuple("B4", "full-width", "38210"),
                        tuple("E4", "korean-units", "82"),
                        tuple("B5", "full-width", "-5"),
                        tuple("E5", "korean-units", "82"));
        assertThat(r.report().valid()).isTrue();
        assertThat(r.dataset().table("money").rows().get(1).get("amount")).isEqualTo(new BigDecimal("15000"));
        // Told in the column's unit, not as the column's type ("(단위 숫자)").
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO))
                        .message(r.report().findings().get(1)))
                .contains("'6,710억'을(를) 6710 억(으)로 읽었습니다")
                .doesNotContain("단위 숫자");
    }

    @Test
    void rulesAcrossFieldsRowsAndSheets() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "투자",
                        row("ID", "건수", "금액(억)", "환율", "USD(억)", "날짜", "구분"),
                        row("a", 1, 600, 7.3, 8.2, null, "펀드"),
                        row("bb", 1, 600, 7.3, 82, null, "기금"))
                .sheet("구분", row("이름"), row("기금"), row("채권"))
                .sheet("순위", row("순위", "코드", "값"), row(1, "기금", 50), row(2, "없음", 90), row(3, "채권", 200)));
        assertThat(r.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.at().a1(), f -> f.code().id())
                .containsExactlyInAnyOrder(
                        tuple("투자", "A2", "too-short"),
                        tuple("투자", "E2", "fx-mismatch"),
                        tuple("투자", "G2", "not-allowed"),
                        tuple("순위", "B3", "foreign-key-missing"),
                        tuple("순위", "A3", "rank-order"),
                        tuple("순위", "A4", "rank-order"),
                        tuple("순위", "", "too-big"));
        // A rule over several fields names every cell it read and every step it computed.
        assertThat(r.report().findings())
                .filteredOn(f -> f.code().id().equals("fx-mismatch"))
                .singleElement()
                .satisfies(f -> assertThat(f.reads())
                        .extracting(CellRead::where, CellRead::value)
                        .containsExactly(
                                tuple("'투자'!E2", "8.2"),
                                tuple("'투자'!C2", "600"),
                                tuple("'투자'!D2", "7.3"),
                                tuple("amount / fx", "82.1918"),
                                tuple("usd - amount / fx", "-73.9918"),
                                tuple("abs(usd - amount / fx)", "73.9918"),
                                tuple("0.05 * usd", "0.41"),
                                tuple("abs(usd - amount / fx) <= 0.05 * usd", "false")));
        assertThat(r.report().findings())
                .filteredOn(f -> f.code().id().equals("too-big"))
                .singleElement()
                .satisfies(f -> assertThat(f.isError()).isFalse());
    }

    @Test
    void mergedCellsHiddenRowsAndSheetsAreReadAndReported() throws IOException {
        Path file = new TinyWorkbook()
                .sheet(
                        "투자",
                        row("ID", "건수", "금액(억)", "환율", "USD(억)", "날짜", "구분"),
                        row("aa", 1, 1, 1, 1, null, "기금"),
                        row("bb", 2, 1, 1, 1, null, null),
                        row("cc", 3, 1, 1, 1, null, "기금"))
                .sheet("구분", row("이름"), row("기금"))
                .sheet("순위", row("순위", "코드", "값"), row(1, "기금", 5))
                .write(dir.resolve("w.xlsx"));
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            wb.getSheet("투자").addMergedRegion(new CellRangeAddress(1, 2, 6, 6));
            wb.getSheet("투자").getRow(3).setZeroHeight(true);
            wb.setSheetHidden(wb.getSheetIndex("구분"), true);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        SchemaValidator.Result r = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(r.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.at().a1(), f -> f.code().id())
                .containsExactlyInAnyOrder(
                        tuple("투자", "G3", "merged-cell"),
                        tuple("투자", "4", "hidden-row"),
                        tuple("구분", "", "hidden-sheet"));
        assertThat(r.dataset().table("money").rows().get(1).get("kind")).isEqualTo("기금");
    }

    @Test
    void anExternalLinkIsFlaggedAndItsCachedValueUsed() {
        String s = "투자";
        List<RawCell> header = List.of("ID", "건수", "금액(억)", "환율", "USD(억)", "날짜", "구분").stream()
                .map(h -> RawCell.text(new CellRef(s, 0, 0), h))
                .toList();
        List<RawCell> header2 = new java.util.ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            header2.add(RawCell.text(new CellRef(s, 0, i), header.get(i).text()));
        }
        RawCell linked = new RawCell(new CellRef(s, 1, 1), RawCell.Kind.NUMBER, "12", 12, null, "[1]Sheet1!$A$1", "12");
        List<RawCell> data = List.of(RawCell.text(new CellRef(s, 1, 0), "aa"), linked);
        RawWorkbook wb = new RawWorkbook(
                dir.resolve("x.xlsx"),
                "0",
                0,
                List.of(
                        new RawSheet(
                                s,
                                false,
                                List.of(new RawSheet.RawRow(0, false, header2), new RawSheet.RawRow(1, false, data))),
                        new RawSheet(
                                "구분",
                                false,
                                List.of(new RawSheet.RawRow(
                                        0, false, List.of(RawCell.text(new CellRef("구분", 0, 0), "이름"))))),
                        new RawSheet(
                                "순위",
                                false,
                                List.of(new RawSheet.RawRow(
                                        0,
                                        false,
                                        List.of(
                                                RawCell.text(new CellRef("순위", 0, 0), "순위"),
                                                RawCell.text(new CellRef("순위", 0, 1), "코드"),
                                                RawCell.text(new CellRef("순위", 0, 2), "값")))))));
        SchemaValidator.Result r = new SchemaValidator().validate(wb, brief, true);
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("B2", "external-link"));
        assertThat(r.dataset().table("money").rows().get(0).get("count")).isEqualTo(12L);
    }

    @Test
    void aWorkbookOnThe1904DateSystemReadsSerialsRight() throws IOException {
        Path file = new TinyWorkbook()
                .sheet("투자", row("ID", "건수", "금액(억)", "환율", "USD(억)", "날짜", "구분"), row("aa", 1, 1, 1, 1, 44281, "기금"))
                .sheet("구분", row("이름"), row("기금"))
                .sheet("순위", row("순위", "코드", "값"))
                .write(dir.resolve("w.xlsx"));
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(file)) {
            wb = new XSSFWorkbook(in);
        }
        try (wb) {
            wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        SchemaValidator.Result r = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(r.dataset().table("money").rows().get(0).get("day")).isEqualTo(LocalDate.of(2025, 3, 27));
    }

    /** The 투자 sheet, these rows under its header, beside the sheets it refers to: validated. */
    private SchemaValidator.Result money(Object[]... rows) throws IOException {
        Object[][] all = new Object[rows.length + 1][];
        all[0] = row("ID", "건수", "금액(억)", "환율", "USD(억)", "날짜", "구분");
        System.arraycopy(rows, 0, all, 1, rows.length);
        return validate(new TinyWorkbook()
                .sheet("투자", all)
                .sheet("구분", row("이름"), row("기금"))
                .sheet("순위", row("순위", "코드", "값"), row(1, "기금", 5)));
    }

    private SchemaValidator.Result validate(TinyWorkbook wb) throws IOException {
        return dev.briefpipe.testing.Validation.validate(wb.write(dir.resolve("w.xlsx")), brief);
    }
}
