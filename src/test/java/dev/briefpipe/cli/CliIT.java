package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.Postgres;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command-line contract: commands, messages in both languages, exit codes. */
class CliIT {
    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void copy() throws IOException {
        project = SampleProject.copyInto(dir.resolve("p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"init", "validate", "watch", "build", "send", "schedule", "jobs", "runs"})
    void eachCommandsHelpDescribesThatCommandNotTheProgram(String command) {
        String program = java.util.ResourceBundle.getBundle("dev.briefpipe.cli.usage", java.util.Locale.KOREAN)
                .getString("usage.description")
                .split("%n")[0];
        Cli.Result r = Cli.raw(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("briefpipe " + command).doesNotContain(program);
    }

    @Test
    void sendsHelpPromisesNoDefaultPeriod() {
        assertThat(Cli.raw("send", "--help").out()).contains("--period=YYYY-MM").doesNotContain("이번 달");
    }

    @Test
    void aNarrativeSortedByAnotherColumnIsToldAtTheFirstBulletOutOfItsOrder() throws IOException {
        Cli.Result before = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(before.out()).doesNotContain("(row-order)");
        // An analyst sorts 본문 by 수준 (Sort A to Z with a cell of that column selected): the bullets
        // would print in that order, and the sheet was as valid as before.
        Path file = project.workbook();
        try (var in = Files.newInputStream(file);
                var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = book.getSheet("본문");
            var text = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                List<String> row = new java.util.ArrayList<>();
                for (int c = 0; c < 7; c++) {
                    row.add(text.formatCellValue(sheet.getRow(r).getCell(c)));
                }
                rows.add(row);
            }
            rows.sort(java.util.Comparator.comparing(row -> row.get(2)));
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < 7; c++) {
                    String v = rows.get(r).get(c);
                    var cell = sheet.getRow(r + 1).createCell(c);
                    if (c < 2 && !v.isEmpty()) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else if (!v.isEmpty()) {
                        cell.setCellValue(v);
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                book.write(out);
            }
        }
        Cli.Result sorted = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(sorted.code()).as(sorted.err()).isZero();
        List<String> told =
                sorted.out().lines().filter(l -> l.contains("(row-order)")).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0))
                .matches("\\s*A\\d+\\s+경고\\s+순번: \\d+이\\(가\\) \\d+ 다음 행에 있어, 행이 이 열의 순서를 벗어났습니다\\..*")
                .contains("이 열로 다시 정렬하세요");
    }

    @Test
    void picocliWritesTheShellCompletionAndTheManPages() throws IOException {
        Cli.Result completion = Cli.raw("generate-completion");
        assertThat(completion.code()).isZero();
        assertThat(completion.out()).contains("complete -F", "validate", "--workbook");
        Path man = dir.resolve("man");
        assertThat(Cli.raw("gen-manpage", "--outdir", man.toString()).code()).isZero();
        assertThat(man.resolve("briefpipe-validate.adoc")).content().contains(":doctype: manpage", "--workbook");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "init",
                "validate",
                "watch",
                "build",
                "send",
                "deliveries",
                "schedule",
                "jobs",
                "serve",
                "users",
                "runs"
            })
    void helpBreaksItsLinesBetweenWordsNeverInsideOne(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        String out = Cli.raw(args).out();
        // Where a line ends inside a word ("보냅" / "니다."), the two pieces written together are in the help
        // text as written; between two words, they are not.
        java.util.ResourceBundle ko =
                java.util.ResourceBundle.getBundle("dev.briefpipe.cli.usage", java.util.Locale.KOREAN);
        String text = ko.keySet().stream().map(ko::getString).collect(java.util.stream.Collectors.joining("\n"));
        java.util.List<String> lines = out.lines().map(String::strip).toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (int i = 0; i + 1 < lines.size(); i++) {
            String end = lines.get(i).substring(lines.get(i).lastIndexOf(' ') + 1);
            String next = lines.get(i + 1).split(" ", 2)[0];
            if (!end.isEmpty() && !next.isEmpty()) {
                assertThat(text).as(lines.get(i) + " / " + lines.get(i + 1)).doesNotContain(end + next);
            }
        }
        assertThat(out.lines())
                .allSatisfy(line -> assertThat(columns(line)).as(line).isLessThanOrEqualTo(80));
    }

