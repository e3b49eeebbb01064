package dev.briefpipe.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.briefpipe.failure.FontNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KoreanFontLocatorTest {
    @TempDir
    Path dir;

    @Test
    void noKoreanFontInstalledSaysWhatWasSearched() {
        KoreanFontLocator none = new KoreanFontLocator(List.of(dir));
        assertThatThrownBy(() -> none.locate(null, null, List.of("NanumGothic", "NotoSansKR"), List.of()))
                .isInstanceOfSatisfying(FontNotFoundException.class, e -> {
                    assertThat(e.file()).isNull();
                    assertThat(e.searched()).containsExactly("NanumGothic", "NotoSansKR");
                });
    }

    @Test
    void aConfiguredFileThatIsNotAFontIsNamed() throws IOException {
        Path bogus = Files.writeString(dir.resolve("Fake.ttf"), "not a font");
        assertThatThrownBy(() ->
                        new KoreanFontLocator(List.of(dir)).locate(bogus, null, List.of("NanumGothic"), List.of()))
                .isInstanceOfSatisfying(
                        FontNotFoundException.class, e -> assertThat(e.file()).isEqualTo(bogus));
    }

    @Test
    void findsAnInstalledKoreanFontWithItsBoldFaceAndFallback() {
        FontSet fonts =
                KoreanFontLocator.system().locate(null, null, List.of("NanumGothic"), List.of("DroidSansFallbackFull"));
        assertThat(fonts.regular().file().getFileName().toString()).isEqualTo("NanumGothic.ttf");
        assertThat(fonts.bold().file().getFileName().toString()).isEqualTo("NanumGothicBold.ttf");
        assertThat(fonts.canDisplay("딥시크 无问芯穹")).isTrue();
        assertThat(fonts.canDisplay("\uD840\uDC00")).isFalse();
    }

    @Test
    void eachLocateLoadsItsOwnFaces() {
        KoreanFontLocator system = KoreanFontLocator.system();
        FontSet one = system.locate(null, null, List.of("NanumGothic"), List.of());
        FontSet two = system.locate(null, null, List.of("NanumGothic"), List.of());
        assertThat(two.regular().file()).isEqualTo(one.regular().file());
        // Subset prefixes are seeded per build: a face shared by two builds would mix their seeds.
        assertThat(two.regular().pdf()).isNotSameAs(one.regular().pdf());
    }
}
