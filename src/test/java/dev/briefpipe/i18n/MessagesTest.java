package dev.briefpipe.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Set<String> keys(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("messages_" + lang + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }

    @Test
    void aSectionOfTheDocsAMessageSendsAReaderToIsThere() throws IOException {
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile(
                "''([^']+)''[^']*?(docs/[\\w-]+\\.md)" + "|(docs/[\\w-]+\\.md)\\S*\\s''([^']+)''");
        int seen = 0;
        for (String lang : List.of("ko", "en")) {
            Properties p = new Properties();
            try (InputStream in = MessagesTest.class.getResourceAsStream("messages_" + lang + ".properties")) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                java.util.regex.Matcher m = ref.matcher(p.getProperty(key));
                while (m.find()) {
                    String section = m.group(1) != null ? m.group(1) : m.group(4);
                    java.nio.file.Path doc = java.nio.file.Path.of(m.group(2) != null ? m.group(2) : m.group(3));
                    assertThat(java.nio.file.Files.readAllLines(doc))
                            .as(lang + " " + key)
                            .anyMatch(line -> line.matches("#+ " + java.util.regex.Pattern.quote(section)));
                    seen++;
                }
            }
        }
        assertThat(seen).as("messages that name a section of the docs").isGreaterThanOrEqualTo(4);
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(keys("ko")).containsExactlyInAnyOrderElementsOf(keys("en"));
    }

    @Test
    void everyMessageIsAPatternThatFormatsAndQuotesOnlyBraces() throws IOException {
        for (String lang : List.of("ko", "en")) {
            Properties p = new Properties();
            try (InputStream in = MessagesTest.class.getResourceAsStream("messages_" + lang + ".properties")) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                // A literal brace must be quoted ('{page}'), or the message cannot be told at all.
                assertThatCode(() -> new java.text.MessageFormat(pattern).format(new Object[10]))
                        .as(lang + " " + key)
                        .doesNotThrowAnyException();
                // A lone apostrophe starts a quote and vanishes: a literal one is written twice.
                assertThat(pattern.replace("''", "").replaceAll("'\\{[^']*}'", ""))
                        .as(lang + " " + key)
                        .doesNotContain("'");
            }
        }
    }

    @Test
    void everyExpressionReasonThrownHasItsWords() throws IOException {
        java.util.regex.Pattern thrown = java.util.regex.Pattern.compile(
                "new (?:ExprException\\([^,]+|MissingInputException\\([^,]+), \"([a-z-]+)\"");
        Set<String> used = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (java.nio.file.Path f :
                    files.filter(p -> p.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = thrown.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    used.add("expr." + m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(keys("ko")).containsAll(used);
        assertThat(keys("en")).containsAll(used);
    }

    @Test
    void aBriefIsToldInKoreanOnlyWhenItsLocaleIsKorean() {
        assertThat(Messages.forLocale("ko-KR").lang()).isEqualTo(Messages.Lang.KO);
        assertThat(Messages.forLocale("ko").lang()).isEqualTo(Messages.Lang.KO);
        assertThat(Messages.forLocale("en-GB").lang()).isEqualTo(Messages.Lang.EN);
        assertThat(Messages.forLocale("ja-JP").lang()).isEqualTo(Messages.Lang.EN);
    }

    @Test
    void aPhraseAmongTheArgumentsIsToldInTheSameLanguage() {
        Phrase reason = Phrase.of("expr.no-row", "JP", "patents");
        Phrase outer = Phrase.of("expr.with-reason", "총계 검사", reason);
        assertThat(Messages.of(Messages.Lang.KO).get(outer)).isEqualTo("총계 검사 (patents에 키 'JP'인 행이 없습니다)");
        assertThat(Messages.of(Messages.Lang.EN).get(outer)).isEqualTo("총계 검사 (no row with key 'JP' in patents)");
        assertThat(outer).hasToString("총계 검사 (no row with key 'JP' in patents)");
        assertThat(Phrase.of("expr.unknown-name", (Object) null)).hasToString("unknown name ''");
    }

    @Test
    void oneOfACountIsSingularInEnglish() {
        Messages en = Messages.of(Messages.Lang.EN);
        assertThat(en.get("report.invalid", "b.xlsx", 1, 1)).isEqualTo("b.xlsx: 1 error, 1 warning.");
        assertThat(en.get("report.invalid", "b.xlsx", 2, 0)).isEqualTo("b.xlsx: 2 errors, 0 warnings.");
        assertThat(en.get("report.valid", "b.xlsx", 1, 1)).isEqualTo("b.xlsx: valid (1 data row, 1 warning).");
        assertThat(en.get("console.preview.facts", 1)).isEqualTo("PDF, 1 page · sha256");
        assertThat(en.get("console.sentences.title", 1)).startsWith("The narrative as it will print: 1 sentence,");
    }
}
