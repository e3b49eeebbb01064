package dev.briefpipe.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.config.ConfigLoader;
import dev.briefpipe.config.Settings;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Period;
import dev.briefpipe.testing.SampleProject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** The brief is PDF/A-1b by an independent validator, and the same input gives the same bytes. */
class ArchivalPdfIT {
    @TempDir
    Path dir;

    @Test
    void briefIsPdfA1bAndReproducible() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Settings settings = new ConfigLoader().load(project.config());
        BriefPipeline pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
        var brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        Built first = pipeline.build(brief, project.workbook(), Period.parse("2025-03"), dir.resolve("a"), null);
        Built second = pipeline.build(brief, project.workbook(), Period.parse("2025-03"), dir.resolve("b"), null);
        assertThat(FileHashes.sha256(second.pdf())).isEqualTo(FileHashes.sha256(first.pdf()));

        VeraGreenfieldFoundryProvider.initialise();
        try (InputStream in = Files.newInputStream(first.pdf());
                PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_1_B);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            String failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() != org.verapdf.pdfa.results.TestAssertion.Status.PASSED)
                    .map(a -> a.getRuleId().getClause() + " " + a.getMessage())
                    .distinct()
                    .collect(Collectors.joining("\n"));
            assertThat(result.isCompliant()).as(failures).isTrue();
        }
    }

    @Test
    void aChangedWorkbookGivesADifferentPdf() throws Exception {
        SampleProject project = SampleProject.copyInto(dir.resolve("p"));
        Settings settings = new ConfigLoader().load(project.config());
        BriefPipeline pipeline = new BriefPipeline(settings, ProgressListener.NONE, new FontsFromConfig(settings));
        var brief = settings.findBrief(SampleProject.BRIEF).orElseThrow();
        Built first = pipeline.build(brief, project.workbook(), Period.parse("2025-03"), dir.resolve("a"), null);
        project.setCell("특허_발명자국가", "D8", 709);
        Built second = pipeline.build(brief, project.workbook(), Period.parse("2025-03"), dir.resolve("b"), null);
        assertThat(FileHashes.sha256(second.pdf())).isNotEqualTo(FileHashes.sha256(first.pdf()));
    }
}
