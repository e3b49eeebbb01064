package dev.briefpipe.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aCrashBetweenWriteAndMoveLeavesTheOriginalIntactAndNoTempBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("work.xlsx"), "the analyst's edits");
        assertThatThrownBy(() -> AtomicFiles.write(target, "new content".getBytes(), () -> {
                    throw new IllegalStateException("power cut");
                }))
                .hasMessage("power cut");
        assertThat(Files.readString(target)).isEqualTo("the analyst's edits");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("work.xlsx");
        }
    }

    @Test
    void writeReplacesWholeAndCreatesFolders() throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicFiles.write(target, "one".getBytes());
        AtomicFiles.write(target, "two".getBytes());
        assertThat(Files.readString(target)).isEqualTo("two");
    }
}
