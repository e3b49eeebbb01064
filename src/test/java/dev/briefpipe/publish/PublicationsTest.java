package dev.briefpipe.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.model.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationsTest {
    @TempDir
    Path root;

    @Test
    void periodsAreTheFoldersNamedAsAMonthWithAManifestNewestFirst() throws IOException {
        for (String folder : new String[] {"2024-11", "2025-03", "2025-13", "notes"}) {
            Files.createDirectories(root.resolve("b").resolve(folder));
            Files.writeString(root.resolve("b").resolve(folder).resolve(Publications.MANIFEST), "{}");
        }
        Files.createDirectories(root.resolve("b/2025-04")); // a build that never published
        Files.createDirectories(root.resolve("b/2024-12").resolve(Publications.MANIFEST)); // not a file

        assertThat(new Publications(root).periods("b"))
                .containsExactly(Period.parse("2025-03"), Period.parse("2024-11"));
        assertThat(new Publications(root).periods("never-built")).isEmpty();
    }
}
