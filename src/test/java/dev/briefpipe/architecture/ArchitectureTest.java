package dev.briefpipe.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The package rules of the pipeline: stages do not know each other; only pipeline composes them. */
class ArchitectureTest {
    private static final String BASE = "dev.briefpipe.";
    private static final List<String> STAGES =
            List.of("load", "validate", "transform", "render", "export", "publish", "deliver");
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.briefpipe");

    @Test
    void stagePackagesNeverImportEachOther() {
        for (String stage : STAGES) {
            for (String other : STAGES) {
                if (!other.equals(stage) && !other.startsWith(stage + ".") && !stage.startsWith(other + ".")) {
                    noClasses()
                            .that()
                            .resideInAPackage(BASE + stage + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(BASE + other + "..")
                            .because("only pipeline orders and composes the stages")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage(BASE + "model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        BASE + "config..",
                        BASE + "pipeline..",
                        BASE + "cli..",
                        BASE + "workbook..",
                        BASE + "validate..",
                        BASE + "transform..",
                        BASE + "render..",
                        BASE + "export..")
                .check(classes);
    }

    @Test
    void nothingButCliDependsOnCli() {
        noClasses()
                .that()
                .resideOutsideOfPackage(BASE + "cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(BASE + "cli..")
                .check(classes);
    }

    @Test
    void stagesDoNotReachBackIntoThePipeline() {
        for (String stage : STAGES) {
            noClasses()
                    .that()
                    .resideInAPackage(BASE + stage + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(BASE + "pipeline..", BASE + "cli..")
                    .check(classes);
        }
    }
}
