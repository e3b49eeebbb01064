package dev.briefpipe.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where OpenPDF may wrap table cells and captions. */
class LineBreaksTest {
    private static boolean breaksAfter(String text, int i) {
        char[] cc = text.toCharArray();
        return LineBreaks.WORDS.isSplitCharacter(0, i, cc.length, cc, null);
    }

    @Test
    void breaksAtSpacesAndAfterSlashesButNotInsideWords() {
        assertThat(breaksAfter("행동계획 지침", 4)).isTrue();
        assertThat(breaksAfter("행동계획 지침", 2)).isFalse();
        assertThat(breaksAfter("https://example.org/a", 19)).isTrue();
    }

    @Test
    void noLineStartsWithClosingPunctuationOrEndsWithAnOpeningBracket() {
        // The space before ')' or ',' is no break: the next line would start with it.
        assertThat(breaksAfter("(2018~2020 ) 지침", 10)).isFalse();
        assertThat(breaksAfter("H20 , H100", 3)).isFalse();
        assertThat(breaksAfter("a/」b", 1)).isFalse();
        // A space after an opening bracket or quote is no break: the line would end with it.
        assertThat(breaksAfter("지침 ( 2024년판)", 4)).isFalse();
        assertThat(breaksAfter("‘ 생성형 AI’", 1)).isFalse();
        assertThat(breaksAfter("지침 (2024년판)", 2)).isTrue();
    }
}
