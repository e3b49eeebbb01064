package dev.briefpipe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.deliver.DeliveryCheck;
import dev.briefpipe.failure.ConfigException;
import dev.briefpipe.failure.ConfigProblem;
import dev.briefpipe.schedule.ScheduleCheck;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void shippedConfigLoads() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        Settings s = new ConfigLoader().load(p.config());
        BriefConfig b = s.findBrief("ai-hegemony").orElseThrow();
        assertThat(b.sheets())
                .containsKeys(
                        "meta",
                        "narrative",
                        "patents",
                        "applicants",
                        "llm_timeline",
                        "accelerators",
                        "policies",
                        "investments",
                        "indicators",
                        "references",
                        "publications");
        assertThat(b.sheets().get("patents").columns().get("families").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(b.layout()).hasAtLeastOneElementOfType(LayoutBlock.Chart.class);
        assertThat(s.workbookOf(b)).isEqualTo(p.workbook().toAbsolutePath().normalize());
        assertThat(b.schedule().zone()).isEqualTo("Asia/Seoul");
    }

    @Test
    void wordsABriefLeavesUnsetAreInItsLanguage() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // The Korean brief, without a caption pattern of its own: the Korean ones.
        p.editConfig("  figureCaption: \"[그림 {n}] {caption}\"\n", "");
        Settings s = new ConfigLoader().load(p.config());
        BriefConfig ko = s.findBrief("ai-hegemony").orElseThrow();
        assertThat(ko.style().figureCaption()).isEqualTo("[그림 {n}] {caption}");
        assertThat(ko.style().unitLabel()).isEqualTo("(단위: {unit})");
        assertThat(ko.style().booleanTrue()).isEqualTo("예");
        BriefConfig en = s.findBrief("ai-chips").orElseThrow();
        assertThat(en.style().figureCaption()).isEqualTo("Figure {n}. {caption}");
        assertThat(en.style().tableCaption()).isEqualTo("Table {n}. {caption}");
        assertThat(en.style().unitLabel()).isEqualTo("(unit: {unit})");
        assertThat(en.style().booleanFalse()).isEqualTo("No");
        assertThat(en.editorial().unverified().note()).isEqualTo("※ Sources still being checked: {items}");
        assertThat(en.summary().sheet()).isEqualTo("Summary");
        assertThat(ko.summary().sheet()).isEqualTo("요약");
        assertThat(en.style().band()).isEqualTo("Technology note No. {number}  |  {date:d MMMM yyyy}"); // its own
    }

    @Test
    void aMailboxListedTwiceIsOneReaderWhateverTheCaseOfItsAddress() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig(
                "  to: [policy-board@example.org]\n  cc: []\n  bcc: []",
                "  to: [policy-board@example.org, Policy-Board@Example.ORG]\n  cc: [policy-board@example.org, cio@example.org]\n  bcc: [CIO@example.org]");
        BriefConfig b =
                new ConfigLoader().load(p.config()).findBrief("ai-hegemony").orElseThrow();
        assertThat(b.readers()).containsExactly("policy-board@example.org", "cio@example.org");
    }

    @Test
    void unknownKeyNamesFileLineAndKnownKeys() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig(
                "type: integer, unit: 건, min: 0, required: true, help: \"공개 특허군",
                "type: integer, unti: 건, min: 0, required: true, help: \"공개 특허군");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("unknown-key");
        assertThat(problem.args().get(0)).isEqualTo("unti");
        assertThat(problem.file()).isEqualTo(p.briefConfig().toAbsolutePath().normalize());
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "unti:"));
    }

    @Test
    void aConfigSavedInEucKrIsNamedAsSuchAtItsFirstKoreanLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        String text = Files.readString(p.briefConfig());
        Files.write(p.briefConfig(), text.getBytes(java.nio.charset.Charset.forName("EUC-KR")));
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("not-utf8");
        int firstKorean = 1
                + (int) text.lines()
                        .takeWhile(l -> l.codePoints().noneMatch(c -> c >= 0xAC00 && c <= 0xD7A3))
                        .count();
        assertThat(problem.line()).isEqualTo(firstKorean);
    }

    @Test
    void referenceToUnknownFieldIsReportedAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("expr: \"patents[US].families\"", "expr: \"patents[US].familes\"");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("unknown-field");
        assertThat(problem.args()).startsWith("familes", "patents");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "patents[US].familes"));
    }

    @Test
    void badTypeNameIsReported() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig(
                "rank:         {header: [순위, rank], type: integer", "rank:         {header: [순위, rank], type: integr");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("not-one-of");
        assertThat(problem.args()).startsWith("integr", "sheets.patents.columns.rank.type");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "type: integr"));
        // Told in the reader's language, with the words the setting takes.
        assertThat(dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO)
                        .get("config.not-one-of.fix", problem.args().toArray()))
                .contains("integer, decimal");
    }

    @Test
    void aMisspeltMailSecurityIsRefusedAtItsLineNotSentInClear() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        Path app = p.config().resolve("briefpipe.yaml");
        String text = Files.readString(app);
        Files.writeString(app, text.replaceFirst("(?m)^  security: .*$", "  security: tls"));
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("not-one-of");
        assertThat(problem.args()).containsExactly("tls", "mail.security", "starttls, smtps, none");
        assertThat(problem.line()).isEqualTo(lineOf(app, "security: tls"));

        Files.writeString(app, text.replaceFirst("(?m)^lang: .*$", "lang: english"));
        problem = single(p);
        assertThat(problem.args()).containsExactly("english", "lang", "ko, en, auto");
        assertThat(problem.line()).isEqualTo(lineOf(app, "lang: english"));

        // No timeout at all would let a silent server hold a send for ever.
        Files.writeString(app, text.replaceFirst("(?m)^  timeoutMillis: \\d+", "  timeoutMillis: 0"));
        problem = single(p);
        assertThat(problem.key()).isEqualTo("too-small");
        assertThat(problem.args()).containsExactly("0", "mail.timeoutMillis", "1");
        assertThat(problem.line()).isEqualTo(lineOf(app, "timeoutMillis: 0"));

        // A port no socket has: told at its line, with the range, not as a connection that fails at send.
        Files.writeString(app, text.replaceFirst("(?m)^  port: \\d+", "  port: 587000"));
        problem = single(p);
        assertThat(problem.key()).isEqualTo("out-of-range");
        assertThat(problem.args()).containsExactly("587000", "mail.port", "1–65535");
        assertThat(problem.line()).isEqualTo(lineOf(app, "port: 587000"));

        // A cluster on the embedded database: no second node could ever join it.
        Files.writeString(app, text.replaceFirst("(?m)^  clustered: false", "  clustered: true"));
        problem = single(p);
        assertThat(problem.key()).isEqualTo("clustered-embedded");
        assertThat(problem.line()).isEqualTo(lineOf(app, "  clustered: true"));

        // Secrets come only from the environment, a JDBC URL's password included.
        Files.writeString(
                app,
                text.replaceFirst("(?m)^  url: \"\"", "  url: \"jdbc:postgresql://db/bp?user=bp&password=s3cret\""));
        problem = single(p);
        assertThat(problem.key()).isEqualTo("password-in-url");
        assertThat(problem.args()).doesNotContain("s3cret");
        assertThat(problem.line()).isEqualTo(lineOf(app, "password=s3cret"));

        for (String url : List.of("briefs.example.org", "https://briefs.example.org/?lang=en")) {
            // A query would end up in the middle of the letters' links (…/?lang=en/briefs/…).
            Files.writeString(app, text.replaceFirst("(?m)^consoleUrl: \"\"", "consoleUrl: \"" + url + "\""));
            assertThat(single(p).key()).as(url).isEqualTo("bad-console-url");
        }
    }

    @Test
    void aWordNoneOfAnEnumTakesIsToldWithTheWordsItTakes() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("policy: footnote,", "policy: foot,");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("not-one-of");
        assertThat(problem.args()).containsExactly("foot", "editorial.unverified.policy", "warn, block, footnote");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "policy: foot,"));

        p.editConfig("policy: foot,", "policy: footnote,");
        p.editConfig("  body: ", "  body: big #");
        problem = single(p);
        assertThat(problem.key()).isEqualTo("bad-number");
        assertThat(problem.args()).containsExactly("big", "style.body");
    }

    @Test
    void yamlSyntaxErrorHasALine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("title: \"글로벌 AI 패권 경쟁 : 중국 동향과 시사점\"", "title: \"글로벌 AI 패권 경쟁");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("yaml-syntax");
        assertThat(problem.line()).isGreaterThan(0);
    }

    @Test
    void aLineIndentedWronglyInsideABlockIsASyntaxErrorAtThatLine() throws IOException {
        // One space short inside the sheets: told as "'sheets'의 값을 읽을 수 없습니다", with nothing of why.
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("    rows: {min: 1, max: 1}\n    columns:\n", "    rows: {min: 1, max: 1}\n   columns:\n");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("yaml-syntax");
        assertThat(problem.line()).isEqualTo(Files.readAllLines(p.briefConfig()).indexOf("   columns:") + 1);
    }

    @Test
    void aTopLevelKeyMistypedIsReportedAtItsOwnLineNotWhereTheFileEnds() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("title: \"글로벌 AI 패권 경쟁", "titel: \"글로벌 AI 패권 경쟁");
        ConfigProblem problem = single(p);
        // Said as a key of the top level, not "under (top)".
        assertThat(problem.key()).isEqualTo("unknown-top-key");
        assertThat(dev.briefpipe.i18n.Messages.forLocale("ko")
                        .get("config." + problem.key(), problem.args().toArray()))
                .isEqualTo("알 수 없는 최상위 키 'titel'");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "titel:"));
    }

    @Test
    void aMapWhereAListBelongsSaysWhichShapeTheKeyTakes() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("to: [policy-board@example.org]", "to: {board: policy-board@example.org}");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("bad-shape-list");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "to: {board:"));
        String said = dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO)
                .get("config." + problem.key(), problem.args().toArray());
        assertThat(said).isEqualTo("'delivery.to'은(는) 목록([a, b] 또는 줄마다 \"- 값\")으로 적어야 합니다.");
    }

    @Test
    void anEmptyEntryOfAListOrMapIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("  to: [policy-board@example.org]", "  to:\n    - policy-board@example.org\n    - ~");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("empty-entry");
        assertThat(problem.args()).containsExactly("delivery.to[1]");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "    - ~"));
        // A layout block left empty, and a sheet with no body: the same, not a NullPointerException.
        SampleProject q = SampleProject.copyInto(dir.resolve("q"));
        q.editConfig(
                "  - {block: title, sheet: meta, authors: authors}",
                "  -\n  - {block: title, sheet: meta, authors: authors}");
        assertThat(single(q).key()).isEqualTo("empty-entry");
        SampleProject r = SampleProject.copyInto(dir.resolve("r"));
        r.editConfig("  figures:\n    sheet: 그림표", "  figures: ~\n  figures2:\n    sheet: 그림표");
        assertThat(single(r).args()).containsExactly("sheets.figures");
        // A figure's id left empty is a missing id (its readers then name it too), not "id 'null'".
        SampleProject u = SampleProject.copyInto(dir.resolve("u"));
        u.editConfig("    - {id: cn_families,", "    - {id: ~,");
        assertThat(problems(u))
                .extracting(ConfigProblem::key)
                .contains("missing-key")
                .doesNotContain("bad-field-id");
    }

    @Test
    void whatWouldStopABuildHalfWayIsAProblemAtItsLineBeforeIt() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("body: 10.5", "body: 0"); // text of size 0
        p.editConfig("pdf: \"{id}-{period}.pdf\"", "pdf: \"../../{id}.pdf\""); // a PDF outside the build
        p.editConfig("{date:yyyy.M.d.}", "{date:yyyy.M.d. HH}"); // an hour of a date
        p.editConfig("formats: {month: \"yyyy.MM\"}", "formats: {month: \"yyyy.bbb\"}"); // no such letter
        p.editConfig("footer: \"{page} / {pages}\"", "footer: \"{page} / {pagez}\""); // printed as written
        p.editConfig("body: 0", "body: 0\n  monthFormat: \"yyyy.M. HH:mm\""); // a table's month at a time of day
        // The letter's file name, misspelt: mailed to every reader as written.
        p.editConfig("KISTEP 브리프 {number} {title}.pdf", "KISTEP 브리프 {numbr} {title}.pdf");
        List<ConfigProblem> problems = problems(p);
        assertThat(problems)
                .extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder(
                        "out-of-range",
                        "bad-pdf-name",
                        "bad-date-pattern",
                        "bad-date-pattern",
                        "bad-format",
                        "unknown-slot",
                        "unknown-slot");
        assertThat(problems)
                .filteredOn(x -> x.args().contains("delivery.attachment"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.key()).isEqualTo("unknown-slot");
                    assertThat(x.args().get(0)).isEqualTo("{numbr}");
                    assertThat(x.args().get(2).toString()).contains("number", "title", "period");
                    assertThat(x.line()).isEqualTo(lineOf(p.briefConfig(), "{numbr}"));
                });
        assertThat(problems)
                .filteredOn(x -> x.args().contains("style.monthFormat"))
                .singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(lineOf(p.briefConfig(), "monthFormat:")));
        assertThat(problems)
                .filteredOn(x -> x.key().equals("out-of-range"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.args()).containsExactly(0f, "style.body", "4–72");
                    assertThat(x.line()).isEqualTo(lineOf(p.briefConfig(), "body: 0"));
                });
        assertThat(problems)
                .filteredOn(x -> x.key().equals("bad-format"))
                .singleElement()
                .satisfies(x -> assertThat(x.line()).isEqualTo(lineOf(p.briefConfig(), "yyyy.bbb")));
    }

    @Test
    void aKeyWrittenTwiceIsAProblemAtTheSecondNotTheFirstValueDropped() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // An operator adds a line rather than editing the one already there.
        p.editConfig("  retryMinutes: 60", "  workingDaysOnly: false\n  retryMinutes: 60");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("duplicate-key");
        assertThat(problem.args()).containsExactly("schedule.workingDaysOnly");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "workingDaysOnly: false"));
    }

    @Test
    void aTabIsNamedAtItsLineAndColumn() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("locale: ko-KR", "locale: ko-KR\n\tstray: tab");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("yaml-tab");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "stray: tab"));
        assertThat(problem.args()).containsExactly(1);
        String said = dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO)
                .get("config." + problem.key(), problem.args().toArray());
        assertThat(said).isEqualTo("탭 문자가 있습니다(1열).");
    }

    @Test
    void everySemanticProblemIsReportedTogether() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("highlight: country_code=CN", "highlight: country=CN");
        p.editConfig("zone: Asia/Seoul", "zone: Asia/Sejong");
        p.editConfig("to: [policy-board@example.org]", "to: [policy-board]");
        p.editConfig("kind: hbar", "kind: pie");
        List<ConfigProblem> problems = problems(p);
        assertThat(problems).extracting(ConfigProblem::key).contains("bad-zone", "bad-email", "bad-chart-kind");
        assertThat(problems).allSatisfy(x -> assertThat(x.line()).isGreaterThan(0));
    }

    @Test
    void badCronAndAddressesWithHeaderInjectionAreRejected() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("cron: \"0 0 9 1W * ?\"", "cron: \"0 0 9 32 * ?\"");
        p.editConfig(
                "analysts: [ai-brief-analysts@example.org]", "analysts: [\"a@example.org\\r\\nBcc: x@evil.test\"]");
        assertThat(problems(p)).extracting(ConfigProblem::key).containsExactlyInAnyOrder("bad-cron", "bad-email");
        p.editConfig(
                "owners: [ai-brief-owners@example.org]", "owners: [\"Owner\\r\\nBcc: x@evil.test <o@example.org>\"]");
        assertThat(problems(p))
                .extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("bad-cron", "bad-email", "bad-email");
    }

    @Test
    void aRecipientMayBeWrittenWithItsNameBeforeTheAddress() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig(
                "to: [policy-board@example.org]",
                "to: [\"정책위원회 <policy-board@example.org>\", \"Kim Minji <kim@example.org>\"]");
        new ConfigLoader(List.of(new ScheduleCheck(), new DeliveryCheck())).load(p.config()); // no problem
        p.editConfig("\"Kim Minji <kim@example.org>\"", "\"Kim Minji <kim>\"");
        assertThat(problems(p)).extracting(ConfigProblem::key).containsExactly("bad-email");
    }

    @Test
    void aRetryNoMinuteLaterOrADeadlineBeforeTheFireIsRefusedAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        Path brief = p.briefConfig();
        // Every 0 minutes would rebuild the brief without pause, for days.
        p.editConfig("retryMinutes: 60", "retryMinutes: 0");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("too-small");
        assertThat(problem.args()).containsExactly("0", "schedule.retryMinutes", "1");
        assertThat(problem.line()).isEqualTo(lineOf(brief, "retryMinutes: 0"));
        p.editConfig("retryMinutes: 0", "retryMinutes: 60");
        p.editConfig("deadlineDays: 5", "deadlineDays: -1");
        problem = single(p);
        assertThat(problem.args()).containsExactly("-1", "schedule.deadlineDays", "0");
        assertThat(problem.line()).isEqualTo(lineOf(brief, "deadlineDays: -1"));
    }

    @Test
    void aSizeNoSheetTableOrChartCanHaveIsAProblemAtItsLineNotAFailedBuild() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        Path brief = p.briefConfig();
        p.editConfig("    rows: {min: 1, max: 9}", "    rows: {min: 1, max: 0}");
        p.editConfig("maxLength: 60, help: 장 제목", "maxLength: 0, help: 장 제목");
        p.editConfig("    height: 300", "    height: -300"); // drew no chart: the build failed unforeseen
        p.editConfig("    widths: [2, 1.2, 6]", "    widths: [2, 0, 6]");
        assertThat(problems(p))
                .extracting(ConfigProblem::key, ConfigProblem::line)
                .containsExactlyInAnyOrder(
                        tuple("min-max", lineOf(brief, "rows: {min: 1, max: 0}")),
                        tuple("out-of-range", lineOf(brief, "rows: {min: 1, max: 0}")),
                        tuple("out-of-range", lineOf(brief, "maxLength: 0")),
                        tuple("out-of-range", lineOf(brief, "height: -300")),
                        tuple("out-of-range", lineOf(brief, "widths: [2, 0, 6]")));
    }

    @Test
    void aMaxChangeTypedAsAPercentIsAProblemThatSaysTheFraction() throws IOException {
        // 30 for 30 %: no figure moved 30 times its value, so none was ever told.
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("  maxChange: 0.3 ", "  maxChange: 30 ");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("max-change-fraction");
        assertThat(problem.args()).containsExactly("30", "0.3");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "maxChange: 30"));
        p.editConfig("  maxChange: 30 ", "  maxChange: -0.3 ");
        assertThat(single(p).key()).isEqualTo("out-of-range");
    }

    @Test
    void aLetterFigureThatIsNoSummaryFigureIsAProblemThatListsThem() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("  figures: [cn_families, us_families,", "  figures: [cn_familes, us_families,");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("unknown-figure");
        assertThat(problem.args()).first().isEqualTo("cn_familes");
        assertThat(problem.args().get(1).toString()).startsWith("cn_families, us_families, cn_us_ratio");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "figures: [cn_familes"));
    }

    @Test
    void widthsThatAreNotOneAColumnOrAParagraphRangeRunningBackwardIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        Path brief = p.briefConfig();
        // Two widths for three columns were ignored (the columns set equal); paragraphs 3-1 printed none,
        // and every bullet of the section was blamed on the analysts as unprinted.
        p.editConfig("    widths: [2, 1.2, 6]", "    widths: [2, 6]");
        p.editConfig(
                "  - {block: narrative, sheet: narrative, section: 4}",
                "  - {block: narrative, sheet: narrative, section: 4, paragraphs: \"3-1\"}");
        assertThat(problems(p))
                .extracting(ConfigProblem::key, ConfigProblem::args, ConfigProblem::line)
                .containsExactlyInAnyOrder(
                        tuple("widths-count", List.of(2, 3), lineOf(brief, "widths: [2, 6]")),
                        tuple("bad-paragraphs", List.of("3-1"), lineOf(brief, "paragraphs: \"3-1\"")));
    }

    @Test
    void aNumberFormatNoNumberCanBePrintedInIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // An Excel format with text in quotes prints; one with two decimal points does not.
        p.editConfig(
                "help: \"공개 특허군(발명) 수, 2014~2023 누계\", width: 12, format: \"#,##0\"}",
                "help: \"공개 특허군(발명) 수, 2014~2023 누계\", width: 12, format: \"#,##0.0.0\"}");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("bad-format");
        assertThat(problem.args()).containsExactly("#,##0.0.0", "families", "integer");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "#,##0.0.0"));
        p.editConfig("format: \"#,##0.0.0\"}", "format: \"[Blue]#,##0\\\"건\\\";[Red](#,##0)\"}");
        assertThat(new ConfigLoader().load(p.config()).findBrief("ai-hegemony")).isPresent();
        // A derived field's own format, and a table's for it: they failed the build unforeseen.
        p.editConfig("unit: 억 달러, format: \"#,##0.##\"}", "unit: 억 달러, format: \"0.0.0\"}");
        assertThat(single(p).args()).containsExactly("0.0.0", "amount_usd_calc", "derived");
        p.editConfig("format: \"0.0.0\"}", "format: \"#,##0.##\"}");
        p.editConfig(
                "  - {block: corrections}",
                "  - {block: table, sheet: investments, columns: [amount_usd_calc], formats: {amount_usd_calc: \"0.0.0\"}}\n"
                        + "  - {block: corrections}");
        assertThat(single(p).args()).containsExactly("0.0.0", "amount_usd_calc", "decimal");
        p.editConfig("formats: {amount_usd_calc: \"0.0.0\"}", "formats: {amount_usd_calc: \"0.0\"}");
        // A date's format for a summary figure stopped the build ("예기치 못한 오류"); for a summary
        // table or a percent column, it printed "yyyy" before each number.
        p.editConfig("unit: 배, format: \"0.00\"}", "unit: 배, format: \"yyyy\"}");
        p.editConfig(
                "sum: families, sort: desc, top: 5, format: \"#,##0\"}",
                "sum: families, sort: desc, top: 5, format: \"yyyy-mm\"}");
        assertThat(problems(p))
                .extracting(ConfigProblem::key, ConfigProblem::args)
                .containsExactlyInAnyOrder(
                        tuple("bad-format", List.of("yyyy", "cn_us_ratio", "decimal")),
                        tuple("bad-format", List.of("yyyy-mm", "국가별 생성형 AI 특허군 수 (상위 5개국)", "decimal")));
    }

    @Test
    void aChartOfAFieldThatHoldsNothingItCanDrawIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // Bars of country names and a timeline of model names: each drew an empty chart.
        p.editConfig("    category: country\n    value: families", "    category: country\n    value: country_code");
        p.editConfig("    category: model\n    value: month", "    category: model\n    value: developer");
        assertThat(problems(p))
                .extracting(ConfigProblem::key, ConfigProblem::args)
                .containsExactlyInAnyOrder(
                        tuple("chart-not-numbers", List.of("country_code", "text", "value")),
                        tuple("chart-not-months", List.of("developer", "text", "value")));
        // One of a chart's values: the message names the key that holds it.
        p.editConfig("    value: country_code", "    values: [families, country]");
        assertThat(problems(p))
                .filteredOn(q -> q.key().equals("chart-not-numbers"))
                .extracting(
                        ConfigProblem::args,
                        q -> dev.briefpipe.i18n.Messages.forLocale("ko")
                                .get("config." + q.key(), q.args().toArray()))
                .containsExactly(tuple(
                        List.of("country", "text", "values"), "그림의 values 필드 'country'(text)에는 수가 없어 그림을 그릴 수 없습니다."));
    }

    @Test
    void aLegendLabelForAValueItsSeriesCannotHoldIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // 'China' for the timeline's CN lane: the lane went without its name.
        p.editConfig("labels: {US: 미국, CN: 중국}\n    height: 300", "labels: {US: 미국, China: 중국}\n    height: 300");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("label-not-a-value");
        assertThat(problem.args()).containsExactly("China", "country_code", "US, CN");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "China: 중국"));
    }

    @Test
    void aLocaleThatIsNoLanguageTagIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // Java's own spelling: read as no language, and written so into the PDF.
        p.editConfig("locale: ko-KR", "locale: ko_KR");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("bad-locale");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "locale: ko_KR"));
        p.editConfig("locale: ko_KR", "locale: zz-QQ");
        assertThat(single(p).args()).containsExactly("zz-QQ");
        p.editConfig("locale: zz-QQ", "locale: ko");
        assertThat(new ConfigLoader().load(p.config()).findBrief("ai-hegemony")).isPresent();
    }

    @Test
    void aSummarySheetNamedAsADataSheetIsRefusedBeforeItIsWrittenOverTheData() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // In place, the refresh replaced the analysts' patent data with the summary.
        p.editConfig("summary:\n  sheet: 요약", "summary:\n  sheet: 특허_발명자국가");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("summary-is-data");
        assertThat(problem.args()).containsExactly("특허_발명자국가", "patents");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "summary:") + 1);
        // A name Excel refuses failed the build unforeseen.
        p.editConfig("summary:\n  sheet: 특허_발명자국가", "summary:\n  sheet: \"요약/2025:03\"");
        assertThat(single(p).key()).isEqualTo("bad-sheet-name");
    }

    @Test
    void aSummaryTableSummingTextOrAChartOfAnUnknownKindIsAProblemAtItsLine() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        // Sums of country names were zeros in every cell; a pie was drawn as bars without a word.
        p.editConfig("by: country_code, sum: families, sort: desc", "by: country_code, sum: applicant, sort: desc");
        p.editConfig("chart: {table: 1, kind: bar,", "chart: {table: 1, kind: pie,");
        assertThat(problems(p))
                .extracting(ConfigProblem::key, ConfigProblem::line)
                .containsExactlyInAnyOrder(
                        tuple("sum-not-numbers", lineOf(p.briefConfig(), "sum: applicant")),
                        tuple("bad-chart-kind", lineOf(p.briefConfig(), "kind: pie")));
    }

    @Test
    void theUsualCronSlipsAreNamedWithoutQuartzsEnglish() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("cron: \"0 0 9 1W * ?\"", "cron: \"0 9 1 * *\""); // a Unix crontab line
        assertThat(single(p).key()).isEqualTo("bad-cron-fields");
        assertThat(single(p).args()).containsExactly("0 9 1 * *", 5);
        p.editConfig("cron: \"0 9 1 * *\"", "cron: \"0 0 9 1 * MON\"");
        assertThat(single(p).key()).isEqualTo("bad-cron-days");
        p.editConfig("cron: \"0 0 9 1 * MON\"", "cron: \"0 0 25 1 * ?\"");
        ConfigProblem other = single(p);
        assertThat(other.key()).isEqualTo("bad-cron");
        assertThat(dev.briefpipe.i18n.Messages.of(dev.briefpipe.i18n.Messages.Lang.KO)
                        .get("config." + other.key(), other.args().toArray()))
                .doesNotContainPattern("[A-Za-z]{5}");
    }

    @Test
    void aTabIndentingAKeyIsNamedEvenWhenTheParserReadsOnPastIt() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("\n  sections:\n", "\n\tsections:\n");
        ConfigProblem problem = single(p);
        assertThat(problem.key()).isEqualTo("yaml-tab");
        assertThat(problem.line()).isEqualTo(lineOf(p.briefConfig(), "\tsections:"));
    }

    @Test
    void forwardReferenceBetweenFiguresIsRejected() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("expr: \"cn_families / us_families\"", "expr: \"cn_families / world_families\"");
        assertThat(single(p).key()).isEqualTo("unknown-name");
    }

    @Test
    void aNameAnExpressionUsesTwiceIsOneProblem() throws IOException {
        SampleProject p = SampleProject.copyInto(dir);
        p.editConfig("expr: \"cn_families / us_families\"", "expr: \"(cn_families - wf) / wf\"");
        assertThat(single(p).args()).containsExactly("wf", "(cn_families - wf) / wf");
    }

    @Test
    void missingConfigFolderIsAProblemNotACrash() {
        assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems().get(0).key()).isEqualTo("dir-missing"));
    }

    private static ConfigProblem single(SampleProject p) {
        List<ConfigProblem> problems = problems(p);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static List<ConfigProblem> problems(SampleProject p) {
        try {
            // As the command line loads it: with the schedule's and the mail's own checks.
            new ConfigLoader(List.of(new ScheduleCheck(), new DeliveryCheck())).load(p.config());
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("config loaded without problems");
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
