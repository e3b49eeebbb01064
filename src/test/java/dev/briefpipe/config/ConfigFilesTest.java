package dev.briefpipe.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon knows which config files were edited, added or removed since it read them. */
class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void theFilesEditedAddedOrRemovedSinceTheLoadAreNamed() throws Exception {
        SampleProject p = SampleProject.copyInto(dir);
        Settings settings = new ConfigLoader().load(p.config());
        Path app = p.config().resolve("briefpipe.yaml");
        Path hegemony = p.config().resolve("briefs/ai-hegemony.yaml");
        Path chips = p.config().resolve("briefs/ai-chips.yaml");
        assertThat(settings.files().changed()).isEmpty();

        // Saved again as it was: no change.
        Files.write(hegemony, Files.readAllBytes(hegemony));
        assertThat(settings.files().changed()).isEmpty();

        Files.writeString(hegemony, Files.readString(hegemony).replace("  to: [", "  to: [minister@example.org, "));
        Files.writeString(app, "\nbackups: 3\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(chips);
        Files.writeString(p.config().resolve("briefs/new.yml"), "id: new\n");
        Files.writeString(p.config().resolve("briefs/notes.txt"), "not a brief\n");
        assertThat(settings.files().changed())
                .containsExactly(
                        app.toAbsolutePath().normalize(),
                        chips.toAbsolutePath().normalize(),
                        hegemony.toAbsolutePath().normalize(),
                        p.config().resolve("briefs/new.yml").toAbsolutePath().normalize());
    }
}
