package dev.briefpipe.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every package in its place, as docs/architecture.md describes it: what each may import of ours, and
 * which libraries stay where they belong. Stage packages never import each other; only run composes them.
 */
class ArchitectureTest {
    private static final String BASE = "dev.briefpipe.";

    /** Each package and the packages of ours it may use (beside itself). */
    private static final Map<String, Set<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("model", Set.of());
        MAY_USE.put("i18n", Set.of());
        MAY_USE.put("io", Set.of());
        MAY_USE.put("failure", Set.of("model", "i18n"));
        MAY_USE.put("expr", Set.of("model", "i18n"));
        MAY_USE.put("config", Set.of("model", "failure", "expr"));
        MAY_USE.put("load", Set.of("model", "failure", "io"));
        MAY_USE.put("validate", Set.of("model", "config", "expr", "i18n"));
        MAY_USE.put("transform", Set.of("model", "config", "expr", "i18n"));
        MAY_USE.put("render", Set.of("model", "config", "failure", "i18n"));
        MAY_USE.put("export", Set.of("model", "config", "expr", "failure", "i18n", "io"));
        MAY_USE.put("publish", Set.of("model", "failure", "io"));
        MAY_USE.put("deliver", Set.of("model", "config", "failure", "i18n", "io", "store"));
        MAY_USE.put("store", Set.of("model", "config", "failure", "i18n"));
        MAY_USE.put(
                "run",
                Set.of(
                        "model",
                        "config",
                        "failure",
                        "i18n",
                        "io",
                        "load",
                        "validate",
                        "transform",
                        "render",
                        "export",
                        "publish",
                        "deliver",
                        "store"));
        MAY_USE.put("schedule", Set.of("model", "config", "failure", "i18n", "run", "store"));
        MAY_USE.put(
                "console",
                Set.of(
                        "model",
                        "config",
                        "failure",
                        "i18n",
                        "io",
                        "run",
                        "store",
                        "schedule",
                        "deliver",
                        "export",
                        "publish"));
    }

    // Imported once for all three rules: reading the classes is most of the time.
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.briefpipe");

    @Test
    void eachPackageUsesOnlyWhatItMay() {
        List<String> all = List.copyOf(MAY_USE.keySet());
        MAY_USE.forEach((pkg, allowed) -> {
            Set<String> forbidden = all.stream()
                    .filter(p -> !p.equals(pkg) && !allowed.contains(p))
                    .collect(Collectors.toSet());
            forbidden.add("cli");
            noClasses()
                    .that()
                    .resideInAPackage(BASE + pkg + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            forbidden.stream().map(p -> BASE + p + "..").toArray(String[]::new))
                    .because(pkg + " may use only " + allowed)
                    .check(classes);
        });
    }

    @Test
    void stagePackagesNeverImportEachOther() {
        List<String> stages = List.of("csv", "summary", "report", "template");
        for (String stage : stages) {
            for (String other : stages) {
                if (!other.equals(stage)) {
                    noClasses()
                            .that()
                            .resideInAPackage(BASE + "export." + stage + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage(BASE + "export." + other + "..")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void librariesStayWhereTheyBelong() {
        only("org.quartz..", "schedule", "store");
        only("jakarta.mail..", "deliver", "run");
        only("org.eclipse.angus..", "deliver");
        only("com.lowagie..", "render");
        only("org.jfree..", "render");
        only("org.flywaydb..", "store");
        only("com.zaxxer..", "store");
        only("org.apache.commons.csv..", "export");
        only("com.fasterxml.aalto..", "load");
        only("picocli..", "cli");
        only("ch.qos.logback..", "cli");
        only("io.javalin..", "console");
        only("gg.jte..", "io");
        only("org.eclipse.jetty..", "console");
        only("org.springframework.security..", "store");
        noClasses()
                .that()
                .resideInAPackage(BASE + "config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.quartz..", "jakarta.mail..", "org.apache.poi..")
                .check(classes);
    }

    private void only(String library, String... packages) {
        noClasses()
                .that()
                .resideOutsideOfPackages(java.util.Arrays.stream(packages)
                        .map(p -> BASE + p + "..")
                        .toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(library)
                .check(classes);
    }
}
