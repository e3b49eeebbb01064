package dev.briefpipe.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A source file a maintainer reads in one sitting: none under src/main over 300 lines. */
class SourceFilesTest {
    private static final int MAX_LINES = 300;

    @Test
    void noMainSourceFileIsLongerThan300Lines() throws IOException {
        List<String> over;
        try (Stream<Path> files = Files.walk(Path.of("src", "main"))) {
            over = files.filter(
                            p -> p.toString().endsWith(".java") || p.toString().endsWith(".jte"))
                    .filter(p -> lines(p) > MAX_LINES)
                    .map(p -> p + ": " + lines(p) + " lines")
                    .toList();
        }
        assertThat(over).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
