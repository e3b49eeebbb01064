package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void aHangulSyllableTakesTwoColumnsSoTheColumnsLineUpOnATerminal() {
        TextTable table = new TextTable("브리프|상태|끝");
        table.add("ai-hegemony", "완료", null);
        table.add("칩", "dry run", "x");
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            table.print(out);
        }
        // "브리프" takes six columns, as wide as "ai-hegemony" less five: each column starts at one place.
        assertThat(text.toString().lines().toList())
                .containsExactly("브리프       상태     끝", "ai-hegemony  완료     -", "칩           dry run  x");
    }

    @Test
    void widthCountsWideCharactersTwice() {
        assertThat(TextTable.width("abc")).isEqualTo(3);
        assertThat(TextTable.width("발송 완료")).isEqualTo(9);
        assertThat(TextTable.width("ＡＢ")).isEqualTo(4);
    }
}
