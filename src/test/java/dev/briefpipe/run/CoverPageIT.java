package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional cover page: series, title, authors with their units and publisher, on a page of their own. */
class CoverPageIT {
    @TempDir
    Path dir;

    @Test
    void aTitleBlockWithCoverTrueIsAPageOfItsOwn() throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        project.editConfig(
                "{block: title, sheet: meta, authors: authors}",
                "{block: title, sheet: meta, authors: authors, cover: true}");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        try (PDDocument pdf = Loader.loadPDF(
                out.resolve("ai-hegemony/2025-03/ai-hegemony-2025-03.pdf").toFile())) {
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(1);
            page.setEndPage(1);
            String cover = page.getText(pdf);
            assertThat(cover)
                    .contains("글로벌 AI 패권 경쟁 : 중국 동향과 시사점", "서행아", "KISTEP 글로벌R&D혁신센터", "KISTEP 브리프 제175호")
                    .doesNotContain("개요");
            page.setStartPage(2);
            page.setEndPage(2);
            assertThat(page.getText(pdf)).contains("개요");
        }
    }
}
