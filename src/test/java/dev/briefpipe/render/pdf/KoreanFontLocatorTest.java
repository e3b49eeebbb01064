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
    void withNothingNamedTheShippedFamilyCoversHangulHanjaAndSimplifiedChinese() {
        FontSet fonts = new KoreanFontLocator(List.of(dir)).locate("", "", "", List.of());
        assertThat(fonts.regular().name()).isEqualTo(KoreanFontLocator.SANS);
        assertThat(fonts.bold().name()).isEqualTo(KoreanFontLocator.SANS_BOLD);
        assertThat(fonts.serif().name()).isEqualTo(KoreanFontLocator.SERIF);
        // Every face has the whole word: a Chinese name is never set in two fonts.
        for (FontSet.Face f : List.of(fonts.regular(), fonts.bold(), fonts.serif())) {
            assertThat("딥시크平头哥无问芯穹中國「」‘’“”□○·※".codePoints()).as(f.name()).allMatch(f::has);
        }
        assertThat(fonts.canDisplay("\uD840\uDC00")).isFalse();
    }

    @Test
    void aNamedFontThatIsNotInstalledIsNamed() {
        KoreanFontLocator none = new KoreanFontLocator(List.of(dir));
        assertThatThrownBy(() -> none.locate("NoSuchFont", "", "", List.of()))
                .isInstanceOfSatisfying(
                        FontNotFoundException.class, e -> assertThat(e.font()).isEqualTo("NoSuchFont"));
    }

    @Test
    void aConfiguredFileThatIsNotAFontIsNamed() throws IOException {
        Path bogus = Files.writeString(dir.resolve("Fake.ttf"), "not a font");
        assertThatThrownBy(() -> new KoreanFontLocator(List.of(dir)).locate("", "", bogus.toString(), List.of()))
                .isInstanceOfSatisfying(
                        FontNotFoundException.class, e -> assertThat(e.font()).isEqualTo("Fake.ttf"));
    }

    @Test
    void anInstalledFontCanBeNamedWithItsBoldFaceBesideIt() throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        for (String face : List.of("NotoSansCJKkr-Regular-subset.ttf", "NotoSansCJKkr-Bold-subset.ttf")) {
            try (var in = KoreanFontLocator.class.getResourceAsStream("/dev/briefpipe/fonts/" + face)) {
                Files.copy(in, fonts.resolve(face.replace("-subset", "").replace("NotoSansCJKkr", "House")));
            }
        }
        FontSet set = new KoreanFontLocator(List.of(dir)).locate("House", "", "", List.of());
        assertThat(set.regular().name()).isEqualTo("House-Regular.ttf");
        assertThat(set.bold().name()).isEqualTo("House-Bold.ttf");
        assertThat(set.serif().name()).isEqualTo(KoreanFontLocator.SERIF);
    }

    @Test
    void eachLocateLoadsItsOwnFaces() {
        KoreanFontLocator locator = new KoreanFontLocator(List.of(dir));
        FontSet one = locator.locate("", "", "", List.of());
        FontSet two = locator.locate("", "", "", List.of());
        assertThat(two.regular().name()).isEqualTo(one.regular().name());
        // Subset prefixes are seeded per build: a face shared by two builds would mix their seeds.
        assertThat(two.regular().pdf()).isNotSameAs(one.regular().pdf());
    }
}
