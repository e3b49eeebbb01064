package dev.briefpipe.validate;

import static dev.briefpipe.testing.TinyWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.export.report.FindingText;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Table;
import dev.briefpipe.testing.TinyWorkbook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each finding code on a real workbook, asserted by (sheet, cell, code). */
class SchemaValidatorTest {
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
          items:
            sheet: 항목
            key: code
            rows: {max: 5}
            columns:
              code:   {header: [코드, code], type: text, pattern: "^[A-Z]{2}$", required: true, help: 대문자 두 글자 국가 코드}
              count:  {header: [건수, count], type: integer, min: 0, required: true}
              share:  {header: [비중, share], type: percent, max: 1}
              kind:   {header: [유형, kind], type: enum, values: [기업, 기관]}
              day:    {header: [날짜, day], type: date}
              month:  {header: [연월, month], type: year-month}
              link:   {header: [URL, url], type: url}
              name:   {header: [이름, name], type: text, maxLength: 5, unique: true}
          other:
            sheet: 기타
            columns:
              x: {header: [X], type: text}
        """);
        brief = new ConfigLoader().load(dir.resolve("config")).findBrief("t").orElseThrow();
    }

    private static final Object[] HEADER = row("코드", "건수", "비중", "유형", "날짜", "연월", "URL", "이름");

    @Test
    void cleanSheetIsValidAndTyped() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "항목",
                        HEADER,
                        row("CN", 38210, 0.708, "기업", LocalDate.of(2025, 3, 27), "2025-03", "https://wipo.int/x", "가"),
                        row("US", 6276, null, "기관", null, "2025.3.", null, "나"),
                        // Six digits, as systems export a month, typed as a number or as text.
                        row("JP", 3409, null, "기관", null, 202504, null, "다"),
                        row("KR", 4155, null, "기관", null, "202505", null, "라"))
                .sheet("기타", row("X"), row("a")));
        assertThat(r.report().findings()).isEmpty();
        Table t = r.dataset().table("items");
        assertThat(t.rows().get(0).get("count")).isEqualTo(38210L);
        assertThat(t.rows().get(0).get("share")).isEqualTo(new BigDecimal("0.708"));
        assertThat(t.rows().get(0).get("day")).isEqualTo(LocalDate.of(2025, 3, 27));
        assertThat(t.rows().get(1).get("month")).isEqualTo(YearMonth.of(2025, 3));
        assertThat(t.rows().get(2).get("month")).isEqualTo(YearMonth.of(2025, 4));
        assertThat(t.rows().get(3).get("month")).isEqualTo(YearMonth.of(2025, 5));
    }

    @Test
    void aMonthExcelKeptAsANumberIsReadWhereItsDigitsSayWhichAndAskedForWhereTheyCannot() throws IOException {
        Path file = new TinyWorkbook()
                .sheet(
                        "항목",
                        HEADER,
                        row("CN", 1, null, null, null, 2025.03),
                        row("US", 1, null, null, null, 2025.1), // typed 2025.10 or 2025.1
                        row("KR", 1, null, null, null, 2025.1), // formatted 0.00 below: it shows 2025.10
                        row("DE", 1, null, null, null, "2025.2.1."),
                        row("FR", 1, null, null, null, 2025.13))
                .sheet("기타", row("X"), row("a"))
                .write(dir.resolve("w.xlsx"));
        format(file, 3, 5, "0.00");
        SchemaValidator.Result r = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(
                        tuple("F2", "month-as-number"),
                        tuple("F3", "month-ambiguous"),
                        tuple("F4", "month-as-number"),
                        tuple("F6", "type-mismatch"));
        FindingText ko = new FindingText(Messages.of(Messages.Lang.KO));
        assertThat(ko.message(r.report().findings().get(0)))
                .isEqualTo("연월: 연월이 숫자 2025.03(으)로 저장되어 있어 2025-03(으)로 읽었습니다. "
                        + "Excel은 2025.10을 숫자 2025.1로 바꾸어 저장하니, 2025-10처럼 하이픈으로 적으세요.");
        assertThat(ko.message(r.report().findings().get(1)))
                .isEqualTo("연월: 숫자 2025.1은(는) 2025년 1월인지 10월인지 알 수 없습니다. Excel은 2025.10을 숫자 2025.1로 "
                        + "바꾸어 저장합니다. 2025-01이나 2025-10처럼 하이픈으로 적으세요.");
        assertThat(new FindingText(Messages.of(Messages.Lang.EN))
                        .message(r.report().findings().get(1)))
                .contains("could be January or October 2025");
        Table t = r.dataset().table("items");
        assertThat(t.rows())
                .extracting(row -> row.get("code"), row -> row.get("month"))
                .contains(
                        tuple("CN", YearMonth.of(2025, 3)),
                        tuple("KR", YearMonth.of(2025, 10)),
                        tuple("DE", YearMonth.of(2025, 2)));
        // A date pasted as its value (paste values leaves 45717 for 2025-03-01) is its month, as in a date
        // column; a year alone is no serial date (2025 would be July 1905).
        SchemaValidator.Result pasted = validate(new TinyWorkbook()
                .sheet("항목", HEADER, row("CN", 1, null, null, null, 45717), row("US", 1, null, null, null, 2025))
                .sheet("기타", row("X"), row("a")));
        assertThat(pasted.report().findings())
                .extracting(
                        f -> f.at().a1(),
                        f -> f.code().id(),
                        f -> f.args().isEmpty() ? "" : f.args().get(0))
                .containsExactly(tuple("F2", "date-as-number", "2025-03"), tuple("F3", "type-mismatch", ""));
    }

    @Test
    void aWholeNumberTheCellShowsButDoesNotHoldOrALetterForADigitIsToldAsSuch() throws IOException {
        Path file = new TinyWorkbook()
                .sheet(
                        "항목",
                        HEADER,
                        row("CN", "=76421/2"), // 38210.5, shown as 38,211 below
                        row("US", 6276.5), // shown as it is: the plain type-mismatch
                        row("JP", "12,5OO"), // the letter O for a zero
                        row("KR", "OO"))
                .sheet("기타", row("X"), row("a"))
                .write(dir.resolve("w.xlsx"));
        format(file, 1, 1, "#,##0");
        SchemaValidator.Result r = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(
                        tuple("B2", "fraction-hidden"),
                        tuple("B3", "type-mismatch"),
                        tuple("B4", "letter-o"),
                        tuple("B5", "type-mismatch"));
        assertThat(new FindingText(Messages.of(Messages.Lang.KO))
                        .message(r.report().findings().get(0)))
                .isEqualTo("건수: 셀에는 38,211(으)로 보이지만 값은 38210.5(이)라 정수가 아닙니다. 셀 서식이 소수 부분을 감추고 있습니다. "
                        + "정수로 고치거나, 수식이라면 ROUND로 반올림하세요.");
        assertThat(new FindingText(Messages.of(Messages.Lang.KO))
                        .message(r.report().findings().get(2)))
                .isEqualTo("건수: '12,5OO'에 숫자 0 대신 영문자 O가 있습니다. 0으로 고치세요.");
    }

    @Test
    void everyKindOfCellProblemIsFoundAtItsCell() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "항목",
                        HEADER,
                        row("CN", "많음", 1.5, "대학", "어제", "2025-13", "www.x", "가"),
                        row("cn", null, 0.1, "기업", null, null, null, "다섯글자넘음"),
                        row("CN", -3, null, null, null, null, null, "가"),
                        row("KR", "=1/0", null, null, null, null, null, null))
                .sheet("기타", row("X"), row("a")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.at().a1(), f -> f.code().id())
                .containsExactlyInAnyOrder(
                        tuple("항목", "B2", "type-mismatch"),
                        tuple("항목", "C2", "percent-unmarked"),
                        tuple("항목", "D2", "not-allowed"),
                        tuple("항목", "E2", "type-mismatch"),
                        tuple("항목", "F2", "type-mismatch"),
                        tuple("항목", "G2", "type-mismatch"),
                        tuple("항목", "A3", "pattern-mismatch"),
                        tuple("항목", "B3", "required-missing"),
                        tuple("항목", "H3", "too-long"),
                        tuple("항목", "A4", "key-duplicate"),
                        tuple("항목", "B4", "out-of-range"),
                        tuple("항목", "H4", "unique-duplicate"),
                        tuple("항목", "B5", "formula-error"));
        assertThat(r.report().valid()).isFalse();
        // A bound on one side is said as one ("≥ 0"), not as a range with an end missing ("0–").
        assertThat(r.report().findings())
                .filteredOn(f -> f.code().id().equals("out-of-range"))
                .extracting(f -> f.expected())
                .containsExactly("≥ 0");
        // 1.5 in a column of percents, typed without % in a cell not formatted as one: 150 % or 1.5 %?
        assertThat(new FindingText(Messages.of(Messages.Lang.KO))
                        .message(r.report().findings().stream()
                                .filter(f -> f.code().id().equals("percent-unmarked"))
                                .findFirst()
                                .orElseThrow()))
                .isEqualTo("비중: 백분율 열에 1.5이(가) % 없이 적혀 있어, 이대로는 전체의 1.5배로 읽힙니다. "
                        + "1.5%라면 1.5%로 다시 적으세요(Excel은 0.015(으)로 저장합니다). 1.5배가 맞다면 셀 서식을 백분율로 바꾸세요.");
        // The pattern in the words of the column's help, which analysts read, not in its symbols.
        assertThat(r.report().findings())
                .filteredOn(f -> f.code().id().equals("pattern-mismatch"))
                .extracting(f -> f.expected())
                .containsExactly("대문자 두 글자 국가 코드");
        // A mark for "no value" in a required cell is that value missing, not a number mistyped.
        assertThat(validate(new TinyWorkbook()
                                .sheet("항목", HEADER, row("CN", "-"))
                                .sheet("기타", row("X"), row("a")))
                        .report()
                        .findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("B2", "required-missing"));
    }

    @Test
    void aHeaderBelowATitleTypedAboveTheTableIsFoundAndToldOnce() throws IOException {
        // A title, then a blank row, above the table: the header is on row 3, not the schema's row 1.
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet("항목", row("생성형 AI 특허 현황"), row(), HEADER, row("CN", 38210), row("US", 6276))
                .sheet("기타", row("X"), row("a")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().row(), f -> f.code().id(), f -> f.args())
                .containsExactly(tuple(2, "header-moved", List.of(1, 3)));
        assertThat(r.report().valid()).isTrue();
        assertThat(r.dataset().table("items").rows())
                .extracting(x -> x.get("code"), x -> x.sheetRow())
                .containsExactly(tuple("CN", 3), tuple("US", 4));
        // With no header among the rows, the schema's row is the header: each column is missing, as before.
        SchemaValidator.Result gone = validate(new TinyWorkbook()
                .sheet("항목", row("CN", 38210), row("US", 6276), row("KR", 4155))
                .sheet("기타", row("X"), row("a")));
        assertThat(gone.report().findings())
                .extracting(f -> f.code().id())
                .containsOnly("column-missing", "column-unknown");
    }

    @Test
    void numbersTypedAsTextAreAcceptedWithAWarning() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet("항목", HEADER, row("CN", "38,210", "70.8%", null, "2025.3.27", null, null, null))
                .sheet("기타", row("X")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(
                        tuple("B2", "number-as-text"), tuple("C2", "number-as-text"), tuple("E2", "date-as-text"));
        assertThat(r.report().valid()).isTrue();
        assertThat(r.dataset().table("items").rows().get(0).get("count")).isEqualTo(38210L);
        assertThat(r.dataset().table("items").rows().get(0).get("share")).isEqualTo(new BigDecimal("0.708"));
    }

    @Test
    void missingSheetMissingAndUnknownColumnsAndRowCount() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "항목",
                        row("code", "비고", "유형"),
                        row("AA", "x", "기업"),
                        row("AB"),
                        row("AC"),
                        row("AD"),
                        row("AE"),
                        row("AF")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.at().a1(), f -> f.code().id())
                .contains(
                        tuple("기타", "", "sheet-missing"),
                        tuple("항목", "D1", "column-missing"),
                        tuple("항목", "B1", "column-unknown"),
                        tuple("항목", "", "row-count"));
        assertThat(r.report().findings())
                .filteredOn(f -> f.code().id().equals("column-missing"))
                .extracting(Finding::field)
                .containsExactlyInAnyOrder("count", "share", "day", "month", "link", "name");
    }

    @Test
    void aSheetWhoseNameDiffersOnlyInSpacesOrCaseIsNamedWithWhatToRenameIt() throws IOException {
        SchemaValidator.Result r =
                validate(new TinyWorkbook().sheet("항목 ", HEADER).sheet("기타", row("X")));
        Finding renamed = r.report().findings().get(0);
        assertThat(r.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.code().id())
                .containsExactly(tuple("항목", "sheet-renamed"));
        assertThat(said(renamed, Messages.Lang.KO))
                .isEqualTo("'항목' 시트가 없습니다. 시트 '항목 '이(가) 그 시트라면 이름을 '항목'(으)로 고쳐 주세요" + " (띄어쓰기, 밑줄이나 대소문자만 다릅니다).");
        // Two alike: which one is meant is not guessed.
        assertThat(validate(new TinyWorkbook()
                                .sheet("항목 ", HEADER)
                                .sheet(" 항목", HEADER)
                                .sheet("기타", row("X")))
                        .report()
                        .findings())
                .extracting(f -> f.code().id())
                .containsExactly("sheet-missing");
    }

    @Test
    void aSheetGivenAnotherNameIsKnownByItsHeader() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet("안내", row("이 워크북은 …"))
                .sheet("국가별 항목", row("2025년 3월 기준"), HEADER, row("CN", 38210))
                .sheet("기타", row("X")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.code().id(), f -> f.args())
                .containsExactly(tuple("항목", "sheet-renamed", List.of("국가별 항목", 1)));
        assertThat(said(r.report().findings().get(0), Messages.Lang.EN))
                .isEqualTo("Sheet '항목' is missing. If sheet '국가별 항목' is that sheet, rename it '항목'"
                        + " (it has that sheet's column headers).");
        // Two with the header (a copy of the sheet, say): which one is meant is not guessed.
        assertThat(validate(new TinyWorkbook()
                                .sheet("국가별 항목", HEADER)
                                .sheet("국가별 항목 (2)", HEADER)
                                .sheet("기타", row("X")))
                        .report()
                        .findings())
                .extracting(f -> f.code().id())
                .containsExactly("sheet-missing");
    }

    @Test
    void aNoteTypedUnderTheTableIsOneFindingAtItsCellNotAnErrorAtEveryBlank() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "항목",
                        HEADER,
                        row("CN", 38210),
                        row(),
                        row("※ 출처: WIPO(2024)"),
                        row(null, null, null, null, null, null, null, "주: 2014~2023년 누계"),
                        // Cells that look empty: a no-break space pasted from the web, a zero-width one.
                        row("\u00A0", null, null, "\u200B"))
                .sheet("기타", row("X")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("A4", "row-note"), tuple("H5", "row-note"));
        assertThat(said(r.report().findings().get(1), Messages.Lang.KO))
                .startsWith("이 행에는 이 칸만 채워져 있고 필수 값(코드, 건수)이 비어 있어 자료 행으로 읽을 수 없습니다.");
        assertThat(r.dataset().table("items").rows()).hasSize(1);
        // A row with two cells filled is a row of data with blanks: each is its own finding.
        assertThat(validate(new TinyWorkbook()
                                .sheet("항목", HEADER, row("CN", null, 0.5))
                                .sheet("기타", row("X")))
                        .report()
                        .findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("B2", "required-missing"));
    }

    @Test
    void aRowOfTotalsUnderTheTableIsOneFindingAtItsLabelNotAnErrorAtEachOfItsCells() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet(
                        "항목",
                        HEADER,
                        row("CN", 38210),
                        row("US", 6276, "x"),
                        row("합계", 44486),
                        row(null, 44486, null, null, null, null, null, " Sub Total "))
                .sheet("기타", row("X")));
        assertThat(r.report().findings())
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("C3", "type-mismatch"), tuple("A4", "total-row"), tuple("H5", "total-row"));
        assertThat(said(r.report().findings().get(1), Messages.Lang.KO))
                .startsWith("이 행은 '합계'(이)라 적힌 합계 행으로 보여 자료로 읽지 않았습니다(이 행의 오류 1건 대신");
        assertThat(r.dataset().table("items").rows()).hasSize(2);
    }

    @Test
    void oneMissingColumnAndOneUnknownHeaderAreOneFindingAtThatHeader() throws IOException {
        SchemaValidator.Result all = validate(new TinyWorkbook()
                .sheet("항목", row("code", "count", "share", "일자", "month", "URL", "name", "유형"), row("AA", 1))
                .sheet("기타", row("X")));
        assertThat(all.report().findings())
                .filteredOn(f -> f.at().sheet().equals("항목") && f.code().id().startsWith("column-"))
                .extracting(f -> f.at().a1(), f -> f.code().id(), Finding::field)
                .containsExactly(tuple("D1", "column-renamed", "day"));
        Finding renamed = all.report().findings().stream()
                .filter(f -> f.code().id().equals("column-renamed"))
                .findFirst()
                .orElseThrow();
        String said = said(renamed, Messages.Lang.KO);
        assertThat(said).contains("'일자'", "머리글을 다음 중 하나로 고쳐 주세요");
        // Two unknown headers: which one is the missing column is not guessed.
        SchemaValidator.Result two = validate(new TinyWorkbook()
                .sheet("항목", row("code", "count", "share", "일자", "month", "URL", "name", "유형", "비고"), row("AA", 1))
                .sheet("기타", row("X")));
        assertThat(two.report().findings())
                .filteredOn(f -> f.at().sheet().equals("항목") && f.code().id().startsWith("column-"))
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactlyInAnyOrder(
                        tuple("J1", "column-missing"), tuple("D1", "column-unknown"), tuple("I1", "column-unknown"));
    }

    @Test
    void headersMatchAliasesInAnyOrderAndIgnoreAUnitSuffixAndARequiredFieldsMark() throws IOException {
        // As written, and as forms mark a required field (검증*).
        for (Object[] header : java.util.List.of(row("COUNT (건)", " code "), row("COUNT (건) *", "code＊"))) {
            SchemaValidator.Result r = validate(
                    new TinyWorkbook().sheet("항목", header, row(12, "CN")).sheet("기타", row("X")));
            assertThat(r.report().findings()).extracting(f -> f.code().id()).containsOnly("column-missing");
            assertThat(r.dataset().table("items").rows().get(0).get("count")).isEqualTo(12L);
            assertThat(r.dataset().table("items").rows().get(0).get("code")).isEqualTo("CN");
        }
    }

    @Test
    void aSecondColumnWithAColumnsHeaderIsToldAsTwiceNotAsUnknownToTheSchema() throws IOException {
        SchemaValidator.Result r = validate(new TinyWorkbook()
                .sheet("항목", row("코드", "건수", "Count"), row("CN", 38210, 38000))
                .sheet("기타", row("X")));
        Finding twice = r.report().findings().stream()
                .filter(f -> f.at().a1().equals("C1"))
                .findFirst()
                .orElseThrow();
        assertThat(twice.code().id()).isEqualTo("column-twice");
        assertThat(said(twice, Messages.Lang.KO)).startsWith("머리글 'Count'인 열이 B열에도 있습니다.");
        assertThat(r.dataset().table("items").rows().get(0).get("count")).isEqualTo(38210L);
    }

    @Test
    void aHeaderAsWrittenWinsOverAnotherColumnsHeaderWithAUnitSoTwoSuchColumnsMayBeSwapped() throws IOException {
        Files.writeString(dir.resolve("config/briefs/u.yaml"), """
        id: u
        title: test
        workbook: w.xlsx
        sheets:
          applicants:
            sheet: 출원인
            columns:
              name:    {header: [출원인, applicant], type: text, required: true}
              name_en: {header: [출원인(영문), applicant (English)], type: text, required: true}
              count:   {header: [특허군 수], type: integer}
        """);
        BriefConfig two =
                new ConfigLoader().load(dir.resolve("config")).findBrief("u").orElseThrow();
        Path file = new TinyWorkbook()
                .sheet("출원인", row("출원인(영문)", "특허군 수 (건)", "출원인"), row("Huawei", 4000, "화웨이"))
                .write(dir.resolve("u.xlsx"));
        SchemaValidator.Result r = dev.briefpipe.testing.Validation.validate(file, two);
        assertThat(r.report().findings()).isEmpty();
        assertThat(r.dataset().table("applicants").rows().get(0).get("name")).isEqualTo("화웨이");
        assertThat(r.dataset().table("applicants").rows().get(0).get("name_en")).isEqualTo("Huawei");
        assertThat(r.dataset().table("applicants").rows().get(0).get("count")).isEqualTo(4000L);
    }

    /** A finding's message as the reader of {@code lang} is told it. */
    private static String said(Finding f, Messages.Lang lang) {
        return new FindingText(Messages.of(lang)).message(f);
    }

    /** Gives one cell of the first sheet a number format, as an analyst does in Excel. */
    private static void format(Path file, int row, int column, String format) throws IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(file))) {
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            wb.getSheetAt(0).getRow(row).getCell(column).setCellStyle(style);
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private SchemaValidator.Result validate(TinyWorkbook wb) throws IOException {
        return dev.briefpipe.testing.Validation.validate(wb.write(dir.resolve("w.xlsx")), brief);
    }
}
