package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The brief's policy for unverified rows the PDF prints: warn, block or footnote. */
class EditorialPolicyIT {
    private static final String SHIPPED = "policy: footnote";

    @TempDir
    Path dir;

    private SampleProject project;

    @BeforeEach
    void setUp() throws IOException {
        project = SampleProject.copyInto(dir.resolve("p"));
    }

    @Test
    void underWarnEachUnverifiedPrintedRowIsAWarningAtItsStatusCell() throws IOException {
        project.editConfig(SHIPPED, "policy: warn");
        Cli.Result r = Cli.run(project, "validate", "--format", "json");
        assertThat(r.code()).isZero();
        List<String> at = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(r.out()).path("errors")) {
            if ("unverified-printed".equals(f.path("code").asText())) {
                assertThat(f.path("severity").asText()).isEqualTo("warning");
                at.add(f.path("sheet").asText() + "!" + f.path("cell").asText());
            }
        }
        // The six timeline dates from memory and the two policies the sample marks 미확인.
        assertThat(at)
                .containsExactly(
                        "LLM_타임라인!H25",
                        "LLM_타임라인!H30",
                        "LLM_타임라인!H31",
                        "LLM_타임라인!H32",
                        "LLM_타임라인!H33",
                        "LLM_타임라인!H35",
                        "정책!F4",
                        "정책!F6");
        Cli.Result text = Cli.run(project, "validate");
        assertThat(text.out()).contains("'Grok 3'의 검증 상태가 '미확인'인데 PDF의 「미국과 중국의 주요 거대언어모델 타임라인」에 실립니다");
    }

    @Test
    void underBlockNothingIsBuilt() throws IOException {
        project.editConfig(SHIPPED, "policy: block");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("H25", "unverified-printed");
        assertThat(out.resolve("ai-hegemony/2025-03")).doesNotExist();
    }

    @Test
    void underFootnoteThePdfNamesTheUnverifiedRowsUnderTheirFigureAndTable() throws IOException {
        Path out = dir.resolve("out");
        Cli.Result v = Cli.run(project, "validate", "--format", "json");
        assertThat(new ObjectMapper().readTree(v.out()).path("errors").findValuesAsText("code"))
                .doesNotContain("unverified-printed");
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text;
        try (PDDocument pdf = Loader.loadPDF(
                out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf").toFile())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text)
                .contains("※ 출처 확인 중인 항목: Gemini 2.0 Flash, Grok 3, Claude 3.7 Sonnet, QwQ-Max-Preview, GPT-4.5,")
                .contains("※ 출처 확인 중인 항목: 차세대 인공지능 시범 응용 사례 지원 방안, 국가 차세대 인공지능 표준화 체계 구축 지침");
    }
}
