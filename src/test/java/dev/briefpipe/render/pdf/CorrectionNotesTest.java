package dev.briefpipe.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrectionNotesTest {
    @Test
    void theWordsThatDifferAreWhatIsLeftBetweenTheCommonStartAndEnd() {
        assertThat(CorrectionNotes.differing("중국은 올해 600억 위안(약 8.2억 달러) 규모의", "중국은 올해 600억 위안(약 82억 달러) 규모의"))
                .containsExactly("8.2억", "82억");
        assertThat(CorrectionNotes.differing("인재 유치에 위해 고연봉", "인재 유치를 위해 고연봉")).containsExactly("유치에", "유치를");
        assertThat(CorrectionNotes.differing("2020.7.", "2020.1.")).containsExactly("2020.7.", "2020.1.");
    }

    @Test
    void aWordAddedOrDroppedIsShownWithAWordEitherSide() {
        assertThat(CorrectionNotes.differing("생성형 서비스 관리", "생성형 AI 서비스 관리")).containsExactly("생성형 서비스", "생성형 AI 서비스");
        assertThat(CorrectionNotes.differing("약 3배 증가", "3배 증가")).containsExactly("약 3배", "3배");
    }
}
