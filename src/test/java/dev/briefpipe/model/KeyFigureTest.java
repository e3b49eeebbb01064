package dev.briefpipe.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KeyFigureTest {
    private static final Locale KO = Locale.forLanguageTag("ko-KR");

    private static KeyFigure figure(String value, String unit, String format) {
        return new KeyFigure("f", "label", new BigDecimal(value), unit, format, "x", null, List.of());
    }

    @Test
    void aKoreanUnitAPercentOrATimesSignIsWrittenOnToTheNumberAnyOtherAfterASpace() {
        assertThat(figure("38210", "건", "#,##0").withUnit(KO)).isEqualTo("38,210건");
        assertThat(figure("920.1", "억 달러", "#,##0.#").withUnit(KO)).isEqualTo("920.1억 달러");
        assertThat(figure("15", "%", "0").withUnit(KO)).isEqualTo("15%");
        assertThat(figure("1.2", "×", "0.0").withUnit(Locale.UK)).isEqualTo("1.2×");
        assertThat(figure("800", "TFLOPS", "#,##0").withUnit(Locale.UK)).isEqualTo("800 TFLOPS");
        assertThat(figure("800", " ", "#,##0").withUnit(Locale.UK)).isEqualTo("800");
        // The PDF's key-figure boxes set the unit smaller, spaced the same way.
        assertThat(figure("38210", "건", "#,##0").unitAfter()).isEqualTo("건");
        assertThat(figure("800", "TFLOPS", "#,##0").unitAfter()).isEqualTo(" TFLOPS");
    }

    @Test
    void aShareMovesInPercentagePointsAnyOtherFigureByAPercentOfItsLastValue() {
        KeyFigure share = figure("0.926", null, "0.0%");
        assertThat(share.inPercent()).isTrue();
        assertThat(share.moveFrom(new BigDecimal("0.708"), KO, s -> s + "%p")).isEqualTo("+21.8%p");
        assertThat(share.moveFrom(new BigDecimal("0.95"), KO, s -> s + "%p")).isEqualTo("-2.4%p");
        assertThat(share.moveFrom(null, KO, s -> s + "%p")).isNull();
        KeyFigure count = figure("50000", "건", "#,##0");
        assertThat(count.inPercent()).isFalse();
        assertThat(count.moveFrom(new BigDecimal("38210"), KO, s -> s + "%p")).isEqualTo("+30.9%");
        assertThat(count.moveFrom(BigDecimal.ZERO, KO, s -> s + "%p")).isNull();
        // A % inside quoted text is a word, not the percent format.
        assertThat(figure("3", null, "0\"%\"").inPercent()).isFalse();
    }
}
