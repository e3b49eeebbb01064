package dev.briefpipe.transform;

import static dev.briefpipe.testing.TinyWorkbook.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.export.report.FindingText;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.Finding;
import dev.briefpipe.testing.TinyWorkbook;
import dev.briefpipe.validate.SchemaValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Derived fields, key figures and placeholders in prose, on a real workbook. */
class TransformerTest {
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
        locale: ko-KR
        sheets:
          patents:
            sheet: 특허
            key: code
            value: families
            columns:
              code:     {header: [코드], type: text}
              families: {header: [건수], type: integer}
          money:
            sheet: 투자
            key: id
            columns:
              id:     {header: [ID], type: text}
              amount: {header: [금액], type: decimal}
              fx:     {header: [환율], type: decimal}
              since:  {header: [시작], type: year-month}
              signed: {header: [서명일], type: date}
            derived:
              usd: {expr: "round(amount / fx, 1)"}
          text:
            sheet: 본문
            columns:
              body: {header: [내용], type: text, template: true}
        summary:
          figures:
            - {id: ratio, expr: "patents[CN] / patents[US]", format: "0.00"}
            - {id: total, expr: "sum(money.amount)"}
            - {id: twice, expr: "ratio * 2"}
        """);
        brief = new ConfigLoader().load(dir.resolve("config")).findBrief("t").orElseThrow();
    }

    @Test
    void placeholdersAreFilledFromDataAndFigures() throws IOException {
        Transformer.Result r = transform(
                row("총 {patents[CN]:#,##0}건, 미국의 {ratio:0.0}배"),
                row("비중 {patents[CN] / (patents[CN] + patents[US]):0.0%}"));
        assertThat(r.findings()).isEmpty();
        assertThat(r.dataset().table("text").rows())
                .extracting(x -> x.text("body"))
                .containsExactly("총 38,210건, 미국의 6.1배", "비중 85.9%");
        assertThat(r.figures().get("ratio").value().doubleValue())
                .isCloseTo(6.088, org.assertj.core.data.Offset.offset(0.001));
        assertThat(r.dataset().table("money").rows().get(0).get("usd")).isEqualTo(new BigDecimal("82.0"));
        // Each figure knows what it was made of: the cells, and the figures it used.
        assertThat(r.figures().get("ratio").reads())
                .extracting(CellRead::where, CellRead::value)
                .containsExactly(tuple("'특허'!B2", "38210"), tuple("'특허'!B3", "6276"));
        assertThat(r.figures().get("total").reads())
                .extracting(CellRead::where, CellRead::value)
                .containsExactly(tuple("'투자'!B2", "600.6"));
        assertThat(r.figures().get("twice").reads()).extracting(CellRead::where).containsExactly("ratio");
    }

    @Test
    void proseIsOneParagraphWithOneSpaceBetweenWordsAndCurlyQuotes() throws IOException {
        // Typed to fit Excel's column, pasted from another document: each break, tab and wide space
        // was printed, a justified line ending at each break and two words run together at the tab.
        Transformer.Result r =
                transform(row("중국 기업들이\n다출원  기업\t10위권\u3000내에 \"대거\" 포함 "), row("○ 텐센트 등\r\n{patents[CN]}건"));
        assertThat(r.dataset().table("text").rows())
                .extracting(x -> x.text("body"))
                .containsExactly("중국 기업들이 다출원 기업 10위권 내에 “대거” 포함", "○ 텐센트 등 38210건");
    }

    @Test
    void aDateFillsAsTheBriefWritesDatesOrInItsOwnPattern() throws IOException {
        // A date or month printed 2024-05-27 in a Korean sentence unless the brief said otherwise.
        Transformer.Result r = transform(
                row("{money[fund].signed} 서명, {money[fund].since}부터"),
                row("{money[fund].signed:yyyy년 M월 d일}, {money[fund].since:yyyy년 M월}"),
                row("{money[fund].signed:HH시}"));
        assertThat(r.dataset().table("text").rows())
                .extracting(x -> x.text("body"))
                .containsExactly("2024.5.27. 서명, 2024.5.부터", "2024년 5월 27일, 2024년 5월", "{money[fund].signed:HH시}");
        assertThat(r.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.at().a1()).isEqualTo("A4"))
                .satisfies(f -> assertThat(new FindingText(Messages.of(Messages.Lang.KO)).message(f))
                        .contains("날짜 서식 'HH시'"));
    }

    @Test
    void anUnknownReferenceIsAnErrorAtItsCell() throws IOException {
        Transformer.Result r = transform(
                row("ok"),
                row("총 {patents[JP]:#,##0}건"),
                row("{patents[CN].famillies}"),
                row("{nope}"),
                row("{patents[CN]:0.0.0}"));
        assertThat(r.findings())
                .extracting(
                        f -> f.at().a1(), f -> f.code().id(), f -> f.severity().code())
                .containsExactly(
                        tuple("A3", "placeholder-invalid", "error"),
                        tuple("A4", "placeholder-invalid", "error"),
                        tuple("A5", "placeholder-invalid", "error"),
                        tuple("A6", "placeholder-invalid", "error"));
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO))
                        .message(r.findings().get(3)))
                .contains("숫자 서식 '0.0.0'");
        // A key no row has, told by the sheet and its key's header as the analyst sees them.
        FindingText ko = new FindingText(Messages.of(Messages.Lang.KO));
        assertThat(ko.message(r.findings().get(0)))
                .contains("시트 '특허'에 코드이(가) 'JP'인 행이 없습니다")
                .doesNotContain("patents에");
        assertThat(new FindingText(Messages.of(Messages.Lang.EN))
                        .message(r.findings().get(0)))
                .contains("sheet '특허' has no row whose 코드 is 'JP'");
        assertThat(r.dataset().table("text").rows().get(1).text("body")).isEqualTo("총 {patents[JP]:#,##0}건");
    }

    @Test
    void aBraceWithoutItsPairAndATableTheBriefDoesNotDefineAreNamed() throws IOException {
        Transformer.Result r =
                transform(row("총 {patents[CN]:#,##0건이다"), row("총 {patents[CN]}}건"), row("{patent[CN]}건"));
        FindingText text = new FindingText(Messages.of(Messages.Lang.KO));
        assertThat(r.findings())
                .extracting(f -> f.at().a1(), f -> f.code().id(), Finding::value)
                .containsExactly(
                        tuple("A2", "placeholder-invalid", "{patents[CN]:#,##0건이다"),
                        tuple("A3", "placeholder-invalid", "}건"),
                        tuple("A4", "placeholder-invalid", "{patent[CN]}"));
        assertThat(text.message(r.findings().get(0))).contains("중괄호 { }의 짝이 맞지 않아");
        assertThat(text.message(r.findings().get(2)))
                .contains("브리프 설정에 표 'patent'이(가) 없습니다. 쓸 수 있는 표: patents, money, text");
    }

    @Test
    void aLiteralNumberThatContradictsAFilledOneIsAWarning() throws IOException {
        Transformer.Result r = transform(
                row("총 38,000건({patents[CN]:#,##0}건)"),
                row("H100 대비 {patents[US]:#,##0}건, 2023년"),
                row("약 3.8만 건 ({patents[CN]})"));
        assertThat(r.findings())
                .extracting(f -> f.at().a1(), f -> f.code().id(), Finding::value)
                .containsExactly(
                        tuple("A2", "number-contradicts", "38,000"), tuple("A4", "number-contradicts", "3.8만"));
    }

    @Test
    void aFigureBuiltOnOneWithNoValueSaysWhichInTheReadersLanguage() throws IOException {
        Path file = new TinyWorkbook()
                .sheet("특허", row("코드", "건수"), row("CN", 38210), row("US", null))
                .sheet(
                        "투자",
                        row("ID", "금액", "환율", "시작", "서명일"),
                        row("fund", 600.6, 7.3245, "2024-05", LocalDate.of(2024, 5, 27)))
                .sheet("본문", row("내용"), row("미국 {patents[US]:#,##0}건"))
                .write(dir.resolve("w.xlsx"));
        SchemaValidator.Result v = dev.briefpipe.testing.Validation.validate(file, brief);
        Transformer.Result r = new Transformer().apply(v.dataset(), brief);
        assertThat(r.findings())
                .extracting(f -> f.at().sheet(), f -> f.at().a1(), f -> f.code().id(), Finding::field)
                .containsExactly(
                        tuple("요약", "", "figure-failed", "twice"), tuple("본문", "A2", "placeholder-invalid", "body"));
        dev.briefpipe.export.report.FindingText ko = new dev.briefpipe.export.report.FindingText(
                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO));
        // The reasons are the bundle's, in Korean: no English left inside the Korean message.
        assertThat(r.findings())
                .allSatisfy(f -> assertThat(ko.message(f)).doesNotContainPattern("[a-z]{3,} [a-z]{3,}"));
        assertThat(ko.message(r.findings().get(0))).contains("'ratio'");
        // Each names the blank cell it comes from, so the analyst is led to it.
        assertThat(r.findings()).allSatisfy(f -> assertThat(ko.message(f)).contains("'특허'!B3"));
    }

    @Test
    void aMissingSheetIsReportedOnceAndWhatItFillsNamesIt() throws IOException {
        Path file = new TinyWorkbook()
                .sheet(
                        "투자",
                        row("ID", "금액", "환율", "시작", "서명일"),
                        row("fund", 600.6, 7.3245, "2024-05", LocalDate.of(2024, 5, 27)))
                .sheet("본문", row("내용"), row("중국 {patents[CN]:#,##0}건"))
                .write(dir.resolve("w.xlsx"));
        SchemaValidator.Result v = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(v.report().findings())
                .extracting(f -> f.at().sheet(), f -> f.code().id())
                .containsExactly(tuple("특허", "sheet-missing"));
        Transformer.Result r = new Transformer().apply(v.dataset(), brief);
        // The figure built on the sheet is a consequence of it, not a second error of its own.
        assertThat(r.findings())
                .extracting(f -> f.at().sheet(), f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("본문", "A2", "placeholder-invalid"));
        dev.briefpipe.export.report.FindingText ko = new dev.briefpipe.export.report.FindingText(
                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO));
        assertThat(ko.message(r.findings().get(0))).contains("시트 '특허'이(가) 워크북에 없습니다");
        assertThat(r.figures().get("total").value()).isEqualByComparingTo("600.6");
    }

    @Test
    void aDerivedFieldThatReadsAMissingColumnIsBlankNotAnErrorInEveryRow() throws IOException {
        Path file = new TinyWorkbook()
                .sheet("특허", row("코드", "건수"), row("CN", 38210), row("US", 6276))
                .sheet(
                        "투자",
                        row("ID", "투자액", "환율", "시작", "서명일"),
                        row("fund", 600.6, 7.3245, "2024-05", LocalDate.of(2024, 5, 27)),
                        row("fund2", 5, 7.2417, "2025-03", LocalDate.of(2025, 3, 13)))
                .sheet("본문", row("내용"), row("ok"))
                .write(dir.resolve("w.xlsx"));
        SchemaValidator.Result v = dev.briefpipe.testing.Validation.validate(file, brief);
        Transformer.Result r = new Transformer().apply(v.dataset(), brief);
        // usd = amount / fx reads the column the sheet lacks: blank in each row, as with a blank cell. The
        // missing column is the validation's finding; every row an error for it buried that one.
        assertThat(r.findings())
                .extracting(f -> f.at().sheet(), f -> f.code().id(), Finding::field)
                .containsExactly(tuple("요약", "figure-failed", "total"));
        assertThat(r.dataset().table("money").rows())
                .extracting(x -> x.get("usd"))
                .containsOnlyNulls();
    }

    @Test
    void aDerivedFieldThatLooksUpAKeyNoRowHasNamesTheSheetAndItsKeysHeader() throws IOException {
        Path yaml = dir.resolve("config/briefs/t.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("round(amount / fx, 1)", "amount / patents[JP]"));
        brief = new ConfigLoader().load(dir.resolve("config")).findBrief("t").orElseThrow();
        Transformer.Result r = transform(row("ok"));
        assertThat(r.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.code().id()).isEqualTo("derived-failed"))
                .satisfies(f -> assertThat(new FindingText(Messages.of(Messages.Lang.KO)).message(f))
                        .contains("시트 '특허'에 코드이(가) 'JP'인 행이 없습니다"));
    }

    @Test
    void aMissingRequiredColumnIsReportedOnceButAMissingOptionalOneStillFailsItsFigures() throws IOException {
        Path file = new TinyWorkbook()
                .sheet("특허", row("코드", "건수 합계"), row("CN", 38210), row("US", 6276))
                .sheet(
                        "투자",
                        row("ID", "금액", "환율", "시작", "서명일"),
                        row("fund", 600.6, 7.3245, "2024-05", LocalDate.of(2024, 5, 27)))
                .sheet("본문", row("내용"), row("중국 {patents[CN]:#,##0}건"))
                .write(dir.resolve("w.xlsx"));
        // Optional, its absence only a warning: the first figure built on it is an error, never silently blank.
        SchemaValidator.Result v = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(v.report().findings()).filteredOn(Finding::isError).isEmpty();
        assertThat(new Transformer().apply(v.dataset(), brief).findings())
                .extracting(f -> f.at().sheet(), f -> f.code().id(), Finding::field)
                .containsExactly(tuple("요약", "figure-failed", "ratio"), tuple("본문", "placeholder-invalid", "body"));

        // Required: the missing column is the error, and the figures built on it are not errors again.
        Path yaml = dir.resolve("config/briefs/t.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "families: {header: [건수], type: integer}",
                                "families: {header: [건수], type: integer, required: true}"));
        brief = new ConfigLoader().load(dir.resolve("config")).findBrief("t").orElseThrow();
        v = dev.briefpipe.testing.Validation.validate(file, brief);
        // The header "건수 합계" stands where "건수" is missing: one finding, at that header.
        assertThat(v.report().findings())
                .filteredOn(Finding::isError)
                .extracting(f -> f.at().a1(), f -> f.code().id())
                .containsExactly(tuple("B1", "column-renamed"));
        List<Finding> after = new Transformer().apply(v.dataset(), brief).findings();
        assertThat(after)
                .extracting(f -> f.at().sheet(), f -> f.code().id())
                .containsExactly(tuple("본문", "placeholder-invalid"));
        // In the workbook's words: the sheet and the header, not the table's and the field's ids.
        assertThat(new dev.briefpipe.export.report.FindingText(
                                dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO))
                        .message(after.get(0)))
                .contains("시트 '특허'에 열 '건수'이(가) 없습니다");
    }

    private Transformer.Result transform(Object[]... bodies) throws IOException {
        Object[][] text = new Object[bodies.length + 1][];
        text[0] = row("내용");
        System.arraycopy(bodies, 0, text, 1, bodies.length);
        Path file = new TinyWorkbook()
                .sheet("특허", row("코드", "건수"), row("CN", 38210), row("US", 6276))
                .sheet(
                        "투자",
                        row("ID", "금액", "환율", "시작", "서명일"),
                        row("fund", 600.6, 7.3245, "2024-05", LocalDate.of(2024, 5, 27)))
                .sheet("본문", text)
                .write(dir.resolve("w.xlsx"));
        SchemaValidator.Result v = dev.briefpipe.testing.Validation.validate(file, brief);
        assertThat(v.report().findings()).isEmpty();
        return new Transformer().apply(v.dataset(), brief);
    }
}
