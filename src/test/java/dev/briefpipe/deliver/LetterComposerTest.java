package dev.briefpipe.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a letter says: the readers', in the brief's language; the analysts', never a copy it could not make. */
class LetterComposerTest {
    private static final BriefConfig BRIEF =
            new ConfigLoader().load(Path.of("config")).findBrief("ai-hegemony").orElseThrow();

    @Test
    void aReportWithoutTheAnnotatedCopySaysTheReportComesAlone() {
        Letter alone = report(null, "");
        assertThat(alone.attachments())
                .extracting(Letter.Attachment::name)
                .containsExactly("검증보고서-ai-hegemony-2025-03.html");
        assertThat(alone.text()).contains("보고서만 보냅니다").doesNotContain("워크북 사본", "콘솔");
        assertThat(alone.html()).contains("보고서만 보냅니다");

        Letter both = report(new byte[] {1}, "https://briefs.example.test/briefs/ai-hegemony?period=2025-03");
        assertThat(both.attachments()).hasSize(2);
        assertThat(both.text())
                .contains("오류 셀을 표시한 워크북 사본")
                .contains("콘솔에서 올릴 수 있습니다: https://briefs.example.test/briefs/ai-hegemony?period=2025-03");
        // The console's address is a link in the HTML, ending where the address ends.
        assertThat(both.html())
                .contains("<a href=\"https://briefs.example.test/briefs/ai-hegemony?period=2025-03\">"
                        + "https://briefs.example.test/briefs/ai-hegemony?period=2025-03</a>");
    }

    @Test
    void aBriefsLetterIsInItsLanguageWithItsMonthWrittenOut() {
        BriefConfig english =
                new ConfigLoader().load(Path.of("config")).findBrief("ai-chips").orElseThrow();
        // No subject, introduction or file name in its config: the English ones.
        Letter en = letter(english);
        assertThat(en.subject()).isEqualTo("[Brief] " + english.title() + " (March 2025)");
        assertThat(en.text()).startsWith("Here is the brief for March 2025.\n");
        assertThat(en.attachments())
                .extracting(Letter.Attachment::name)
                .containsExactly(english.title() + " (2025-03).pdf");
        // Its own, with the month as Korean letters write it.
        Letter ko = letter(BRIEF);
        assertThat(ko.subject()).isEqualTo("[KISTEP 브리프] " + BRIEF.title() + " (2025년 3월)");
        assertThat(ko.text()).startsWith("2025년 3월 「" + BRIEF.title() + "」 브리프를 보내 드립니다.");
        // Each HTML body names its language, so a screen reader reads it in the right voice.
        assertThat(ko.html()).startsWith("<!DOCTYPE html><html lang=\"ko-KR\">");
        assertThat(en.html()).startsWith("<!DOCTYPE html><html lang=\"en-GB\">");
        assertThat(report(null, "").html()).startsWith("<!DOCTYPE html><html lang=\"ko-KR\">");
        // A notice names its brief, not only its period: an owner or approver may have several.
        LetterComposer letters = new LetterComposer(BRIEF, "briefpipe@example.org");
        Letter notice = letters.notice(
                List.of("owner@example.org"), Period.parse("2025-03"), "…", "alert", "0".repeat(64), "host", List.of());
        assertThat(notice.text())
                .startsWith("「" + BRIEF.title() + "」 2025년 3월 브리프에 대해 알려 드립니다. 실행과 발송 기록은 콘솔이나 runs·deliveries 명령으로");
        assertThat(notice.html()).contains("「" + BRIEF.title() + "」 2025년 3월 브리프");
        // Analysts and approvers have the console, not the command line: their notices do not send them there.
        Letter rejected = letters.notice(
                List.of("analyst@example.org"),
                Period.parse("2025-03"),
                "…",
                "rejected",
                "0".repeat(64),
                "host",
                List.of());
        assertThat(rejected.text()).startsWith("「" + BRIEF.title() + "」 2025년 3월 브리프에 대해 알려 드립니다.\n");
    }

    @Test
    void whatAnalystsTypedIsTextInEveryLettersHtmlNeverMarkup() {
        String typed = "<img src=x onerror=alert(1)> R&D";
        String shown = "&lt;img src=x onerror=alert(1)&gt; R&amp;D";
        KeyFigure figure = new KeyFigure("cn", typed, java.math.BigDecimal.ONE, "건", "#,##0", "1", typed, List.of());
        Letter brief = letter(BRIEF, List.of(figure));
        assertThat(brief.html()).contains(shown + "</td>").doesNotContain("<img src=x");
        assertThat(brief.text()).contains("- " + typed + ": 1건 (" + typed + ")");

        LetterComposer letters = new LetterComposer(BRIEF, "briefpipe@example.org");
        Letter notice = letters.notice(
                List.of("owner@example.org"),
                Period.parse("2025-03"),
                typed,
                "alert",
                "0".repeat(64),
                "host",
                List.of());
        assertThat(notice.html()).contains(shown).doesNotContain("<img src=x");

        Letter report = letters.report(
                BRIEF.title(),
                Period.parse("2025-03"),
                1,
                List.of(typed),
                new byte[] {1},
                null,
                "ai-hegemony.xlsx",
                "0".repeat(64),
                "host",
                "");
        assertThat(report.html()).contains("<li>" + shown + "</li>").doesNotContain("<img src=x");
        // Set to a phone's width where a mail app honours it, not shrunk from a desktop page's.
        assertThat(List.of(brief.html(), notice.html(), report.html()))
                .allMatch(html ->
                        html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    }

    private static Letter letter(BriefConfig brief) {
        return letter(brief, List.of());
    }

    private static Letter letter(BriefConfig brief, List<KeyFigure> figures) {
        var contents = new LetterComposer.Contents(
                brief.title(),
                java.util.Map.of("number", "175", "date", "2025-03-27"),
                Period.parse("2025-03"),
                new byte[] {1},
                "0".repeat(64),
                figures,
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                List.of(),
                java.util.Map.of(),
                List.of());
        return new LetterComposer(brief, "briefpipe@example.org")
                .brief(contents, "host", false, brief.readers(), List.of(), false);
    }

    private static Letter report(byte[] annotated, String console) {
        return new LetterComposer(BRIEF, "briefpipe@example.org")
                .report(
                        BRIEF.title(),
                        Period.parse("2025-03"),
                        1,
                        List.of("'특허_발명자국가'!D3: 정수가 아닙니다"),
                        new byte[] {1},
                        annotated,
                        "ai-hegemony.xlsx",
                        "0".repeat(64),
                        "host",
                        console);
    }
}
