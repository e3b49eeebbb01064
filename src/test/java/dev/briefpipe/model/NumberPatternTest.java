package dev.briefpipe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers print as Excel shows them in the same format: the summary sheet and the PDF agree. */
class NumberPatternTest {
    @ParameterizedTest(name = "{1} in {0} is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // A half rounds away from zero, as in Excel; Java's own rounding goes to the even neighbour.
                "#,##0|7900.5|7,901",
                "0|-2.5|-3",
                "0.0%|0.74685|74.7%",
                // Text in quotes or after a backslash is printed as written, without the quotes.
                "#,##0\"건\"|38210|38,210건",
                "0.0\\%|5|5.0%",
                "it's 0|5|it's 5",
                // Colours, conditions and padding are not printed; a negative section is used as Excel does.
                "[Blue]#,##0_);[Red](#,##0)|-1200|(1,200)",
                "[Blue]#,##0_);[Red](#,##0);\"-\"|1200|1,200",
                // A zero prints in its own section when there is one: a dash, or fewer decimals.
                "[Blue]#,##0_);[Red](#,##0);\"-\"|0|-",
                "#,##0;(#,##0);\"-\"|-5|(5)",
                "0.00;-0.00;0.0|0|0.0",
                "0.0%;-0.0%;\"–\"|0|–",
                "General|5900.5|5900.5",
                "??0.0|3.25|3.3",
                "0.00E+00|1234567|1.23E06",
                "#,##0\"건/월\"|1200|1,200건/월",
                "#,##0 /월|1200|1,200 /월",
            })
    void printsAsExcelShows(String format, BigDecimal value, String shown) {
        assertThat(NumberPattern.of(format, Locale.ROOT).format(value)).isEqualTo(shown);
    }

    @Test
    void aFormatNoNumberCanBeWrittenInIsRefused() {
        // Two decimal points; a scaling comma and a fraction, which Excel shows and Java cannot write;
        // a date's or a text's format, with no digit (a percent in "yyyy" printed "yyyy0").
        for (String format : java.util.List.of("#,##0.0.0", "#,##0,", "# ?/?", "yyyy", "yyyy-mm", "@", "\"건\";0")) {
            assertThatThrownBy(() -> NumberPattern.of(format, Locale.ROOT))
                    .as(format)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
