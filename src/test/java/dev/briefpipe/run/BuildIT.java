package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.config.SummaryMode;
import dev.briefpipe.export.csv.CsvValues;
import dev.briefpipe.failure.WorkbookBusyException;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.SafeWorkbookWriter;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.SheetSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample brief built end to end, and what a reader, a spreadsheet and an analyst find in it. */
class BuildIT {
    private static final Period PERIOD = Period.parse("2025-03");

    @TempDir
    Path dir;

    private SampleProject project;
    private Settings settings;
    private BriefConfig brief;
    private BriefPipeline pipeline;

    @BeforeEach
    void setUp() throws IOException {
        project = SampleProject.copyInto(dir.resolve("project"));
        settings = new ConfigLoader().load(project.config());
        brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
    }

    @Test
    void theGapAfterEveryBulletMarkerIsTheSameThroughoutTheDocument() throws IOException {
        Built built = build(null);
        List<Float> gaps = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            List<org.apache.pdfbox.text.TextPosition> page = new ArrayList<>();
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    page.add(t);
                }

                @Override
                protected void endPage(PDPage p) {
                    // A marker that begins its line, and the first glyph after it on the same line.
                    for (int i = 0; i + 1 < page.size(); i++) {
                        var m = page.get(i);
                        boolean starts = i == 0 || Math.abs(page.get(i - 1).getYDirAdj() - m.getYDirAdj()) > 1;
                        // (a figure's 7.5 pt source and footnote lines are not bullets)
                        if (!starts || !"□○-※".contains(m.getUnicode()) || m.getFontSizeInPt() < 9) {
                            continue;
                        }
                        int j = i + 1;
                        while (j < page.size() && page.get(j).getUnicode().isBlank()) {
                            j++;
                        }
                        float gap =
                                j < page.size() ? page.get(j).getXDirAdj() - (m.getXDirAdj() + m.getWidthDirAdj()) : 0;
                        // (a dash alone in a table cell is not a marker: the next cell is far off)
                        if (j < page.size() && Math.abs(page.get(j).getYDirAdj() - m.getYDirAdj()) < 1 && gap < 12) {
                            gaps.add(gap);
                        }
                    }
                    page.clear();
                }
            }.getText(pdf);
        }
        assertThat(gaps).hasSizeGreaterThan(50);
        float first = gaps.get(0);
        assertThat(gaps).allSatisfy(g -> assertThat(g).isCloseTo(first, org.assertj.core.data.Offset.offset(0.1f)));
    }

    @Test
    void noLineStretchesItsSpacesToMoreThanTwiceTheirNaturalWidth() throws IOException {
        Built built = build(null);
        List<String> loose = new ArrayList<>();
        List<Float> ratios = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            List<org.apache.pdfbox.text.TextPosition> page = new ArrayList<>();
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    page.add(t);
                }

                @Override
                protected void endPage(PDPage p) {
                    // Each space between two glyphs of one line: the gap it makes against its natural width.
                    for (int i = 1; i + 1 < page.size(); i++) {
                        var a = page.get(i - 1);
                        var sp = page.get(i);
                        var b = page.get(i + 1);
                        if (!" ".equals(sp.getUnicode())
                                || a.getUnicode().isBlank()
                                || b.getUnicode().isBlank()
                                || Math.abs(a.getYDirAdj() - b.getYDirAdj()) > 0.5f
                                || a.getFontSizeInPt() != b.getFontSizeInPt()) {
                            // (not one run of text: a heading's number box and its title are two cells)
                            continue;
                        }
                        float gap = b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
                        float ratio = gap / sp.getWidthDirAdj();
                        ratios.add(ratio);
                        if (ratio > 2.05f) {
                            loose.add(String.format(
                                    "p%d '%s %s' %.1f pt (%.2fx)",
                                    getCurrentPageNo(), a.getUnicode(), b.getUnicode(), gap, ratio));
                        }
                    }
                    page.clear();
                }
            }.getText(pdf);
        }
        assertThat(ratios).hasSizeGreaterThan(1000);
        assertThat(loose).isEmpty();
    }

    @Test
    void theSampleFillsItsPagesAndAFigureThePageCannotHoldOpensTheNextTheTextAfterItFillingTheGap() throws IOException {
        Built built = build(null);
        List<Float> fills = new ArrayList<>();
        List<String> firstLines = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            float height = pdf.getPage(0).getMediaBox().getHeight();
            // The text area between the running header and the footer (BriefTheme's margins: 64 and 58 pt).
            float top = 64;
            float bottom = height - 58;
            float[] lowest = {top};
            StringBuilder first = new StringBuilder();
            float[] firstY = {Float.MAX_VALUE};
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    if (t.getYDirAdj() > top && t.getYDirAdj() < bottom) {
                        lowest[0] = Math.max(lowest[0], t.getYDirAdj());
                        if (t.getYDirAdj() < firstY[0] - 1) {
                            firstY[0] = t.getYDirAdj();
                            first.setLength(0);
                        }
                        if (Math.abs(t.getYDirAdj() - firstY[0]) <= 1) {
                            first.append(t.getUnicode());
                        }
                    }
                }

                @Override
                protected void endPage(PDPage p) {
                    fills.add((lowest[0] - top) / (bottom - top));
                    firstLines.add(first.toString());
                    lowest[0] = top;
                    firstY[0] = Float.MAX_VALUE;
                }
            }.getText(pdf);
        }
        // Eight pages of the brief, and the list of publications on a page of its own (a page break).
        assertThat(fills).hasSize(9);
        // No page of the brief's flow ends with a gap an editor would mark: the last page before the
        // break and the last page end where their text does.
        assertThat(fills.subList(0, 7)).allSatisfy(f -> assertThat(f).isGreaterThan(0.85f));
        assertThat(fills.subList(7, 9)).allSatisfy(f -> assertThat(f).isGreaterThan(0.1f));
        // Figure 2 (an hbar chart of ten bars) did not fit under figure 1: it opens page 2, and the
        // bullets its row comes before fill page 1.
        assertThat(firstLines.get(1).replace(" ", "")).startsWith("[그림2]");
    }

    @Test
    void pdfHasEmbeddedSubsetFontsExtractableKoreanBookmarksAndPageNumbers() throws IOException {
        Built built = build(null);
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            PDRectangle a4 = pdf.getPage(0).getMediaBox();
            assertThat(a4.getWidth()).isEqualTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(pdf.getNumberOfPages()).isBetween(6, 12);
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                PDResources res = page.getResources();
                for (var name : res.getFontNames()) {
                    PDFont f = res.getFont(name);
                    fonts.add(f.getName());
                    assertThat(f).isInstanceOf(PDType0Font.class);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    assertThat(f.getName()).as("subset prefix").matches("[A-Z]{6}\\+.*");
                }
            }
            // One family: the shipped Noto CJK faces, no fallback font anywhere.
            assertThat(fonts)
                    .anyMatch(n -> n.endsWith("+NotoSansCJKkr-Regular"))
                    .anyMatch(n -> n.endsWith("+NotoSansCJKkr-Bold"))
                    .anyMatch(n -> n.endsWith("+NotoSerifCJKkr-Regular"))
                    .allMatch(n -> n.matches("[A-Z]{6}\\+Noto(Sans|Serif)CJKkr-(Regular|Bold)"));

            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("딥시크", "38,210", "글로벌 AI 패권 경쟁", "[그림 3]", "〈표 1〉", "참고문헌");
            assertThat(text)
                    .contains("1 / " + pdf.getNumberOfPages(), pdf.getNumberOfPages() + " / " + pdf.getNumberOfPages());
            assertThat(text).doesNotContain("\uFFFD");
            // Readers have no workbook: notes meant for analysts never print.
            assertThat(text.replaceAll("\\s+", "")).doesNotContain("워크북").doesNotContainIgnoringCase("workbook");

            List<String> sections = new ArrayList<>();
            List<String> children = new ArrayList<>();
            for (PDOutlineItem item :
                    pdf.getDocumentCatalog().getDocumentOutline().children()) {
                sections.add(item.getTitle());
                item.children().forEach(c -> children.add(c.getTitle()));
            }
            assertThat(sections)
                    .containsExactly(
                            "1. 개요", "2. 중국의 AI 기술 자립 동향", "3. AI 정책 변화와 추진 전략", "4. 정책적 시사점 및 대응 과제", "정정 내역");
            assertThat(children)
                    .containsExactly(
                            "[그림 1] 생성형 AI 특허 출원 현황",
                            "[그림 2] 생성형 AI 특허 다출원 기업('14~'23)",
                            "[그림 3] 미국과 중국의 주요 거대언어모델 타임라인",
                            "〈표 1〉 중국 대표적 AI 정책(2017~)");
            assertThat(pdf.getDocumentInformation().getSubject()).isEqualTo("KISTEP 혁신정책 175");
            assertThat(pdf.getDocumentInformation()
                            .getCreationDate()
                            .toInstant()
                            .toString())
                    .as("the brief's own date, 2025-03-27 in Seoul")
                    .isEqualTo("2025-03-26T15:00:00Z");

            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("글로벌 AI 패권 경쟁 : 중국 동향과 시사점");
            assertThat(pdf.getDocumentInformation().getAuthor()).isEqualTo("서행아, 주경원");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ko-KR");
        }
    }

    @Test
    void everyNarrativeBulletAppearsInOrder() throws IOException {
        Built built = build(null);
        String text;
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            text = squash(new PDFTextStripper().getText(pdf));
        }
        Table narrative = built.checked().data().table("narrative");
        assertThat(narrative.rows()).hasSizeGreaterThan(80);
        int at = 0;
        for (Row r : narrative.rows()) {
            if (!"□○-※".contains(r.text("level"))) {
                continue; // a row placing a figure or table
            }
            String bullet = squash(r.text("text"));
            int found = text.indexOf(bullet, at);
            assertThat(found)
                    .as("bullet %s (%s) after offset %d", r.get("seq"), r.text("text"), at)
                    .isGreaterThanOrEqualTo(0);
            at = found + bullet.length();
        }
    }

    @Test
    void noBulletEndsOnALineHoldingOnlyAShortWord() throws IOException {
        Built built = build(null);
        List<String> lines;
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            lines = Stream.of(new PDFTextStripper().getText(pdf).split("\\R"))
                    .map(String::strip)
                    .toList();
        }
        int checked = 0;
        for (Row r : built.checked().data().table("narrative").rows()) {
            String[] words = r.text("text").trim().split(" ");
            String last = words[words.length - 1];
            if (words.length > 1 && last.length() <= 4) {
                checked++;
                assertThat(lines)
                        .as("bullet %s ends alone on a line: %s", r.get("seq"), last)
                        .doesNotContain(last);
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void aBuildRemovesWhatBuildsThatDiedLeftAndKeepsALiveBuildsFolder() throws IOException {
        Path briefDir = dir.resolve("out").resolve("ai-hegemony");
        long dead =
                ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1) + 1000;
        Path left = Files.createDirectories(briefDir.resolve(".2025-03.staging-" + dead + "-a"));
        Files.writeString(left.resolve("half.pdf"), "x");
        Path swapped = Files.createDirectories(briefDir.resolve(".2025-02.old-" + dead + "-b"));
        Path live = Files.createDirectories(
                briefDir.resolve(".2025-04.staging-" + ProcessHandle.current().pid() + "-c"));
        build(null);
        assertThat(left).doesNotExist();
        assertThat(swapped).doesNotExist();
        assertThat(live).exists();
        try (var entries = Files.list(briefDir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .filteredOn(n -> n.startsWith(".2025-03"))
                    .isEmpty();
        }
    }

    @Test
    void csvExtractsRoundTripToTheSheets() throws IOException {
        Built built = build(null);
        // Every field of every sheet, as read: the build itself keeps only those its brief uses.
        for (Table t : dev.briefpipe.testing.Validation.validate(project.workbook(), brief)
                .dataset()
                .tables()) {
            Path csv = built.dir().resolve("csv").resolve(t.id() + ".csv");
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String content = new String(bytes, StandardCharsets.UTF_8);
            assertThat(content.split("\n", -1))
                    .allSatisfy(line ->
                            assertThat(line.isEmpty() || line.endsWith("\r")).isTrue());
            List<String> fields = t.fields().stream()
                    .filter(f -> t.columnOf(f).orElse(-1) >= 0)
                    .toList();
            try (InputStream in = BOMInputStream.builder()
                            .setInputStream(Files.newInputStream(csv))
                            .get();
                    Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser parser = CSVFormat.EXCEL
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .get()
                            .parse(reader)) {
                List<CSVRecord> records = parser.getRecords();
                assertThat(records).hasSize(t.rows().size());
                // A template column is followed by the sentence as printed: placeholders filled.
                List<Integer> sheetColumns = new ArrayList<>();
                List<String> headers = parser.getHeaderNames();
                for (int c = 0; c < headers.size(); c++) {
                    if (headers.get(c).endsWith(" (PDF)")) {
                        int col = c;
                        assertThat(records)
                                .allSatisfy(r -> assertThat(r.get(col)).doesNotContain("{"));
                    } else {
                        sheetColumns.add(c);
                    }
                }
                assertThat(headers.size() > sheetColumns.size()).isEqualTo(t.id().equals("narrative"));
                assertThat(sheetColumns).hasSize(fields.size());
                for (int i = 0; i < records.size(); i++) {
                    for (int c = 0; c < fields.size(); c++) {
                        assertThat(CsvValues.restore(records.get(i).get(sheetColumns.get(c))))
                                .as("%s row %d %s", t.id(), i, fields.get(c))
                                .isEqualTo(CsvValues.text(t.rows().get(i).get(fields.get(c))));
                    }
                }
            }
        }
    }

    @Test
    void theDataPackageDescribesEveryExtractAndTheFilesConformToIt() throws IOException {
        Built built = build(null);
        Path csvDir = built.dir().resolve("csv");
        var pkg = Manifest.JSON.readTree(csvDir.resolve("datapackage.json").toFile());
        assertThat(pkg.get("profile").asText()).isEqualTo("tabular-data-package");
        List<String> paths = new ArrayList<>();
        for (var res : pkg.get("resources")) {
            paths.add(res.get("path").asText());
            var dialect = res.get("dialect");
            char delimiter = dialect.get("delimiter").asText().charAt(0);
            CSVFormat f = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get();
            Path file = csvDir.resolve(res.get("path").asText());
            try (InputStream in = BOMInputStream.builder()
                            .setInputStream(Files.newInputStream(file))
                            .get();
                    Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
                    CSVParser parser = f.parse(reader)) {
                List<String> names = new ArrayList<>();
                res.get("schema")
                        .get("fields")
                        .forEach(x -> names.add(x.get("name").asText()));
                assertThat(parser.getHeaderNames()).as(file.toString()).isEqualTo(names);
                for (CSVRecord rec : parser) {
                    for (var field : res.get("schema").get("fields")) {
                        String v = rec.get(field.get("name").asText());
                        if (v.isEmpty()) {
                            assertThat(field.path("constraints")
                                            .path("required")
                                            .asBoolean())
                                    .as(field + " in " + file)
                                    .isFalse();
                            continue;
                        }
                        switch (field.get("type").asText()) {
                            case "integer" -> Long.parseLong(v);
                            case "number" -> new java.math.BigDecimal(v);
                            case "date" -> java.time.LocalDate.parse(v);
                            case "yearmonth" -> java.time.YearMonth.parse(v);
                            case "year" -> assertThat(v).matches("\\d{4}");
                            default -> assertThat(field.get("type").asText()).isEqualTo("string");
                        }
                        if (field.path("constraints").has("enum")) {
                            List<String> allowed = new ArrayList<>();
                            field.get("constraints").get("enum").forEach(x -> allowed.add(x.asText()));
                            assertThat(allowed).as(field.get("name").asText()).contains(v);
                        }
                    }
                }
            }
        }
        assertThat(paths).contains("patents.csv", "genai-patent-families-by-country.csv", "llm-timeline-china.tsv");
    }

    @Test
    void manifestListsInputsAndOutputsWithHashes() throws IOException {
        Built built = build(null);
        var m = Manifest.JSON.readTree(built.dir().resolve("manifest.json").toFile());
        assertThat(m.get("brief").asText()).isEqualTo("ai-hegemony");
        assertThat(m.get("validation").get("valid").asBoolean()).isTrue();
        assertThat(m.get("inputs").get(0).get("sha256").asText()).isEqualTo(FileHashes.sha256(project.workbook()));
        for (var o : m.get("outputs")) {
            Path file = built.dir().resolve(o.get("path").asText());
            assertThat(FileHashes.sha256(file))
                    .as(o.get("path").asText())
                    .isEqualTo(o.get("sha256").asText());
            assertThat(Files.size(file)).isEqualTo(o.get("size").asLong());
        }
        assertThat(m.get("outputs"))
                .anySatisfy(o -> assertThat(o.get("kind").asText()).isEqualTo("pdf"));
        assertThat(m.get("durationsMs").get("pdf").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void copyModeLeavesTheWorkbookAloneAndWritesALiveSummaryIntoTheOutput() throws IOException {
        String before = FileHashes.sha256(project.workbook());
        Map<String, Map<String, String>> sheetsBefore = SheetSnapshot.of(project.workbook(), "요약");
        Built built = build(SummaryMode.COPY);
        assertThat(FileHashes.sha256(project.workbook())).isEqualTo(before);
        Path copy = built.dir().resolve("ai-hegemony.xlsx");
        assertThat(SheetSnapshot.of(copy, "요약")).isEqualTo(sheetsBefore);
        assertSummary(copy, built.checked().figures());
    }

    @Test
    void inPlaceRefreshKeepsEveryOtherSheetAndABackup() throws IOException {
        // A workbook private to its analysts' group: the refresh and its backup keep it so, and the backups'
        // folder takes the access of the folder the workbook is in.
        var access = Files.getFileAttributeView(project.workbook(), PosixFileAttributeView.class);
        access.setPermissions(PosixFilePermissions.fromString("rw-r-----"));
        var folder = Files.getFileAttributeView(project.workbook().getParent(), PosixFileAttributeView.class);
        folder.setPermissions(PosixFilePermissions.fromString("rwxrwx---"));
        if ("root".equals(System.getProperty("user.name"))) {
            var names = project.workbook().getFileSystem().getUserPrincipalLookupService();
            access.setOwner(names.lookupPrincipalByName("nobody"));
            access.setGroup(names.lookupPrincipalByGroupName("daemon"));
            folder.setGroup(names.lookupPrincipalByGroupName("daemon"));
        }
        PosixFileAttributes before = access.readAttributes();
        byte[] original = Files.readAllBytes(project.workbook());
        Map<String, Map<String, String>> sheetsBefore = SheetSnapshot.of(project.workbook(), "요약");
        Built built = build(SummaryMode.IN_PLACE);
        assertThat(built.summaryBackup()).isPresent();
        assertThat(Files.readAllBytes(built.summaryBackup().get())).isEqualTo(original);
        for (Path f : List.of(project.workbook(), built.summaryBackup().get())) {
            PosixFileAttributes now = Files.readAttributes(f, PosixFileAttributes.class);
            assertThat(now.permissions()).as(f.toString()).isEqualTo(before.permissions());
            assertThat(now.owner()).as(f.toString()).isEqualTo(before.owner());
            assertThat(now.group()).as(f.toString()).isEqualTo(before.group());
        }
        PosixFileAttributes backups = Files.readAttributes(
                project.workbook().resolveSibling(SafeWorkbookWriter.BACKUP_DIR), PosixFileAttributes.class);
        assertThat(backups.permissions()).isEqualTo(PosixFilePermissions.fromString("rwxrwx---"));
        assertThat(backups.group()).isEqualTo(folder.readAttributes().group());
        assertThat(SheetSnapshot.of(project.workbook(), "요약")).isEqualTo(sheetsBefore);
        assertSummary(project.workbook(), built.checked().figures());

        Map<String, String> summaryOnce = summaryWithoutTimestamp(project.workbook());
        project.setCell("특허_발명자국가", "D3", 6277);
        Built again = build(SummaryMode.IN_PLACE);
        assertThat(again.summaryBackup())
                .isPresent()
                .get()
                .isNotEqualTo(built.summaryBackup().get());
        assertThat(summaryWithoutTimestamp(project.workbook())).isNotEqualTo(summaryOnce);
    }

    @Test
    void aWorkbookWithLastPeriodsVeryDataIsToldSoThoughItsSummaryWasRefreshedInPlaceOrItWasResaved()
            throws IOException {
        String read = FileHashes.sha256(project.workbook());
        pipeline.build(brief, project.workbook(), PERIOD, settings.outputDir(), SummaryMode.IN_PLACE);
        // The build refreshed its summary sheet: a new file, but March's data as it was.
        assertThat(FileHashes.sha256(project.workbook())).isNotEqualTo(read);
        assertThat(unchangedSince(Period.parse("2025-04"))).containsExactly("2025-03");
        // Opened and saved again as it was (as a spreadsheet program does): still March's data.
        String refreshed = FileHashes.sha256(project.workbook());
        SampleProject.append(project.workbook(), "특허_발명자국가", List.of());
        assertThat(FileHashes.sha256(project.workbook())).isNotEqualTo(refreshed);
        assertThat(unchangedSince(Period.parse("2025-04"))).containsExactly("2025-03");
        // One value of April's: April's data has begun to come in.
        project.setCell("특허_발명자국가", "D3", 6277);
        assertThat(unchangedSince(Period.parse("2025-04"))).isEmpty();
    }

    @Test
    void aBriefDatedBeforeItsPeriodIsToldAtTheDateCellOnceAPeriodIsPublished() throws IOException {
        // The sample is dated 2025-03-27. With nothing published, it is the example brief, whatever the
        // period; right for March.
        assertThat(findings(Period.parse("2025-04"), FindingCode.DATE_BEFORE_PERIOD))
                .isEmpty();
        pipeline.build(brief, project.workbook(), PERIOD, settings.outputDir(), SummaryMode.OFF);
        assertThat(findings(Period.parse("2025-03"), FindingCode.DATE_BEFORE_PERIOD))
                .isEmpty();
        // March published and its very data for April: that is the one finding, not its date as well.
        assertThat(findings(Period.parse("2025-04"), FindingCode.DATE_BEFORE_PERIOD))
                .isEmpty();
        assertThat(findings(Period.parse("2025-04"), FindingCode.WORKBOOK_UNCHANGED))
                .hasSize(1);
        // April's data typed into March's workbook, last issue's date left as it was.
        project.setCell("특허_발명자국가", "D3", 6277);
        assertThat(findings(Period.parse("2025-04"), FindingCode.DATE_BEFORE_PERIOD))
                .extracting(f -> f.at().excel(), f -> f.severity(), f -> f.args())
                .containsExactly(tuple("'브리프정보'!D2", Severity.WARNING, List.of("2025-04")));
    }

    @Test
    void anIssueNumberedAndDatedAsTheLastOneIsToldAtItsCellsThoughItIsNotBeforeItsPeriod() throws IOException {
        // March's brief published early in April, as a monthly brief often is.
        project.setCell("브리프정보", "D2", java.time.LocalDate.of(2025, 4, 3));
        pipeline.build(brief, project.workbook(), PERIOD, settings.outputDir(), SummaryMode.OFF);
        // April's data typed into March's workbook, its number and date left as they were.
        project.setCell("특허_발명자국가", "D3", 6277);
        assertThat(findings(Period.parse("2025-04"), FindingCode.DATE_BEFORE_PERIOD))
                .isEmpty();
        assertThat(findings(Period.parse("2025-04"), FindingCode.ISSUE_REPEATED))
                .extracting(f -> f.at().excel(), f -> f.severity(), f -> f.value(), f -> f.args())
                .containsExactly(
                        tuple("'브리프정보'!B2", Severity.WARNING, "175", List.of("2025-03")),
                        tuple("'브리프정보'!D2", Severity.WARNING, "2025-04-03", List.of("2025-03")));
        project.setCell("브리프정보", "B2", 176);
        assertThat(findings(Period.parse("2025-04"), FindingCode.ISSUE_REPEATED))
                .extracting(f -> f.at().excel())
                .containsExactly("'브리프정보'!D2");
        project.setCell("브리프정보", "D2", java.time.LocalDate.of(2025, 5, 2));
        assertThat(findings(Period.parse("2025-04"), FindingCode.ISSUE_REPEATED))
                .isEmpty();
        // March itself, built again, is not compared with itself.
        project.setCell("브리프정보", "B2", 175);
        assertThat(findings(PERIOD, FindingCode.ISSUE_REPEATED)).isEmpty();
    }

    private List<Finding> findings(Period period, FindingCode code) {
        return pipeline.check(brief, project.workbook(), period).report().findings().stream()
                .filter(f -> f.code() == code)
                .toList();
    }

    /** The period whose workbook {@code period}'s check finds this one to be, if any. */
    private List<Object> unchangedSince(Period period) {
        return pipeline.check(brief, project.workbook(), period).report().findings().stream()
                .filter(f -> f.code() == FindingCode.WORKBOOK_UNCHANGED)
                .map(f -> f.args().get(0))
                .toList();
    }

    @Test
    void inPlaceRefreshThroughALinkRefreshesTheLinkedWorkbookAndKeepsTheLink() throws IOException {
        Path shared = Files.createDirectories(dir.resolve("share")).resolve("AI 패권 2025.xlsx");
        Files.move(project.workbook(), shared);
        Files.createSymbolicLink(project.workbook(), shared);
        Built built = build(SummaryMode.IN_PLACE);
        assertThat(project.workbook()).isSymbolicLink();
        assertThat(Files.readSymbolicLink(project.workbook())).isEqualTo(shared);
        assertSummary(shared, built.checked().figures());
        assertThat(built.summaryBackup())
                .get()
                .satisfies(
                        b -> assertThat(b.getParent()).isEqualTo(shared.resolveSibling(SafeWorkbookWriter.BACKUP_DIR)));
    }

    @Test
    void inPlaceRefreshLeavesAWorkbookMarkedReadOnly() throws IOException {
        Files.setPosixFilePermissions(project.workbook(), PosixFilePermissions.fromString("r--r--r--"));
        String before = FileHashes.sha256(project.workbook());
        assertThatThrownBy(() -> build(SummaryMode.IN_PLACE))
                .isInstanceOfSatisfying(
                        WorkbookBusyException.class, e -> assertThat(e.reason()).isEqualTo("read-only"));
        assertThat(FileHashes.sha256(project.workbook())).isEqualTo(before);
        assertThat(project.workbook().resolveSibling(SafeWorkbookWriter.BACKUP_DIR))
                .doesNotExist();
    }

    @Test
    void inPlaceRefreshIsRefusedWhileTheWorkbookIsOpenAndNothingIsPublished() throws IOException {
        Path lock = project.workbook().resolveSibling("~$ai-hegemony.xlsx");
        Files.writeString(lock, "owner");
        String before = FileHashes.sha256(project.workbook());
        assertThatThrownBy(() -> build(SummaryMode.IN_PLACE)).isInstanceOfSatisfying(WorkbookBusyException.class, e -> {
            assertThat(e.reason()).isEqualTo("locked");
            assertThat(e.lockFile()).isEqualTo(lock);
        });
        assertThat(FileHashes.sha256(project.workbook())).isEqualTo(before);
        assertThat(dir.resolve("out").resolve("ai-hegemony"))
                .satisfiesAnyOf(
                        p -> assertThat(p).doesNotExist(),
                        p -> assertThat(Files.list(p)
                                        .filter(x -> !x.getFileName().toString().startsWith(".")))
                                .isEmpty());
    }

    @Test
    void workbookChangedAfterReadingIsNotOverwritten() throws IOException {
        SafeWorkbookWriter safe = new SafeWorkbookWriter(3, java.time.ZoneId.of("Asia/Seoul"));
        String read = FileHashes.sha256(project.workbook());
        SampleProject.edit(project.workbook(), "지표", "C2", 54001);
        assertThatThrownBy(() -> safe.replace(project.workbook(), read, new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(
                        WorkbookBusyException.class, e -> assertThat(e.reason()).isEqualTo("changed"));
        assertThat(Files.size(project.workbook())).isGreaterThan(3);
    }

    @Test
    void rebuildingAPeriodReplacesItWhole() throws IOException {
        Built first = build(null);
        Path stray = first.dir().resolve("stray.txt");
        Files.writeString(stray, "left from before");
        Built second = build(null);
        assertThat(second.dir()).isEqualTo(first.dir());
        assertThat(stray).doesNotExist();
        assertThat(Files.list(second.dir().getParent()).map(p -> p.getFileName().toString()))
                .containsExactly("2025-03");
    }

    private void assertSummary(Path workbook, Map<String, KeyFigure> figures) throws IOException {
        try (InputStream in = Files.newInputStream(workbook);
                Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("요약");
            assertThat(s).isNotNull();
            int r = 4;
            for (KeyFigure f : figures.values()) {
                Cell value = s.getRow(r++).getCell(1);
                assertThat(value.getCellType()).as(f.id()).isEqualTo(CellType.FORMULA);
                assertThat(value.getNumericCellValue())
                        .as(f.id() + " = " + value.getCellFormula())
                        .isCloseTo(
                                f.value().doubleValue(),
                                org.assertj.core.data.Offset.offset(
                                        1e-9 * Math.max(1, f.value().abs().doubleValue())));
            }
            assertThat(figures.get("cn_us_ratio").value().doubleValue())
                    .isCloseTo(6.088, org.assertj.core.data.Offset.offset(0.001));
        }
    }

    /** The summary sheet as a snapshot, without the refresh-time cell (A2). */
    private static Map<String, String> summaryWithoutTimestamp(Path workbook) throws IOException {
        Map<String, String> all = new java.util.HashMap<>();
        SheetSnapshot.of(workbook, "").get("요약").forEach(all::put);
        all.remove("A2");
        return all;
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aMonthATableGivesNoFormatPrintsAsTheBriefWritesDatesNotAsIso() throws IOException {
        // Without the layout's formats, 〈표 1〉 printed its months 2017-12: an editor's first mark.
        project.editConfig("    formats: {month: \"yyyy.M.\"}\n", "");
        assertThat(textBuiltFromTheConfig())
                .contains("구분 시기 정책명 산업 발전계획 2017.12. ")
                .doesNotContain("2017-12");
        // The brief's style may say otherwise for all its tables, a month's name in the brief's language.
        project.editConfig("  body: 10.5 ", "  monthFormat: \"yyyy년 MMMM\"\n  body: 10.5 ");
        assertThat(textBuiltFromTheConfig()).contains("구분 시기 정책명 산업 발전계획 2017년 12월 ");
    }

    private String textBuiltFromTheConfig() throws IOException {
        Settings edited = new ConfigLoader().load(project.config());
        Built built = new BriefPipeline(edited, ProgressListener.NONE, new FontsFromConfig(edited))
                .build(
                        edited.findBrief(SampleProject.BRIEF).orElseThrow(),
                        project.workbook(),
                        PERIOD,
                        dir.resolve("edited"),
                        null);
        try (PDDocument pdf = Loader.loadPDF(built.pdf().toFile())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    private Built build(SummaryMode mode) throws IOException {
        return pipeline.build(brief, project.workbook(), PERIOD, dir.resolve("out"), mode);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }
}