    /** The columns a line takes in a terminal: a Hangul syllable two. */
    private static int columns(String line) {
        return line.codePoints()
                .map(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HANGUL_SYLLABLES ? 2 : 1)
                .sum();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "init", "validate", "watch", "build", "help"})
    void everyCommandHasHelpInKoreanAndEnglish(String command) {
        String[] ko = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        Cli.Result r = Cli.raw(ko);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("사용법");
        String[] en = command.isEmpty()
                ? new String[] {"--help", "--lang", "en"}
                : new String[] {command, "--help", "--lang", "en"};
        assertThat(Cli.raw(en).out()).contains("Usage");
    }

    @Test
    void shippedWorkbookIsValid() {
        Cli.Result r = Cli.run(project, "validate");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("유효합니다");
        Cli.Result json = Cli.run(project, "validate", "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode j = json(json.out());
        assertThat(j.get("valid").asBoolean()).isTrue();
        assertThat(j.get("errors")).isEmpty();
        assertThat(j.get("stats").get("rows").asInt()).isGreaterThan(200);
    }

    @Test
    void textTypedIntoANumberCellFailsNamingThatCell() throws IOException {
        project.setCell("특허_발명자국가", "D3", "약 6천 남짓");
        Cli.Result r = Cli.run(project, "validate", "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode e = first(json(r.out()), "type-mismatch");
        assertThat(e.get("sheet").asText()).isEqualTo("특허_발명자국가");
        assertThat(e.get("cell").asText()).isEqualTo("D3");
        assertThat(e.get("row").asInt()).isEqualTo(3);
        assertThat(e.get("column").asText()).isEqualTo("D");
        assertThat(e.get("field").asText()).isEqualTo("families");
        assertThat(e.get("value").asText()).isEqualTo("약 6천 남짓");
        assertThat(e.get("message").asText()).contains("특허군 수", "약 6천 남짓", "정수");

        Cli.Result text = Cli.run(project, "validate", "--lang", "en");
        assertThat(text.code()).isEqualTo(1);
        assertThat(text.out()).contains("[특허_발명자국가]", "D3", "is not a valid whole number", "type-mismatch");
        // One mistake, one error at its cell: the text and the figures that read it are not told again
        // (they were three more errors, and the annotated copy marked the paragraph that reads it red).
        assertThat(text.out()).contains("1 error").doesNotContain("placeholder-invalid", "figure-failed");
        assertThat(json(r.out()).get("errors")).hasSize(1);
        // A text reading a cell left blank that is no error still is one, at the text.
        project.setCell("특허_발명자국가", "D3", 6276);
        project.setCell("본문", "D3", "총 {accelerators['Ascend 910C'].fp8_dense:#,##0} TFLOPS");
        Cli.Result blank = Cli.run(project, "validate", "--lang", "en");
        assertThat(blank.out()).contains("[본문]", "D3", "placeholder-invalid", "'AI가속기'!D");
    }

    @Test
    void buildWithDataErrorsPublishesNothing() throws IOException {
        project.setCell("특허_발명자국가", "D3", "많음");
        Cli.Result r = buildIntoOut();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("D3", "아무것도 게시하지 않았습니다");
        assertThat(dir.resolve("out/ai-hegemony"))
                .as("the first build's folder, left by no build")
                .doesNotExist();
    }

    @Test
    void aBriefWithNoLayoutValidatesButItsBuildSaysThereIsNoPdfToMake() throws IOException {
        String yaml = Files.readString(project.briefConfig());
        Files.writeString(
                project.briefConfig(), yaml.replaceFirst("(?m)^layout:\\n(?:(?:[ \\t].*|)\\n)*", "layout: []\n"));
        assertThat(Cli.run(project, "validate").code()).isZero();
        Cli.Result r = buildIntoOut();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("ai-hegemony.yaml", "레이아웃(layout)에 블록이 하나도 없어")
                .doesNotContain("Exception");
        assertThat(dir.resolve("out/ai-hegemony")).doesNotExist();
    }

    @Test
    void buildPublishesAndReportsWhatItWrote() {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("ai-hegemony-2025-03.pdf", "csv/patents.csv", "manifest.json".replace("manifest.json", ""));
        assertThat(out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf")).isRegularFile();
        assertThat(out.resolve("ai-hegemony/2025-03/manifest.json")).isRegularFile();
    }

    @Test
    void aCharacterNoFontHasIsFoundByValidateAtItsCellAndStopsTheBuild() throws IOException {
        project.setCell("본문", "D3", "특허 현황 \uD840\uDC00 보고서");
        Cli.Result v = Cli.run(project, "validate");
        assertThat(v.code()).isEqualTo(1);
        assertThat(v.out()).contains("[본문]", "D3", "U+20000", "glyph-missing");
        Cli.Result r = buildIntoOut();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("U+20000", "D3");
        assertThat(dir.resolve("out/ai-hegemony/2025-03")).doesNotExist();
    }

    @Test
    void aCharacterNoFontHasInTheConfigsOwnTextIsTheConfigsErrorToldOnce() throws IOException {
        Path yaml = project.config().resolve("briefs/ai-hegemony.yaml");
        String config = Files.readString(yaml);
        assertThat(config).contains("header: \"{title}\"");
        Files.writeString(yaml, config.replace("header: \"{title}\"", "header: \"{title} \u2603\""));
        Cli.Result r = buildIntoOut();
        // The running header is on every page from the second; the character is told once, with its
        // text and the config file, as the config's mistake (exit 2), not the data's.
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .containsOnlyOnce("U+2603")
                .contains("config/briefs/ai-hegemony.yaml", "시사점 \u2603", "아무것도 게시하지 않았습니다")
                .doesNotContain("데이터 오류", "validate");
        assertThat(dir.resolve("out/ai-hegemony/2025-03")).doesNotExist();
    }

    @Test
    void aSendOfABriefWithNobodyToSendToNamesItsConfig() throws IOException {
        // A brief whose config has no delivery section: it builds, and a send says what is missing.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("delivery:\n  to: [tech-watch@example.org]\n", ""));
        String out = dir.resolve("out").toString();
        assertThat(Cli.run(project, "build", "--brief", "ai-chips", "--period", "2025-03", "--out", out)
                        .code())
                .isZero();
        Cli.Result send = Cli.run(project, "send", "--brief", "ai-chips", "--period", "2025-03", "--out", out);
        assertThat(send.code()).isEqualTo(2);
        assertThat(send.err())
                .contains("config/briefs/ai-chips.yaml", "받을 사람이 없어", "send --test --to")
                .doesNotContain("Exception", "예기치 못한");
        assertThat(Cli.run(project, "runs", "--brief", "ai-chips").out()).doesNotContain("발송 완료", "실패");
        // A test letter to one address still goes, as it is meant to before anyone is listed.
        Cli.Result test = Cli.run(
                project,
                "send",
                "--brief",
                "ai-chips",
                "--period",
                "2025-03",
                "--out",
                out,
                "--test",
                "--to",
                "me@example.org");
        assertThat(test.code()).as(test.err()).isZero();
    }

    @Test
    void sendingAPeriodNotBuiltOrChangedSinceIsToldInTheReadersWords() throws IOException {
        String out = dir.resolve("out").toString();
        Cli.Result none = Cli.run(project, "send", "--period", "2025-03", "--out", out);
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).contains("ai-hegemony 2025-03의 빌드가", "build로").doesNotContain("no build");

        assertThat(buildIntoOut().code()).isZero();
        Path pdf = dir.resolve("out/ai-hegemony/2025-03/ai-hegemony-2025-03.pdf");
        Files.write(pdf, new byte[] {'%'}, java.nio.file.StandardOpenOption.APPEND);
        Cli.Result changed = Cli.run(project, "send", "--period", "2025-03", "--out", out);
        assertThat(changed.code()).isEqualTo(3);
        assertThat(changed.err()).contains("빌드 때와 다릅니다", "다시 빌드하세요").doesNotContain("differs");
        assertThat(dir.resolve("out/ai-hegemony/2025-03/outbox")).doesNotExist();

        Path manifest = dir.resolve("out/ai-hegemony/2025-03/manifest.json");
        Files.writeString(manifest, "{\"brief\": \"ai-heg");
        Cli.Result damaged = Cli.run(project, "send", "--period", "2025-03", "--out", out);
        assertThat(damaged.code()).isEqualTo(3);
        assertThat(damaged.err())
                .contains(manifest + "을(를) 읽을 수 없습니다", "다시 build 하세요")
                .doesNotContain("Exception", "Unexpected");
        assertThat(Cli.run(project, "runs").out())
                .contains("manifest.json을(를) 읽을 수 없습니다")
                .doesNotContain("dev.briefpipe", "is damaged");
        assertThat(buildIntoOut().code()).as("a build mends it").isZero();
        assertThat(Files.readString(manifest)).contains("\"pdf\"");

        Cli.Result test = Cli.run(project, "send", "--period", "2025-03", "--test", "--to", "board.example.org");
        assertThat(test.code()).isEqualTo(2);
        assertThat(test.err()).contains("'board.example.org'은(는) 메일 주소가 아닙니다");
    }

    @Test
    void aFolderThatIsAFileIsToldInTheReadersWordsNotTheJvms() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        Cli.Result report =
                Cli.run(project, "validate", "--report", file.resolve("r.txt").toString());
        assertThat(report.code()).isEqualTo(3);
        assertThat(report.err()).contains(file + ": 폴더가 있어야 할 자리에 파일이 있습니다").doesNotContain("Exception", ".tmp");
        Cli.Result build = Cli.run(project, "build", "--period", "2025-03", "--out", file.toString());
        assertThat(build.code()).isEqualTo(3);
        // The file in the way, not the folder that was to be made under it.
        assertThat(build.err().strip()).isEqualTo(file + ": 폴더가 있어야 할 자리에 파일이 있습니다. 경로를 확인하세요.");
    }

    @Test
    void aFileThatIsNotAWorkbookExitsTwoWithOneSentence() throws IOException {
        Path fake = dir.resolve("fake.xlsx");
        Files.writeString(fake, "국가,건수\nCN,38210\n");
        Cli.Result r = Cli.run(project, "validate", "--workbook", fake.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("fake.xlsx", "CSV").doesNotContain("Exception", "\tat ");
        assertThat(Cli.run(
                                project,
                                "validate",
                                "--workbook",
                                dir.resolve("none.xlsx").toString())
                        .code())
                .isEqualTo(2);
    }

    @Test
    void aConfigMistakeExitsTwoNamingFileLineAndFix() throws IOException {
        project.editConfig("highlight: country_code=CN", "highlight: contry_code=CN");
        Cli.Result r = Cli.run(project, "validate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("ai-hegemony\\.yaml:\\d+: ").contains("contry_code", "고치는 법");
    }

    @Test
    void aFontThatCannotBeFoundExitsTwoNamingIt() throws IOException {
        Path yaml = project.config().resolve("briefpipe.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("regular: \"\"", "regular: NoSuchFontAnywhere"));
        Cli.Result r = buildIntoOut();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("NoSuchFontAnywhere", "Noto CJK");
        assertThat(dir.resolve("out/ai-hegemony/2025-03")).doesNotExist();
    }

    @Test
    void aDatabaseThatCannotBeReachedOrRefusesIsOneSentenceNamingItAndWhatToCheck() throws Exception {
        Path yaml = project.config().resolve("briefpipe.yaml");
        String app = Files.readString(yaml);
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.writeString(yaml, app.replace("url: \"\"", "url: \"jdbc:postgresql://127.0.0.1:" + closed + "/x\""));
        Cli.Result down = Cli.run(project, "runs");
        assertThat(down.code()).isEqualTo(3);
        assertThat(down.err())
                .contains("127.0.0.1:" + closed, "연결할 수 없습니다", "database.url")
                .doesNotContain("postmaster", "Exception", "pool");
        // The server itself, answering: its refusal quoted (a role it does not know), with what to check.
        try (Postgres pg = Postgres.freshDatabase()) {
            Files.writeString(
                    yaml,
                    app.replace("url: \"\"", "url: \"" + pg.url() + "\"")
                            .replaceFirst("user: \"\"", "user: \"no_such_role\""));
            Cli.Result refused = Cli.run(project, "runs", "--lang", "en");
            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.err()).contains("refused the connection", "no_such_role", "BRIEFPIPE_DB_PASSWORD");
        }
    }

    @Test
    void aStatementTheDatabaseRefusesIsToldAsWhatCouldNotBeDoneAndItsReply() throws Exception {
        Path yaml = project.config().resolve("briefpipe.yaml");
        try (Postgres pg = Postgres.freshDatabase()) {
            Files.writeString(
                    yaml,
                    Files.readString(yaml)
                            .replace("url: \"\"", "url: \"" + pg.url() + "\"")
                            .replaceFirst("user: \"\"", "user: \"" + Postgres.USER + "\""));
            assertThat(Cli.run(project, "runs").code()).isZero();
            try (var c = pg.connect();
                    var st = c.createStatement()) {
                st.execute("ALTER TABLE bp_runs RENAME TO bp_runs_elsewhere");
            }
            Cli.Result ko = Cli.run(project, "runs");
            assertThat(ko.code()).isEqualTo(3);
            assertThat(ko.err().strip())
                    .startsWith("실행 기록을 읽을 수 없습니다. 데이터베이스의 답: ")
                    .contains("bp_runs")
                    .doesNotContain("cannot", "Exception", "SELECT");
            assertThat(Cli.run(project, "runs", "--lang", "en").err())
                    .contains("Cannot read the run history. The database said: ");
        }
    }

    @Test
    void anAnnotatedCopyNamedInAnotherFormatIsRefusedBeforeAnythingIsRead() {
        Cli.Result r = Cli.run(
                project, "validate", "--annotate", dir.resolve("checked.xls").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("checked.xls", ".xlsx");
        assertThat(dir.resolve("checked.xls")).doesNotExist();
    }

    @Test
    void aSecondBriefBuildsFromItsOwnConfigAndWorkbook() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--brief", "ai-chips", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path pdf = out.resolve("ai-chips/2025-03/ai-chips-2025-03.pdf");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            // As the manifest, the console ("PDF, 1 page") and the approval mail count it: they said 2.
            assertThat(json(Files.readString(out.resolve("ai-chips/2025-03/manifest.json")))
                            .findValue("pages")
                            .asInt())
                    .isEqualTo(1);
            String text =
                    new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text)
                    .contains(Stream.of(
                                    "AI accelerators under US export rules",
                                    "Technology note No. 1 | 27 March 2025",
                                    "Figure 1. Dense BF16 compute",
                                    // The unit line, from the value column's unit: the layout names none.
                                    "(unit: TFLOPS)",
                                    "Table 1. Memory, power and sale to China",
                                    "Page 1 of 1",
                                    "with 148 TFLOPS of dense BF16 compute: 15% of an H100 SXM5 (989 TFLOPS)")
                            .map(x -> x.replaceAll("\\s+", ""))
                            .toArray(String[]::new));
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            // Readers have no workbook: notes meant for analysts never print.
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
                    .doesNotContainIgnoringCase("workbook");
        }
    }

    @Test
    void aNumberPrintsAsItsFieldSaysInTablesAndChartLabelsAlike() throws IOException {
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        String config = Files.readString(yaml);
        // A column with no format: grouped as the workbook's template shows it, no digit lost.
        config = config.replace(
                "min: 0, width: 12, format: \"#,##0\"}\n      memory", "min: 0, width: 12}\n      memory");
        // Computed fields: their own header and format, or two decimals as a key figure has.
        config = config.replace(
                "    value: bf16_dense\n    columns:",
                "    value: bf16_dense\n    derived:\n"
                        + "      per_kw: {expr: \"bf16_dense / tdp_w * 1000\", header: \"TFLOPS per kW\"}\n"
                        + "      of_h100: {expr: \"bf16_dense / 989\", header: \"Of an H100\", format: \"0%\"}\n"
                        // 80 GB in 32 GB stacks is 2.5: "3" as Excel rounds a half, not Java's even "2".
                        + "      stacks: {expr: \"memory_gb / 32\", header: \"Stacks\", format: \"0\"}\n"
                        + "    columns:");
        config = config.replace(
                        "[chip, memory_gb, bandwidth, tdp_w, china]", "[chip, fp8_dense, per_kw, of_h100, stacks]")
                .replace("widths: [1.3, 1.1, 1.4, 0.8, 3]", "widths: [1, 1, 1, 1, 1]");
        // A chart of a field in hundredths labels its bars in hundredths.
        config = config.replace(
                "    value: bf16_dense\n    series: country", "    value: bandwidth\n    series: country");
        Files.writeString(yaml, config);
        String text = chipsPdfText();
        assertThat(text)
                .contains("TFLOPS per kW", "Of an H100", "H100 SXM5 1,978.9 1,413.43 100% 3", "H20 296 370 15% 3")
                .doesNotContain("per_kw", "of_h100", "1978.9", "1413.4");
        // The bars' labels: 3.35 and 4.00 TB/s, not rounded to 3 and 4.
        assertThat(text.lines()).contains("3.35", "4.00").doesNotContain("3", "4");
    }

    @Test
    void aChartOfTwoColumnsDrawsEachAsASeriesNamedByItsHeading() throws IOException {
        // BF16 and FP8 compute side by side, two columns of each chip's row: a chart drew one column, so
        // the sheet had to be typed again, a row a measure, for the chart to have both.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        String config = Files.readString(yaml);
        String series =
                "    value: bf16_dense\n    series: country\n    labels: {US: NVIDIA (US), CN: Huawei (China)}\n";
        assertThat(config).contains(series);
        Files.writeString(yaml, config.replace(series, "    values: [bf16_dense, fp8_dense]\n"));
        Cli.Result valid = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(valid.code()).as(valid.out() + valid.err()).isZero();
        // No FP8 figure for Huawei's chips: missing from that series, told at their cells.
        assertThat(valid.out().lines().filter(l -> l.contains("(bar-blank)")))
                .extracting(l -> l.trim().split(" ")[0])
                .containsExactly("E5", "E6");
        String text = chipsPdfText();
        // Each column is named in the legend by its heading, less the unit the chart's unit line gives.
        assertThat(text).contains("BF16 dense", "FP8 dense", "(unit: TFLOPS)").doesNotContain("dense (TFLOPS)");
        for (String label : List.of("989", "1,979", "148", "296", "320", "800")) {
            assertThat(text).containsPattern("(?m)^" + label + "$|\\s" + label + "\\s");
        }
        // The config's height (130 pt) is too low for ten bars: it is raised so that a bar's label (7.5 pt)
        // stays clear of the next bar (their labels were 4.9 pt apart, each over the bar below).
        List<Float> h100 = baselines(dir.resolve("out/ai-chips/2025-03/ai-chips-2025-03.pdf"), "989", "1,979");
        assertThat(h100).hasSize(4);
        assertThat(h100.get(1) - h100.get(0)).isGreaterThanOrEqualTo(7.5f);
        // A series field beside them would split what they already split.
        Files.writeString(yaml, config.replace(series, "    values: [bf16_dense, fp8_dense]\n    series: country\n"));
        Cli.Result both = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("ai-chips.yaml:", "A chart's values draw a series for each column");
    }

    @Test
    void aNegativeBarIsLabelledAsAPositiveOneIs() throws IOException {
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "unit: TFLOPS, min: 0, width: 12, format: \"#,##0\"}\n      fp8",
                                "unit: TFLOPS, width: 12, format: \"#,##0\"}\n      fp8"));
        // Ascend 910B's BF16 compute, a change say, below zero: its bar runs left of the zero line.
        SampleProject.edit(project.root().resolve("workbooks/ai-chips.xlsx"), "Chips", "D5", -320);
        // Every bar's label, the negative one's too (it was drawn outside the chart, so not at all).
        assertThat(chipsPdfText().lines()).contains("989", "148", "-320", "800");
    }

    @Test
    void rowsOfOneCategoryAddUpIntoItsBarOrAreRefusedWhereTheyCannot() throws IOException {
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        String byVendor = Files.readString(yaml).replace("    category: chip\n", "    category: vendor\n");
        Files.writeString(yaml, byVendor);
        // NVIDIA's three chips are one bar (989.4 + 989.4 + 148), Huawei's two another (320 + 800): the
        // chart drew the last row of each and dropped the others (148 and 800).
        assertThat(chipsPdfText().lines()).contains("2,127", "1,120").doesNotContain("148", "989");

        // A computed value cannot be added up: a repeat is an error at the repeated cell, not a bar
        // that shows one row of three.
        Files.writeString(
                yaml,
                byVendor.replace("    value: bf16_dense\n    series", "    value: half\n    series")
                        .replace("\nlayout:", "    derived:\n      half: {expr: \"bf16_dense / 2\"}\n\nlayout:"));
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.out().lines().filter(l -> l.contains("(chart-category-repeated)")))
                .extracting(l -> l.trim().split(" ")[0])
                .containsExactly("B3", "B4", "B6");
        assertThat(r.out()).contains("'NVIDIA' is also at 'Chips'!B2", "'Huawei' is also at 'Chips'!B5");
    }

    @Test
    void aLineChartDrawsALinePerSeriesAcrossTheMonthsLabelledAtItsLastPoint() throws IOException {
        // Fourteen months of shipments, two countries a month: what a monthly brief follows as a trend.
        SampleProject.append(
                project.root().resolve("workbooks/ai-chips.xlsx"),
                "Shipments",
                twoCountriesAMonth(14, "Month", "Country", "Units"));
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(
                yaml, Files.readString(yaml).replace("\nlayout:\n", """

                                  shipments:
                                    sheet: Shipments
                                    key: [month, country]
                                    columns:
                                      month:   {header: [Month], type: year-month, required: true}
                                      country: {header: [Country], type: enum, values: [US, CN], required: true}
                                      units:   {header: [Units], type: integer, min: 0, required: true}

                                layout:
                                """).replace("  - block: table\n", """
                                  - block: chart
                                    kind: line
                                    sheet: shipments
                                    category: month
                                    value: units
                                    series: country
                                    labels: {US: US vendors, CN: Chinese vendors}
                                    caption: "Accelerators shipped a month"
                                  - block: table
                                """));
        // A month on both lines is no repeat: each line has one point a month.
        Cli.Result valid = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(valid.code()).as(valid.out()).isZero();
        String text = chipsPdfText();
        // Each line is named in the legend and labelled at its last point, February 2025, only: fourteen
        // labels a line would run into each other.
        assertThat(text).contains("Figure 2. Accelerators shipped a month", "US vendors", "Chinese vendors");
        assertThat(text).containsPattern("\\b1,234\\b").containsPattern("\\b780\\b");
        assertThat(text).doesNotContain("1,013", "611", "1,217", "767");
        // Its months as the brief's charts name them, level: side by side, they fit.
        assertThat(text.replaceAll("\\s+", " "))
                .contains("Jan 2024 Feb 2024 Mar 2024 Apr 2024 May 2024 Jun 2024 Jul 2024 Aug 2024 Sept 2024 Oct 2024 "
                        + "Nov 2024 Dec 2024 Jan 2025 Feb 2025");
    }

    @Test
    void aYearOfMonthsOnAKoreanLineChartIsNamedLevelAsTheBarsUnderIt() throws IOException {
        // "2024.10" and its like fit side by side, as under a bar chart of the same width; they were
        // set slanted.
        String text = monthlyFilings("line");
        assertThat(text).contains("월별 출원 건수", "미국", "중국");
        StringBuilder months = new StringBuilder("2024.1");
        for (int m = 2; m <= 12; m++) {
            months.append(' ').append("2024.").append(m);
        }
        assertThat(text.replaceAll("[ \\t]+", " ")).contains(months);
    }

    @Test
    void aBarChartOfTwoSeriesSetsAMonthsTwoBarsSideBySide() throws IOException {
        // Two countries a month as bars: validation refused the second row of each month ("two rows of
        // different series cannot be one bar"), so the chart could not be had.
        String text = monthlyFilings("bar");
        assertThat(text).contains("월별 출원 건수", "미국", "중국");
        // Twenty-four bars: the last month's two are labelled, as a line is at its last point.
        assertThat(text.lines()).contains("1,200", "754").doesNotContain("1,013", "611");
    }

    /** A sheet's rows: the header, then a row for the US and one for China each month from January 2024. */
    private static List<List<Object>> twoCountriesAMonth(int months, String... header) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of((Object[]) header));
        for (int i = 0; i < months; i++) {
            String month = java.time.YearMonth.of(2024, 1).plusMonths(i).toString();
            rows.add(List.of(month, "US", 1013 + 17 * i));
            rows.add(List.of(month, "CN", 611 + 13 * i));
        }
        return rows;
    }

    /**
     * The text of the Korean sample with a chart of {@code kind} added: a year of filings a month, for
     * the US and China.
     */
    private String monthlyFilings(String kind) throws IOException {
        SampleProject.append(
                project.root().resolve("workbooks/ai-hegemony.xlsx"), "월별", twoCountriesAMonth(12, "월", "국가", "건수"));
        Path yaml = project.root().resolve("config/briefs/ai-hegemony.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "\nlayout:\n",
                                "\n  monthly:\n    sheet: 월별\n    key: [month, country]\n    columns:\n"
                                        + "      month: {header: [월], type: year-month, required: true}\n"
                                        + "      country: {header: [국가], type: enum, values: [US, CN], required: true}\n"
                                        + "      units: {header: [건수], type: integer, min: 0, required: true}\n"
                                        + "\nlayout:\n")
                        .replace(
                                "  - {block: section, number: 2, sheet: sections}\n",
                                "  - {block: chart, kind: " + kind + ", sheet: monthly, category: month, value: units,"
                                        + " series: country, labels: {US: 미국, CN: 중국}, caption: 월별 출원 건수}\n"
                                        + "  - {block: section, number: 2, sheet: sections}\n"));
        Path pdf = hegemonyPdf("monthly-" + kind);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aKeyFigureThePdfPrintsBlankIsAWarningAtTheEmptyCellItReads() throws IOException {
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        // The Ascend 910C's memory is not known (its cell F6 is empty): the box printed "–" unannounced.
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "expr: \"chips[H20].memory_gb / chips['H100 SXM5'].memory_gb\"",
                                "expr: \"chips['Ascend 910C'].memory_gb / chips['H100 SXM5'].memory_gb\""));
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("1 warning")
                .containsPattern("F6 +warning +The key figure \"H20 memory, relative to H100 SXM5\" is blank");
    }

    @Test
    void aTableWithNoRowToShowIsAWarningAtItsSheet() throws IOException {
        // The list of earlier briefs emptied: the table went missing from the PDF without a word.
        Path workbook = project.root().resolve("workbooks/ai-hegemony.xlsx");
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(Files.readAllBytes(workbook)))) {
            var sheet = wb.getSheet("발간현황");
            for (int i = sheet.getLastRowNum(); i >= 1; i--) {
                if (sheet.getRow(i) != null) {
                    sheet.removeRow(sheet.getRow(i));
                }
            }
            try (var out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-hegemony", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "1 warning",
                        "[발간현황]",
                        "\"[KISTEP 브리프 발간 현황]\" in the PDF has no row to show",
                        "(printed-empty)");

        // A summary chart of a table of the emptied sheet: the refresh stopped the build ("예기치 못한
        // 오류", a cell range of no rows). The table is written without rows, and no chart is drawn.
        Path yaml = project.root().resolve("config/briefs/ai-hegemony.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace(
                                "  chart: {table: 1,",
                                "    - {title: \"발간 분류\", sheet: publications, by: category}\n  chart: {table: 4,"));
        Path out = dir.resolve("out");
        Cli.Result built =
                Cli.run(project, "build", "--brief", "ai-hegemony", "--period", "2025-03", "--out", out.toString());
        assertThat(built.code()).as(built.err()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                Files.newInputStream(out.resolve("ai-hegemony/2025-03/ai-hegemony.xlsx")))) {
            assertThat(wb.getSheet("요약").getDrawingPatriarch()).isNull();
        }
    }

    @Test
    void aPlaceholderInAColumnThatFillsNoneIsAWarningAtItsCell() throws IOException {
        // The table's "Sale to China" column prints as typed: the braces went into the PDF.
        SampleProject.edit(
                project.root().resolve("workbooks/ai-chips.xlsx"),
                "Chips",
                "I4",
                "On sale; {chips[H20].memory_gb} GB of memory");
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "I4 +warning +Sale to China: the braces in 'On sale; \\{chips\\[H20\\].memory_gb\\} GB")
                .contains("(placeholder-unfilled)");
        // The narrative fills its placeholders: none of its cells is warned of.
        assertThat(r.out()).containsOnlyOnce("(placeholder-unfilled)");
    }

    @Test
    void aRowABarChartLeavesOutForItsBlankValueIsAWarningAtTheCell() throws IOException {
        // The Ascend 910B's compute not known: the chart went on without its bar, and nobody was told.
        SampleProject.edit(project.root().resolve("workbooks/ai-chips.xlsx"), "Chips", "D5", null);
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "D5 +warning +BF16 dense \\(TFLOPS\\): blank, so 'Ascend 910B' has no bar \\(or point\\) in \"Dense BF16 compute\"")
                .containsOnlyOnce("(bar-blank)");
        // A value that is no number is an error at its cell, and that is all it is: not also a bar left out.
        // ("n/a" is no value, a blank: see NormalisationAndRulesTest.)
        SampleProject.edit(project.root().resolve("workbooks/ai-chips.xlsx"), "Chips", "D6", "TBD");
        Cli.Result wrong = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.out()).containsPattern("D6 +error").containsOnlyOnce("(bar-blank)");
    }

    @Test
    void aBarDrawnWithItsCategoryBlankIsAWarningAtTheCell() throws IOException {
        // Charted by vendor, a column the schema lets go blank: H20's bar was drawn with no name beside
        // it, and validation called the workbook valid with 0 warnings.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("    category: chip\n", "    category: vendor\n")
                        .replace("{header: [Vendor], type: text, required: true,", "{header: [Vendor], type: text,"));
        Path workbook = project.root().resolve("workbooks/ai-chips.xlsx");
        SampleProject.edit(workbook, "Chips", "B4", null);
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-chips", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern(
                        "B4 +warning +Vendor: blank, so the bar \\(or marker\\) of '148' in \"Dense BF16 compute\"")
                .containsOnlyOnce("(chart-label-blank)");
        Cli.Result ko = Cli.run(project, "validate", "--brief", "ai-chips");
        assertThat(ko.out()).contains("그림 「Dense BF16 compute」에 '148'의 막대(표시)가 이름 없이 그려집니다");
    }

    @Test
    void aChartsColumnWithItsHeaderRenamedIsOneFindingNotOneARowAndTwoColumnsMayBeSwapped() throws IOException {
        // The 출원인 header retyped: it was one column-renamed error, then a blank label and a repeated
        // bar at every row of the figure drawn from it, sixteen findings for one cause.
        Path workbook = project.root().resolve("workbooks/ai-hegemony.xlsx");
        SampleProject.edit(workbook, "특허_다출원기업", "B1", "출원인명");
        Cli.Result r = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out())
                .containsPattern("B1 +오류 +머리글 '출원인명'은\\(는\\) 스키마에 없고 '출원인' 열이")
                .contains("오류 1건, 경고 0건")
                .doesNotContain("(chart-");
        // 출원인 and 출원인(영문) swapped, each header with its column: the workbook is as valid as before.
        SampleProject.edit(workbook, "특허_다출원기업", "B1", "출원인(영문)");
        SampleProject.edit(workbook, "특허_다출원기업", "C1", "출원인");
        Cli.Result swapped = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(swapped.code()).as(swapped.out()).isZero();
        assertThat(swapped.out()).contains("유효합니다");
    }

    @Test
    void aHorizontalBarChartWithoutAHeightGrowsWithItsBars() throws IOException {
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    height: 130\n", ""));
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--brief", "ai-chips", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(
                out.resolve("ai-chips/2025-03/ai-chips-2025-03.pdf").toFile())) {
            java.util.List<Float> heights = formHeights(doc.getPage(0));
            // Five chips: 40 pt of axes and legend and 17 pt a bar, not the 210 pt meant for ten.
            assertThat(heights).contains(125f).doesNotContain(210f, 130f);
        }

        // A chart taller than a page (many bars, or a height typed too large) is fitted to the page: the
        // PDF library failed on it, and the build with it ("예기치 못한 오류").
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("    caption: \"Dense BF16", "    height: 2000\n    caption: \"Dense BF16"));
        Cli.Result tall = Cli.run(
                project,
                "build",
                "--brief",
                "ai-chips",
                "--period",
                "2025-03",
                "--out",
                dir.resolve("tall").toString());
        assertThat(tall.code()).as(tall.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("tall/ai-chips/2025-03/ai-chips-2025-03.pdf").toFile())) {
            float page = doc.getPage(0).getMediaBox().getHeight();
            for (var p : doc.getPages()) {
                assertThat(formHeights(p)).allSatisfy(h -> assertThat(h).isLessThan(page - 150));
            }
        }
    }

    @Test
    void aStretchOfTheTimelineAfterABreakWithNoJanuaryNamesItsYear() throws IOException {
        // A month typed two centuries out: the timeline drew ChatGPT after a break, last, with no
        // year under it, so the chart read as if it came out after GPT-4.5.
        project.setCell("LLM_타임라인", "E3", "2202-11");
        Cli.Result r = buildIntoOut();
        assertThat(r.code()).as(r.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("out/ai-hegemony/2025-03/ai-hegemony-2025-03.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            // The first stretch keeps its own start; the one after the first break has Januaries.
            assertThat(text).contains("2202.11", "2020.6").doesNotContain("2022.11");
        }
    }

    @Test
    void aBarChartOfSmallCountsStepsItsAxisByWholeNumbers() throws IOException {
        // Memory of 1 to 3 in a field printed "#,##0": the axis stepped by 0.25 and read
        // "0 0 1 1 1 2 2 2 3", every tick but a few labelled as its neighbour.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("    value: bf16_dense\n    series:", "    value: memory_gb\n    series:"));
        Path workbook = project.root().resolve("workbooks/ai-chips.xlsx");
        for (String[] cell : new String[][] {{"F2", "1"}, {"F3", "2"}, {"F4", "3"}, {"F5", "2"}, {"F6", "1"}}) {
            SampleProject.edit(workbook, "Chips", cell[0], Double.valueOf(cell[1]));
        }
        String text = chipsPdfText();
        assertThat(text).containsPattern("(?m)^0 1 2 3$").doesNotContainPattern("(?m)^0 0");
    }

    @Test
    void aSeriesValueTheLabelsDoNotNameIsInTheLegendAsWritten() throws IOException {
        // A country new to the sheet had bars in the base colour and no legend entry to say what they were.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(
                yaml,
                Files.readString(yaml)
                        .replace("labels: {US: NVIDIA (US), CN: Huawei (China)}", "labels: {US: NVIDIA (US)}"));
        assertThat(chipsPdfText()).containsPattern("(?m)^NVIDIA \\(US\\) CN$");
    }

    @Test
    void aTableColumnWithAUnitNamesItInItsHeading() throws IOException {
        // "Capacity" printed 80 and 96 with no unit; a heading that names its unit already stays.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(
                yaml, Files.readString(yaml).replace("{header: [Memory (GB)],", "{header: [Capacity, Memory (GB)],"));
        assertThat(chipsPdfText()).contains("Capacity (GB)", "TDP (W)").doesNotContain("(W) (W)");
        Files.writeString(yaml, Files.readString(yaml).replace("locale: en-GB", "locale: ko-KR"));
        assertThat(chipsPdfText()).contains("Capacity(GB)", "TDP (W)");
    }

    @Test
    void aKeyFigureFarOffTheLastPeriodIsToldByValidateAndByTheBuild() throws IOException {
        // The analyst who must write why a figure moved heard of it from no command: validate knew no
        // period to compare with, and a build published with the warning counted in its manifest only.
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Seoul"));
        Cli.Result last = Cli.run(
                project,
                "build",
                "--brief",
                "ai-hegemony",
                "--period",
                now.minusMonths(1).toString());
        assertThat(last.code()).as(last.err()).isZero();
        project.setCell("특허_발명자국가", "D2", 50000); // 38,210 before: +30.9 %
        String told = "'중국 생성형 AI 특허군 수 (2014~2023)'이(가) " + now.minusMonths(1) + "의 38,210에서 50,000(으)로 +30.9%";

        Cli.Result v = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(v.code()).as(v.err()).isZero();
        assertThat(v.out()).contains("D2", told, "(figure-moved)");

        Cli.Result b = Cli.run(project, "build", "--brief", "ai-hegemony", "--period", now.toString());
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.err()).contains(told, "(figure-moved)");

        // A past period's record that cannot be read (here a folder in its place) stops no analyst
        // checking this one: nothing is compared (validate failed with exit 3, "예기치 못한 오류").
        Path output = project.root().resolve("output/ai-hegemony");
        Files.delete(output.resolve(now.minusMonths(1).toString()).resolve("manifest.json"));
        Files.createDirectory(output.resolve(now.minusMonths(1).toString()).resolve("manifest.json"));
        Cli.Result damaged = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(damaged.code()).as(damaged.err()).isZero();
        assertThat(damaged.out()).contains("유효합니다").doesNotContain("figure-moved");
        assertThat(damaged.err()).doesNotContain("Exception", "예기치 못한");
    }

    @Test
    void validateChecksTheWorkbookForThePeriodItIsGiven() throws IOException {
        // An analyst filling in April's issue early (or the last one's late) checks it for that month.
        assertThat(Cli.run(project, "build", "--brief", "ai-hegemony", "--period", "2025-03")
                        .code())
                .isZero();
        Cli.Result april = Cli.run(project, "validate", "--brief", "ai-hegemony", "--period", "2025-04");
        assertThat(april.code()).as(april.err()).isZero();
        assertThat(april.out()).contains("2025-04 브리프는 2025-03의 것을 되풀이합니다", "(workbook-unchanged)");
        Cli.Result typo = Cli.run(project, "validate", "--brief", "ai-hegemony", "--period", "2025-4월");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("2025-4월").doesNotContain("Exception");
    }

    @Test
    void aLeadPointIsNeverLeftAloneAtTheFootOfAPage() throws IOException {
        // Two notes and nine points of two details each: page 1 ended with "■ Lead point 4" and its
        // details began page 2.
        List<List<Object>> rows = new java.util.ArrayList<>();
        int seq = 7;
        for (int m = 1; m <= 2; m++) {
            rows.add(List.of(seq++, 1, "※", "Note " + m + "."));
        }
        for (int g = 1; g <= 9; g++) {
            rows.add(List.of(seq++, 1, "■", "Lead point " + g + " states the finding in one line."));
            for (int d = 1; d <= 2; d++) {
                rows.add(List.of(
                        seq++,
                        1,
                        "–",
                        "Detail " + g + "." + d + " explains the finding at enough length that the sentence runs"
                                + " over onto a second line of the page, and then it goes on for a while longer."));
            }
        }
        SampleProject.append(project.root().resolve("workbooks/ai-chips.xlsx"), "Points", rows);
        chipsPdfText();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("out/ai-chips/2025-03/ai-chips-2025-03.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            for (int page = 1; page < doc.getNumberOfPages(); page++) {
                var stripper = new org.apache.pdfbox.text.PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                List<String> bullets = stripper.getText(doc)
                        .lines()
                        .filter(l -> l.startsWith("■") || l.startsWith("–"))
                        .toList();
                assertThat(bullets).as("page %d", page).last().asString().doesNotStartWith("■");
            }
        }
    }

    @Test
    void aBarChartByMonthNamesEachMonthAsBriefsDoOnOneLine() throws IOException {
        // Twelve months under their bars read "2024-" over "03": ISO, broken at the hyphen.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("\nlayout:\n", """

                                  monthly:
                                    sheet: Monthly
                                    key: month
                                    columns:
                                      month:  {header: [Month], type: year-month, required: true}
                                      orders: {header: [Orders], type: integer, min: 0, required: true}

                                layout:
                                  - {block: chart, kind: bar, sheet: monthly, category: month, value: orders, caption: Orders}
                                """));
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of("Month", "Orders"));
        java.time.YearMonth m = java.time.YearMonth.of(2024, 3);
        for (int i = 0; i < 12; i++, m = m.plusMonths(1)) {
            rows.add(List.of(m.toString(), 150 + 7 * i));
        }
        SampleProject.append(project.root().resolve("workbooks/ai-chips.xlsx"), "Monthly", rows);
        assertThat(chipsPdfText())
                .containsPattern("Mar\\s*\\R2024")
                .containsPattern("Jul\\s*\\R2024")
                .containsPattern("Feb\\s*\\R2025")
                .doesNotContain("2024-03", "2024-");
        Files.writeString(yaml, Files.readString(yaml).replace("locale: en-GB", "locale: ko-KR"));
        assertThat(chipsPdfText())
                .contains("2024.3 2024.4 2024.5 2024.6 2024.7 2024.8 2024.9 2024.10 2024.11 2024.12 2025.1 2025.2");
    }

    @Test
    void aLineBreakTabOrBulletTypedInABulletPrintsAsTheBulletWithoutThem() throws IOException {
        Path workbook = project.root().resolve("workbooks/ai-hegemony.xlsx");
        String before = hegemonyFirstPage("before");
        String bullet = "텐센트, 핑안보험, 바이두, 중국과학원, 알리바바, 바이트댄스 등 중국 기업들이 다출원 기업 10위권 내에 대거 포함";
        assertThat(before.replaceAll(" +", " "))
                .contains("○ 텐센트, 핑안보험, 바이두, 중국과학원, 알리바바, 바이트댄스 등 중국 기업들이 다출원 기업 10위권\n");
        // Broken with Alt+Enter to fit Excel's column: each piece was a line of its own, justified
        // across the page ("텐센트,          핑안보험,          바이두,").
        SampleProject.edit(
                workbook, "본문", "D4", bullet.replace("중국과학원, ", "중국과학원,\n").replace("기업들이 ", "기업들이\r\n"));
        assertThat(hegemonyFirstPage("after")).isEqualTo(before);
        // Pasted from another document with its bullet, a tab and a wide space: "○ ○ 텐센트", and
        // "기업들이다출원" run together. The bullet is left out, and said so.
        SampleProject.edit(
                workbook, "본문", "D4", "○ " + bullet.replace("기업들이 ", "기업들이\t").replace("바이두, ", "바이두,\u3000"));
        assertThat(hegemonyFirstPage("pasted")).isEqualTo(before);
        Cli.Result told = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(told.code()).isZero();
        assertThat(told.out())
                .containsPattern("D4 +경고 +내용이 글머리표 '○'\\(으\\)로 시작합니다")
                .containsOnlyOnce("(marker-typed)");
    }

    @Test
    void aMarkerTypedAsInAnHwpDocumentIsReadAsTheMarkerItStandsFor() throws IOException {
        // ㅁ and ㅇ, as bullets are typed in HWP documents: "not allowed", with the list of markers.
        Path workbook = project.root().resolve("workbooks/ai-hegemony.xlsx");
        String before = hegemonyFirstPage("before");
        SampleProject.edit(workbook, "본문", "C2", "ㅁ");
        SampleProject.edit(workbook, "본문", "C3", "ㅇ");
        Cli.Result told = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(told.code()).as(told.out()).isZero();
        assertThat(told.out())
                .containsPattern("C2 +경고 +수준: 'ㅁ'을\\(를\\) '□'\\(으\\)로 읽었습니다")
                .containsPattern("C3 +경고 +수준: 'ㅇ'을\\(를\\) '○'\\(으\\)로 읽었습니다");
        assertThat(hegemonyFirstPage("after")).isEqualTo(before);
        // An alias for a value the column does not have is the brief author's mistake, said at its line.
        Path yaml = project.root().resolve("config/briefs/ai-hegemony.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("ㅇ: \"○\"", "ㅇ: \"●\""));
        Cli.Result config = Cli.run(project, "validate", "--brief", "ai-hegemony");
        assertThat(config.code()).isEqualTo(2);
        assertThat(config.err()).contains("'ㅇ'이(가) 가리키는 '●'은(는) values에 없습니다");
    }

    @Test
    void aLineBreakTypedInAChartsCategoryOrCaptionIsASpace() throws IOException {
        // "핑안" and "보험" on two lines, the second drawn over the next bar's name ("바이두"); a caption
        // in two lines, and so in the mail over the picture.
        SampleProject.edit(project.root().resolve("workbooks/ai-hegemony.xlsx"), "특허_다출원기업", "B3", "핑안\n보험");
        SampleProject.edit(project.root().resolve("workbooks/ai-hegemony.xlsx"), "그림표", "B3", "생성형 AI 특허\n다출원 기업");
        assertThat(pageText(hegemonyPdf("out"), 2))
                .contains("\n핑안 보험\n", "[그림 2] 생성형 AI 특허 다출원 기업\n")
                .doesNotContain("\n핑안\n");
    }

    @Test
    void aTitleSetInTwoLinesIsOneLineInTheRunningHeaderAndTheDocumentsTitle() throws IOException {
        // The running header printed the title's first line only ("글로벌 AI 패권 경쟁 :"), and the
        // document's title held the line break.
        SampleProject.edit(
                project.root().resolve("workbooks/ai-hegemony.xlsx"), "브리프정보", "C2", "글로벌 AI 패권 경쟁 :\n중국 동향과 시사점");
        Path pdf = hegemonyPdf("out");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("글로벌 AI 패권 경쟁 : 중국 동향과 시사점");
        }
        assertThat(pageText(pdf, 1)).contains("글로벌 AI 패권 경쟁 :\n중국 동향과 시사점");
        assertThat(pageText(pdf, 2)).contains("글로벌 AI 패권 경쟁 : 중국 동향과 시사점");
    }

    /** The text of the sample brief's first page, built from the project as it is now into dir/name. */
    private String hegemonyFirstPage(String name) throws IOException {
        return pageText(hegemonyPdf(name), 1);
    }

    /** The sample brief's PDF, built from the project as it is now into dir/name. */
    private Path hegemonyPdf(String name) {
        Path out = dir.resolve(name);
        Cli.Result r =
                Cli.run(project, "build", "--brief", "ai-hegemony", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf");
    }

    private static String pageText(Path pdf, int page) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        }
    }

    /** The text of the ai-chips brief, built from the project as it is now into dir/out. */
    private String chipsPdfText() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--brief", "ai-chips", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(
                out.resolve("ai-chips/2025-03/ai-chips-2025-03.pdf").toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    /** Where each piece of text that is one of {@code texts} stands: its baseline, top down, in order. */
    private static List<Float> baselines(Path pdf, String... texts) throws IOException {
        List<Float> ys = new java.util.ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String s, List<org.apache.pdfbox.text.TextPosition> at) {
                    if (List.of(texts).contains(s.strip())) {
                        ys.add(at.get(0).getYDirAdj());
                    }
                }
            }.getText(doc);
        }
        return ys.stream().sorted().toList();
    }

    /** The heights of a page's form XObjects: a chart is drawn as one. */
    private static java.util.List<Float> formHeights(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
        var resources = page.getResources();
        java.util.List<Float> heights = new java.util.ArrayList<>();
        for (var name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f) {
                heights.add(f.getBBox().getHeight());
            }
        }
        return heights;
    }

    @Test
    void anEnglishBriefHyphenatesAWordRatherThanSetALooseLine() throws IOException {
        // Detail lines at 16 pt: "…which suits inference" would leave its spaces loose at a space break.
        Path yaml = project.root().resolve("config/briefs/ai-chips.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("\"–\": {size: 9.3,", "\"–\": {size: 16,"));
        String text = chipsPdfText();
        // At a hyphenation point of the word (in-fer-ence), the rest on the next line.
        assertThat(text).containsPattern("suits in-\\R+ference better than training");
    }

    @Test
    void withSeveralBriefsTheBriefMustBeNamed() {
        Cli.Result r = Cli.raw("validate", "--config", project.config().toString(), "-q");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ai-chips", "ai-hegemony", "--brief");
    }

    @Test
    void anUnknownPlaceholderInTheNarrativeFailsValidationAtItsCell() throws IOException {
        project.setCell("본문", "D3", "총 {patents[XX]:#,##0}건");
        Cli.Result r = Cli.run(project, "validate", "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode e = json(r.out()).get("errors").get(0);
        assertThat(e.get("code").asText()).isEqualTo("placeholder-invalid");
        assertThat(e.get("sheet").asText()).isEqualTo("본문");
        assertThat(e.get("cell").asText()).isEqualTo("D3");
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(Cli.run(project, "validate", "--brief", "nope").code()).isEqualTo(2);
        assertThat(Cli.run(project, "build", "--period", "March").code()).isEqualTo(2);
        assertThat(Cli.run(project, "validate", "--format", "xml").code()).isEqualTo(2);
        assertThat(Cli.raw("frobnicate").code()).isEqualTo(2);
    }

    @Test
    void usageMistakesAreToldInTheUsersLanguageWithWhatWasMeant() {
        Cli.Result typo = Cli.raw("valdate");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err())
                .contains("알 수 없는 명령", "'valdate'", "briefpipe validate", "'briefpipe --help'")
                .doesNotContain("Unmatched");
        Cli.Result option = Cli.run(project, "validate", "--max-erors", "3");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("알 수 없는 옵션", "--max-erors", "--max-errors", "'briefpipe validate --help'");
        Cli.Result choice = Cli.run(project, "validate", "--format", "xml");
        assertThat(choice.err()).contains("'xml'", "text, json, html 중 하나");
        Cli.Result number = Cli.run(project, "validate", "--max-errors", "many");
        assertThat(number.code()).isEqualTo(2);
        assertThat(number.err()).contains("--max-errors", "'many'", "정수가 아닙니다");
        Cli.Result lang = Cli.run(project, "validate", "--lang", "fr");
        assertThat(lang.code()).isEqualTo(2);
        assertThat(lang.err()).contains("--lang", "'fr'", "ko, en 중 하나");
        Cli.Result limit = Cli.run(project, "runs", "--limit", "0");
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains("--limit", "'0'", "1 이상");
        assertThat(Cli.run(project, "validate", "--max-errors", "-3").err()).contains("--max-errors", "'-3'", "0 이상");
        assertThat(Cli.run(project, "validate", "--brief").err()).contains("--brief에 값(ID)이 필요합니다");
        Cli.Result en = Cli.raw("--lang", "en", "valdate");
        assertThat(en.code()).isEqualTo(2);
        assertThat(en.err())
                .contains("Unknown command or argument: 'valdate'", "Did you mean", "See 'briefpipe --help'");
        // An option typed as a word, or with one hyphen as java -version is (picocli read it as -v
        // and told of "-ersion"): the word typed, and the option meant.
        assertThat(Cli.raw("version").err()).contains("알 수 없는 명령이나 인수입니다: 'version'", "혹시 이것인가요? --version\n");
        Cli.Result java = Cli.raw("-version");
        assertThat(java.code()).isEqualTo(2);
        assertThat(java.err())
                .contains("알 수 없는 옵션입니다: -version\n", "혹시 이것인가요? --version\n")
                .doesNotContain("-ersion");
        assertThat(Cli.run(project, "validate", "-debug").err()).contains("알 수 없는 옵션입니다: -debug", "--debug");
    }

    @Test
    void inPlaceRefreshOfAnOpenWorkbookExitsThreeAndSaysWhy() throws IOException {
        Files.writeString(project.workbook().resolveSibling(".~lock.ai-hegemony.xlsx#"), "x");
        Cli.Result r = Cli.run(
                project,
                "build",
                "--period",
                "2025-03",
                "--summary",
                "in-place",
                "--out",
                dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("열려 있습니다", ".~lock.ai-hegemony.xlsx#");
    }

    @Test
    void aBriefWhoseConfigRefreshesInPlaceIsBuiltWhileItsWorkbookIsOpenWithTheRefreshInACopy() throws IOException {
        // The config asks for in-place; the analyst left the workbook open in Excel over the weekend.
        project.editConfig("  mode: copy ", "  mode: in-place ");
        Path working = project.workbook();
        byte[] before = Files.readAllBytes(working);
        Files.writeString(working.resolveSibling("~$ai-hegemony.xlsx"), "kim");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path copy = out.resolve("ai-hegemony/2025-03/ai-hegemony.xlsx");
        assertThat(r.out())
                .contains("ai-hegemony.xlsx이(가) 열려 있어(잠금 파일 ~$ai-hegemony.xlsx) 요약 시트를 워크북에 넣지 않고, " + "새로 고친 사본을 "
                        + copy + "에 두었습니다.");
        assertThat(working).hasBinaryContent(before);
        assertThat(copy).isRegularFile();
        assertThat(out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf")).isRegularFile();
        try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(copy.toFile(), null, true)) {
            assertThat(wb.getSheet("요약")).isNotNull();
        }
        // Closed, the next build refreshes the workbook itself.
        Files.delete(working.resolveSibling("~$ai-hegemony.xlsx"));
        Cli.Result again = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("요약 시트를 워크북에 넣지 않고");
        assertThat(Files.readAllBytes(working)).isNotEqualTo(before);
    }

    @Test
    void whatAnAnalystTypedIntoTheSummarySheetIsNamedWhenAnInPlaceRefreshLeavesItOut() throws IOException {
        String[] inPlace = {
            "--period",
            "2025-03",
            "--summary",
            "in-place",
            "--out",
            dir.resolve("out").toString()
        };
        assertThat(Cli.run(project, "build", inPlace).code()).isZero();
        project.setCell("요약", "J2", "내 메모");
        project.setCell("요약", "H7", "확인 필요");
        Cli.Result r = Cli.run(project, "build", inPlace);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("요약 시트 '요약'의 J2, H7에 있던 내용은 새 요약에 없습니다", ".briefpipe-backups");
        // This build's backup, as it names it (two builds in one second share a stamp: "-1" tells them apart).
        Path backup = Path.of(r.out()
                .lines()
                .filter(l -> l.contains("이전 워크북 보관: "))
                .findFirst()
                .orElseThrow()
                .split("이전 워크북 보관: ")[1]
                .strip());
        // Named by the brief's clock (Seoul), as the summary's refresh time is, not the server's.
        java.util.regex.Matcher stamp = java.util.regex.Pattern.compile("\\d{8}-\\d{6}")
                .matcher(backup.getFileName().toString());
        assertThat(stamp.find()).isTrue();
        java.time.LocalDateTime named = java.time.LocalDateTime.parse(
                stamp.group(), java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        assertThat(java.time.Duration.between(named, java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Seoul")))
                        .abs())
                .isLessThan(java.time.Duration.ofMinutes(5));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(backup))) {
            assertThat(wb.getSheet("요약").getRow(1).getCell(9).getStringCellValue())
                    .isEqualTo("내 메모");
        }
        // Nothing typed since: nothing to tell.
        assertThat(Cli.run(project, "build", inPlace).out()).doesNotContain("새 요약에 없습니다");
    }

    @Test
    void scheduleOnceWithoutAMailServerWritesTheOutboxAndExitsZeroForCron() {
        Cli.Result r =
                Cli.raw("schedule", "--once", "--config", project.config().toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("ai-hegemony ", ": 시험 발송(outbox)");
    }

    @Test
    void reportFileIsWrittenAndStdoutSummarises() {
        Path report = dir.resolve("reports/v.json");
        Cli.Result r = Cli.run(project, "validate", "--format", "json", "--report", report.toString());
        assertThat(r.code()).isZero();
        assertThat(report).isRegularFile();
        assertThat(r.out()).contains(report.toString());
    }

    private static JsonNode first(JsonNode report, String code) {
        for (JsonNode e : report.get("errors")) {
            if (e.get("code").asText().equals(code)) {
                return e;
            }
        }
        throw new AssertionError("no " + code + " in " + report);
    }

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    /** {@code build --period 2025-03 --out <dir>/out} on the project. */
    private Cli.Result buildIntoOut() {
        return Cli.run(
                project,
                "build",
                "--period",
                "2025-03",
                "--out",
                dir.resolve("out").toString());
    }
}
