package dev.briefpipe.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Line breaking with every character 10 pt wide and a space 3 pt. */
class LineSetterTest {
    private static List<String> lines(String text, float width) {
        float[] w = new float[text.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = text.charAt(i) == ' ' ? 3 : 10;
        }
        LineSetter s = new LineSetter(text, w, 3);
        return s.lines(width, width).stream()
                .map(l -> text.substring(l.from(), l.to()) + (l.justified() ? "|" : ""))
                .toList();
    }

    /** As {@link #lines}, with the text's hyphenation points and a 4 pt hyphen; "-" marks a hyphen. */
    private static List<String> hyphenated(String text, float width) {
        float[] w = new float[text.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = text.charAt(i) == ' ' ? 3 : 10;
        }
        LineSetter s = new LineSetter(text, w, 3, LatinHyphens.points(text), 4);
        return s.lines(width, width).stream()
                .map(l -> text.substring(l.from(), l.to()) + (l.hyphen() ? "-" : ""))
                .toList();
    }

    @Test
    void aLatinWordIsHyphenatedWhereTheSpaceWouldLeaveTheLineLoose() {
        // "the" fills 30 of 100 pt: its one space would stretch 24×. "the accel-" fills 97.
        assertThat(hyphenated("the accelerators arrived", 100)).first().isEqualTo("the accel-");
        // A line that fits at a space within the bound keeps whole words.
        assertThat(hyphenated("the accelerators arrived", 163)).first().isEqualTo("the accelerators");
    }

    @Test
    void capitalsAddressesAndShortWordsAreNeverHyphenated() {
        boolean[] p = LatinHyphens.points("NVIDIA https://example.org/accelerators chips manufacturing");
        String text = "NVIDIA https://example.org/accelerators chips manufacturing";
        int m = text.indexOf("manufacturing");
        for (int i = 0; i < m; i++) {
            assertThat(p[i]).as("no hyphen before char %d", i).isFalse();
        }
        // man-u-fac-tur-ing, never two letters after a hyphen.
        assertThat(p[m + 3]).isTrue();
        assertThat(p[m + 10]).isTrue();
        assertThat(p[m + 11]).isFalse();
    }

    @Test
    void breaksAtASpaceWhenTheSpacesStretchLittle() {
        // The first two words fill 63 of 64 pt.
        assertThat(lines("가나다 라마바 사아자차카", 64)).containsExactly("가나다 라마바|", "사아자차카");
    }

    @Test
    void breaksBetweenSyllablesRatherThanStretchingSpacesPastTwiceTheirWidth() {
        // At the space the line would hold 30 of 75 pt. Between syllables it holds 73, two carried over.
        assertThat(lines("가나다 라마바사아자차카타파", 75).get(0)).isEqualTo("가나다 라마바사|");
    }

    @Test
    void neverEndsOnALoneShortWord() {
        // "차카" would fit on the first line's end only as a lone last line: a word goes down with it.
        assertThat(lines("가나다라 마바사아자 차카", 100)).last().asString().contains(" ");
        assertThat(lines("가나다 라마바 사아자차", 64)).last().isEqualTo("바 사아자차");
    }

    @Test
    void noLineStartsWithClosingPunctuationOrEndsWithAnOpeningBracket() {
        String text = "가나다라마바 (平头哥) 사아자차카타파하, 가나다라마바사아 「가나다」 라마바사";
        for (float width = 60; width < 200; width += 7) {
            for (String line : lines(text, width)) {
                String l = line.replace("|", "");
                assertThat(l)
                        .as("width %s", width)
                        .doesNotStartWith(",")
                        .doesNotStartWith(")")
                        .doesNotStartWith("」");
                assertThat(l).doesNotEndWith("(").doesNotEndWith("「");
                // A name in brackets never breaks inside.
                assertThat(l.contains("平") == l.contains("哥")).as(l).isTrue();
                assertThat(l.contains("「가") == l.contains("다」")).as(l).isTrue();
            }
        }
    }

    @Test
    void aLineThatCannotBeStretchedWithinTheBoundIsSetRagged() {
        String url = "https://example.org/a-very-long-path-without-spaces";
        List<String> l = lines("가 " + url, 300);
        assertThat(l.get(0)).doesNotEndWith("|");
        assertThat(String.join("", l).replace("|", "").replace(" ", "")).isEqualTo(("가" + url));
        assertThat(Arrays.asList(l.get(0).split(" "))).hasSizeGreaterThan(0);
    }
}
