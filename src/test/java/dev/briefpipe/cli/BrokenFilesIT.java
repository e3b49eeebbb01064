package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.i18n.Messages;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import dev.briefpipe.testing.Zips;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of file that is not a readable workbook: exit 2, one sentence of its own, no stack trace. */
class BrokenFilesIT {
    private static final Set<String> SEEN = new HashSet<>();

    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void copy() throws IOException {
        project = SampleProject.copyInto(dir.resolve("p"));
    }

    @AfterAll
    static void restoreDefaultLimits() {
        dev.briefpipe.load.PoiHardening.apply();
    }

    /** One file of each kind, and the reason its sentence gives. */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("not-a-zip.xlsx", "not-a-workbook"),
                Arguments.of("csv-named.xlsx", "csv"),
                Arguments.of("empty.xlsx", "empty"),
                Arguments.of("truncated.xlsx", "truncated"),
                Arguments.of("encrypted.xlsx", "encrypted"),
                Arguments.of("strict.xlsx", "strict-ooxml"),
                Arguments.of("binary.xlsb", "xlsb"),
                Arguments.of("excel95.xls", "old-format"),
                Arguments.of("opendocument.ods", "ods"),
                Arguments.of("zip-bomb.xlsx", "zip-bomb"),
                Arguments.of("entity-expansion.xlsx", "unsafe-xml"),
                Arguments.of("duplicate-entries.xlsx", "duplicate-entries"),
                Arguments.of("xls-named.xlsx", "wrong-extension"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("brokenFiles")
    void eachBrokenFileExitsTwoWithItsOwnSentence(String name, String reason) throws Exception {
        Path file = fixture(name);
        Cli.Result r = failsWithItsSentence(file, reason);
        assertThat(SEEN.add(r.err().replace(file.toString(), "")))
                .as("message unique to %s", reason)
                .isTrue();
    }

    /** validate on {@code file}: exit 2, one sentence for {@code reason}, no stack trace, the file untouched. */
    private Cli.Result failsWithItsSentence(Path file, String reason) throws Exception {
        byte[] before = Files.readAllBytes(file);
        Cli.Result r = Cli.run(project, "validate", "--workbook", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(expected(reason, file)).doesNotContain("Exception", "\tat ");
        // Korean through and through: no library's English detail inside the sentence.
        assertThat(r.err().replace(file.toString(), ""))
                .doesNotContainPattern("\\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\\b");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        return r;
    }

    /**
     * A sheet saved as text the ways Excel and LibreOffice save it: a CSV in the code page of a Korean
     * Windows, in UTF-8, and "Unicode text" (UTF-16 with its byte-order mark, tab-separated).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x-windows-949", "UTF-8", "x-UTF-16LE-BOM"})
    void aSheetSavedAsTextIsNamedACsv(String charset) throws Exception {
        String separator = charset.contains("UTF-16") ? "\t" : ",";
        String text = String.join(separator, "월", "국가", "수출액") + "\r\n"
                + String.join(separator, "2025-01", "중국", "103.1") + "\r\n";
        Path file = dir.resolve("수출.csv");
        Files.write(file, text.getBytes(java.nio.charset.Charset.forName(charset)));
        failsWithItsSentence(file, "csv");
    }

    /** Hostile packages made from the sample: each refused with its sentence, whatever the file's size. */
    @Test
    void anEntryOutsideThePackageIsRefused() throws Exception {
        Path file = dir.resolve("evil.xlsx");
        Zips.addEntry(project.workbook(), file, "/tmp/evil-abs", "x");
        failsWithItsSentence(file, "unreadable");
    }

    @Test
    void aRowBeyondExcelsGridIsRefusedNamingItsSheet() throws Exception {
        Path file = dir.resolve("row.xlsx");
        Zips.rewrite(
                project.workbook(), file, (name, xml) -> xml.replaceFirst("<row r=\"3\"", "<row r=\"2147483647\""));
        Cli.Result r = failsWithItsSentence(file, "bad-address");
        assertThat(r.err()).contains("!2147483647");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsOpened() throws IOException {
        limits("maxMegabytes: 1");
        Path big = dir.resolve("big.xlsx");
        writeSheetOfNoise(big, 2_500_000);
        Cli.Result r = Cli.run(project, "validate", "--workbook", big.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(expected("too-large", big));
    }

    @Test
    void aPartThatUnpacksOverTheLimitIsRefused() throws IOException {
        limits("maxPartMegabytes: 1");
        Path big = dir.resolve("big-part.xlsx");
        writeSheetOfNoise(big, 3_000_000);
        Cli.Result r = Cli.run(project, "validate", "--workbook", big.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(expected("too-large", big)).contains("> 1 MB");
    }

    @Test
    void withDebugTheCauseIsShown() throws Exception {
        Cli.Result r = Cli.run(
                project, "validate", "--workbook", fixture("truncated.xlsx").toString(), "--debug");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Exception");
    }

    @Test
    void englishMessagesOnRequest() throws Exception {
        Path file = fixture("opendocument.ods");
        Cli.Result r = Cli.run(project, "validate", "--workbook", file.toString(), "--lang", "en");
        assertThat(r.err()).startsWith(Messages.of(Messages.Lang.EN).get("workbook.ods", file, ""));
    }

    private Path fixture(String name) throws URISyntaxException, IOException {
        Path source = Path.of(getClass().getResource("/invalid/" + name).toURI());
        Path copy = dir.resolve(name);
        Files.copy(source, copy);
        return copy;
    }

    /** The Korean message for a reason up to its detail, which varies with the file. */
    private static String expected(String reason, Path file) {
        String full = Messages.of(Messages.Lang.KO).get("workbook." + reason, file, "\u0000");
        int cut = full.indexOf('\u0000');
        return cut < 0 ? full : full.substring(0, cut);
    }

    private void limits(String line) throws IOException {
        Path app = project.config().resolve("briefpipe.yaml");
        String yaml = Files.readString(app);
        String key = line.substring(0, line.indexOf(':'));
        assertThat(yaml).contains("  " + key + ":");
        Files.writeString(app, yaml.replaceFirst("(?m)^  " + key + ":.*$", "  " + line));
    }

    /** A well-formed .xlsx whose one sheet carries {@code bytes} of hard-to-pack text. */
    private static void writeSheetOfNoise(Path file, int bytes) throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) {
            text.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/worksheets/sheet1.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + text
                            + "</t></is></c></row></sheetData></worksheet>");
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
