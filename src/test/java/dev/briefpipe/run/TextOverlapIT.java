package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.Cli;
import dev.briefpipe.testing.SampleProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No two pieces of text on any page of either sample brief overlap: figure labels, axis ticks, lane
 * names and legends included (read back as PDFBox text positions, each glyph a box).
 */
class TextOverlapIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ai-hegemony", "ai-chips"})
    void noGlyphOverlapsAnotherAnywhereInTheBrief(String brief) throws IOException {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(project, "build", "--brief", brief, "--period", "2025-03", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path pdf;
        try (var files = java.nio.file.Files.list(out.resolve(brief + "/2025-03"))) {
            pdf = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        List<String> overlaps = new ArrayList<>();
        int[] glyphs = {0};
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<TextPosition> page = new ArrayList<>();
            new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    if (!t.getUnicode().isBlank()) {
                        page.add(t);
                    }
                }

                @Override
                protected void endPage(PDPage p) {
                    glyphs[0] += page.size();
                    for (int i = 0; i < page.size(); i++) {
                        for (int j = i + 1; j < page.size(); j++) {
                            if (overlap(page.get(i), page.get(j))) {
                                overlaps.add(String.format(
                                        "p%d '%s' and '%s' at %.0f,%.0f",
                                        getCurrentPageNo(),
                                        page.get(i).getUnicode(),
                                        page.get(j).getUnicode(),
                                        page.get(i).getXDirAdj(),
                                        page.get(i).getYDirAdj()));
                            }
                        }
                    }
                    page.clear();
                }
            }.getText(doc);
        }
        assertThat(glyphs[0]).isGreaterThan(500);
        assertThat(overlaps).isEmpty();
    }

    /** Glyph boxes from the baseline up to 70 % of the size, a hair narrower than their advance. */
    private static boolean overlap(TextPosition a, TextPosition b) {
        float ax0 = a.getXDirAdj() + 0.3f;
        float ax1 = a.getXDirAdj() + a.getWidthDirAdj() - 0.3f;
        float bx0 = b.getXDirAdj() + 0.3f;
        float bx1 = b.getXDirAdj() + b.getWidthDirAdj() - 0.3f;
        float ay1 = a.getYDirAdj();
        float ay0 = ay1 - 0.7f * a.getFontSizeInPt();
        float by1 = b.getYDirAdj();
        float by0 = by1 - 0.7f * b.getFontSizeInPt();
        return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1;
    }
}
