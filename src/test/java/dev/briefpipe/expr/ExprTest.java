package dev.briefpipe.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Table;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExprTest {
    private final Dataset data = new Dataset(List.of(new Table(
            "patents",
            "특허",
            List.of("code", "families", "bloc"),
            List.of(1, 3, 4),
            List.of("code"),
            List.of(
                    row(1, "code", "CN", "families", 38210L, "bloc", "asia"),
                    row(2, "code", "US", "families", 6276L, "bloc", "americas"),
                    row(3, "code", "KR", "families", 4155L, "bloc", "asia"),
                    row(4, "code", "XX", "bloc", "asia")))));
    private final Map<String, Object> figures = new HashMap<>();
    private final ExprEvaluator eval = new ExprEvaluator(data, n -> Optional.ofNullable(figures.get(n)));

    @Test
    void lookupAggregateAndArithmetic() {
        assertThat(eval("patents[CN].families")).isEqualTo(new BigDecimal("38210"));
        assertThat(eval("sum(patents.families)")).isEqualTo(new BigDecimal("48641"));
        assertThat(eval("count(patents, bloc = 'asia')")).isEqualTo(BigDecimal.valueOf(3));
        assertThat(eval("sum(patents.families, bloc = 'asia' and code != 'KR')"))
                .isEqualTo(new BigDecimal("38210"));
        assertThat(((BigDecimal) eval("patents[CN].families / patents[US].families")).doubleValue())
                .isEqualTo(6.088, org.assertj.core.data.Offset.offset(0.001));
        assertThat(eval("-(2 + 3) * 4")).isEqualTo(new BigDecimal("-20"));
        assertThat(eval("max(patents.families)")).isEqualTo(new BigDecimal("38210"));
    }

    @Test
    void blankInputGivesBlankNotZero() {
        assertThat(eval("patents[XX].families")).isNull();
        assertThat(eval("patents[XX].families * 2")).isNull();
    }

    @Test
    void namesResolveToFiguresAndRowFields() {
        figures.put("cn", new BigDecimal("38210"));
        assertThat(eval("cn / 2")).isEqualTo(new BigDecimal("19105"));
        Row us = data.table("patents").rows().get(1);
        assertThat(eval.eval(ExprParser.parse("families * 2"), us)).isEqualTo(new BigDecimal("12552"));
    }

    @Test
    void errorsSayWhat() {
        assertThatThrownBy(() -> eval("patents[JP].families")).hasMessageContaining("JP");
        assertThatThrownBy(() -> eval("patents[CN].famillies")).hasMessageContaining("famillies");
        assertThatThrownBy(() -> eval("1 / 0")).hasMessageContaining("zero");
        assertThatThrownBy(() -> ExprParser.parse("sum(patents.families"))
                .isInstanceOfSatisfying(
                        ExprException.class, e -> assertThat(e.offset()).isEqualTo(20));
    }

    @Test
    void everyReasonIsToldInKorean() {
        dev.briefpipe.i18n.Messages ko = dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO);
        for (String bad : List.of(
                "patents[JP].families",
                "patents[CN].famillies",
                "1 / 0",
                "nosuch + 1",
                "nosuch.x",
                "sum(patents.families",
                "",
                "1 +",
                "patents[]",
                "'open",
                "1.2.3",
                "max(1)",
                "frobnicate(1)",
                "patents.families",
                "count(1)",
                "sum(1)",
                "1 ? 2",
                "cn + 'x'")) {
            assertThatThrownBy(() -> eval.eval(ExprParser.parse(bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(ExprException.class, e -> {
                        String told = ko.get(e.reason());
                        assertThat(told)
                                .as(bad + ": " + e.getMessage())
                                .doesNotStartWith("[expr.")
                                .matches(".*[가-힣].*");
                        assertThat(e.getMessage())
                                .as(bad)
                                .doesNotStartWith("[expr.")
                                .doesNotMatch(".*[가-힣].*");
                    });
        }
    }

    @Test
    void compilesToLiveExcelFormulas() {
        ExcelFormulaCompiler c = new ExcelFormulaCompiler(new ExcelFormulaCompiler.SheetLocator() {
            public String sheetName(String t) {
                return "특허 국가";
            }

            public String columnLetters(String t, String f) {
                return f.equals("code") ? "B" : f.equals("families") ? "D" : "E";
            }

            public int firstRow(String t) {
                return 2;
            }

            public int lastRow(String t) {
                return 5;
            }

            public String keyField(String t) {
                return "code";
            }

            public boolean numericKey(String t) {
                return false;
            }

            public String valueField(String t) {
                return "families";
            }

            public Optional<String> figureCell(String n) {
                return n.equals("world") ? Optional.of("$B$7") : Optional.empty();
            }
        });
        assertThat(c.compile(ExprParser.parse("patents[CN].families / world")))
                .isEqualTo("(INDEX('특허 국가'!$D$2:$D$5,MATCH(\"CN\",'특허 국가'!$B$2:$B$5,0)))/($B$7)");
        assertThat(c.compile(ExprParser.parse("patents[US]")))
                .isEqualTo("INDEX('특허 국가'!$D$2:$D$5,MATCH(\"US\",'특허 국가'!$B$2:$B$5,0))");
        assertThat(c.compile(ExprParser.parse("sum(patents.families, bloc = 'asia')")))
                .isEqualTo("SUMIFS('특허 국가'!$D$2:$D$5,'특허 국가'!$E$2:$E$5,\"asia\")");
        assertThat(c.compile(ExprParser.parse("count(patents, families >= 5000)")))
                .isEqualTo("COUNTIFS('특허 국가'!$D$2:$D$5,\">=5000\")");
        assertThatThrownBy(() -> c.compile(ExprParser.parse("count(patents, families > bloc)")))
                .isInstanceOf(ExprException.class);
    }

    private Object eval(String text) {
        return eval.eval(ExprParser.parse(text));
    }

    private static Row row(int sheetRow, Object... kv) {
        Map<String, Object> values = new HashMap<>();
        Map<String, CellRef> cells = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
            cells.put((String) kv[i], new CellRef("특허", sheetRow, i / 2));
        }
        cells.put("families", new CellRef("특허", sheetRow, 3));
        return new Row(sheetRow, values, cells);
    }
}
