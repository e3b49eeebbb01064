package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import dev.briefpipe.failure.FontNotFoundException;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The brief's fonts. By default the faces shipped with briefpipe (subsets of Noto Sans and Noto Serif
 * CJK KR: Hangul, the hanja of KS X 1001 and the simplified Chinese of GB 2312, see
 * {@code fonts/OFL.txt}), so every machine sets the same workbook in the same bytes. Config may name
 * another TrueType font for a face instead: a path to a .ttf file, or the file name of an installed
 * font (looked for in the usual font folders).
 */
public final class KoreanFontLocator {
    static final String SANS = "NotoSansCJKkr-Regular-subset.ttf";
    static final String SANS_BOLD = "NotoSansCJKkr-Bold-subset.ttf";
    static final String SERIF = "NotoSerifCJKkr-Regular-subset.ttf";
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
     * Loads the faces, each freshly (a build's subsets are its own).
     *
     * @param regular "" for the shipped sans face, else a .ttf path or an installed font's name
     * @param bold "" for the shipped bold face (or, when regular is named, a bold file beside it)
     * @param serif "" for the shipped serif face
     * @param fallback faces for characters the family lacks, in order: paths or installed names
     */
    public FontSet locate(String regular, String bold, String serif, List<String> fallback) {
        // Charts draw with the regular face and the fallbacks: only those get an AWT font as well.
        FontSet.Face r = korean(regular.isBlank() ? shipped(SANS, true) : named(regular, true));
        FontSet.Face b;
        if (!bold.isBlank()) {
            b = named(bold, false);
        } else if (regular.isBlank()) {
            b = shipped(SANS_BOLD, false);
        } else {
            b = boldBeside(find(regular).orElseThrow()).map(f -> file(f, false)).orElse(r);
        }
        FontSet.Face s = korean(serif.isBlank() ? shipped(SERIF, false) : named(serif, false));
        List<FontSet.Face> fallbacks = new ArrayList<>();
        fallback.forEach(name -> fallbacks.add(named(name, true)));
        return new FontSet(r, b, s, fallbacks);
    }

    private static FontSet.Face korean(FontSet.Face f) {
        if (!PROBE.codePoints().allMatch(f::has)) {
            throw new FontNotFoundException(f.name(), "no Hangul glyphs");
        }
        return f;
    }

    private FontSet.Face named(String spec, boolean awt) {
        return file(find(spec).orElseThrow(() -> new FontNotFoundException(spec, null)), awt);
    }

    private Optional<Path> find(String spec) {
        if (spec.toLowerCase(Locale.ROOT).endsWith(".ttf")) {
            return Optional.of(Path.of(spec)).filter(Files::isRegularFile);
        }
        Map<String, Path> byStem = index();
        String n = spec.toLowerCase(Locale.ROOT);
        return Stream.of(n, n + "-regular", n + "regular")
                .filter(byStem::containsKey)
                .map(byStem::get)
                .findFirst();
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

    private FontSet.Face file(Path file, boolean awt) {
        try {
            return face(file.getFileName().toString(), Files.readAllBytes(file), awt);
        } catch (IOException e) {
            throw new FontNotFoundException(file.toString(), String.valueOf(e.getMessage()));
        }
    }

    private static FontSet.Face shipped(String name, boolean awt) {
        try (InputStream in = KoreanFontLocator.class.getResourceAsStream("/dev/briefpipe/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its font " + name);
            }
            return face(name, in.readAllBytes(), awt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font parsed from its bytes in memory, and not kept in OpenPDF's cache: each build gets its
     * own faces, so concurrent renders do not share a font's subset state.
     */
    private static FontSet.Face face(String name, byte[] bytes, boolean withAwt) {
        try {
            BaseFont f = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            f.setSubset(true);
            java.awt.Font awt = withAwt
                    ? java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes))
                    : null;
            return new FontSet.Face(name, f, awt);
        } catch (IOException | FontFormatException | RuntimeException e) {
            throw new FontNotFoundException(name, String.valueOf(e.getMessage()));
        }
    }

    private static String stem(Path p) {
        return p.getFileName().toString().replaceFirst("(?i)\\.ttf$", "").toLowerCase(Locale.ROOT);
    }
}
