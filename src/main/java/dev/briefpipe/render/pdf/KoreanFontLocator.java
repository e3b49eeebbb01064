package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import dev.briefpipe.failure.FontNotFoundException;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a TrueType Korean font: the files named in config, else the first installed font whose file
 * name matches one of the search names (NanumGothic, NotoSansKR, malgun…), with its bold face when
 * one is installed beside it. Only .ttf files are used: CFF-outline OpenType and collections embed
 * badly.
 */
public final class KoreanFontLocator {
    private static final String PROBE = "한글가나다AI";
    private final List<Path> roots;
    private Map<String, Path> index;

    public KoreanFontLocator(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The usual font folders of Linux, macOS and Windows, plus the user's own. */
    public static KoreanFontLocator system() {
        String home = System.getProperty("user.home", "");
        List<Path> roots = new ArrayList<>(List.of(
                Path.of("/usr/share/fonts"),
                Path.of("/usr/local/share/fonts"),
                Path.of(home, ".fonts"),
                Path.of(home, ".local/share/fonts"),
                Path.of("/Library/Fonts"),
                Path.of("/System/Library/Fonts"),
                Path.of(home, "Library/Fonts")));
        String win = System.getenv("WINDIR");
        if (win != null) {
            roots.add(Path.of(win, "Fonts"));
        }
        return new KoreanFontLocator(roots);
    }

    /**
     * @param regular configured regular face ("" = search)
     * @param bold configured bold face ("" = look beside the regular one)
     * @param search file-name stems to look for, in order of preference
     */
    public FontSet locate(Path regular, Path bold, List<String> search, List<String> fallback) {
        Path reg = regular != null
                ? regular
                : find(search).orElseThrow(() -> new FontNotFoundException(search, null, null));
        Path b = bold != null ? bold : boldBeside(reg).orElse(reg);
        FontSet.Face r = face(reg, search);
        if (!PROBE.codePoints().allMatch(r::has)) {
            throw new FontNotFoundException(search, reg, "no Hangul glyphs");
        }
        FontSet.Face bf = b.equals(reg) ? r : face(b, search);
        List<FontSet.Face> fallbacks = new ArrayList<>();
        for (String name : fallback) {
            Path p = Path.of(name);
            Optional<Path> file = name.toLowerCase(Locale.ROOT).endsWith(".ttf") && Files.isRegularFile(p)
                    ? Optional.of(p)
                    : find(List.of(name));
            file.filter(f -> !f.equals(reg)).ifPresent(f -> fallbacks.add(face(f, fallback)));
        }
        return new FontSet(r, bf, fallbacks);
    }

    private Optional<Path> find(List<String> search) {
        Map<String, Path> byStem = index();
        for (String name : search) {
            String n = name.toLowerCase(Locale.ROOT);
            for (String candidate : List.of(n, n + "-regular", n + "regular")) {
                if (byStem.containsKey(candidate)) {
                    return Optional.of(byStem.get(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** Installed .ttf files by lower-case file-name stem; the font folders are walked once. */
    private synchronized Map<String, Path> index() {
        if (index != null) {
            return index;
        }
        Map<String, Path> byStem = new HashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(root, 6)) {
                s.filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".ttf"))
                        .sorted()
                        .forEach(p -> byStem.putIfAbsent(stem(p), p));
            } catch (IOException | RuntimeException e) {
                // An unreadable font folder is skipped; the others may still hold a font.
            }
        }
        index = byStem;
        return index;
    }

    private static Optional<Path> boldBeside(Path regular) {
        String stem = regular.getFileName().toString().replaceFirst("(?i)\\.ttf$", "");
        String base = stem.replaceFirst("(?i)-?regular$", "");
        for (String b : List.of(base + "Bold", base + "-Bold", base + "bd", stem.replace("Regular", "Bold"))) {
            Path p = regular.resolveSibling(b + ".ttf");
            if (!p.equals(regular) && Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static FontSet.Face face(Path file, List<String> search) {
        return new FontSet.Face(file, base(file, search), awt(file, search));
    }

    /**
     * The font parsed from its bytes in memory, and not kept in OpenPDF's cache: subsetting reads the
     * glyph index byte by byte, which over the mapped file took 0.1 s for NanumGothic and 0.3 s for
     * DroidSansFallbackFull at every PDF. Each build gets its own faces, so concurrent renders do not
     * share a font's subset state.
     */
    private static BaseFont base(Path file, List<String> search) {
        try {
            BaseFont f = BaseFont.createFont(
                    file.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, Files.readAllBytes(file), null);
            f.setSubset(true);
            return f;
        } catch (IOException | RuntimeException e) {
            throw new FontNotFoundException(search, file, String.valueOf(e.getMessage()));
        }
    }

    private static java.awt.Font awt(Path file, List<String> search) {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException | IOException e) {
            throw new FontNotFoundException(search, file, String.valueOf(e.getMessage()));
        }
    }

    private static String stem(Path p) {
        return p.getFileName().toString().replaceFirst("(?i)\\.ttf$", "").toLowerCase(Locale.ROOT);
    }
}
