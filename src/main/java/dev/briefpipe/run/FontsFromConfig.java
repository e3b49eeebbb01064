package dev.briefpipe.run;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.render.pdf.KoreanFontLocator;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The fonts the app config names, or the shipped ones. Installed fonts are searched once; each call
 * gives freshly loaded faces, for one PDF: nothing of a font stays on the heap between builds, and two
 * builds at once do not share a font's subset.
 */
public final class FontsFromConfig implements Supplier<FontSet> {
    private final Settings settings;
    private final KoreanFontLocator locator = KoreanFontLocator.system();

    public FontsFromConfig(Settings settings) {
        this.settings = settings;
    }

    @Override
    public FontSet get() {
        AppConfig.Fonts f = settings.app().fonts();
        return locator.locate(
                path(f.regular()),
                path(f.bold()),
                path(f.serif()),
                f.fallback().stream().map(this::path).toList());
    }

    /** A .ttf file named relative to the project folder; any other value is an installed font's name. */
    private String path(String p) {
        return p.toLowerCase(Locale.ROOT).endsWith(".ttf") ? settings.resolve(p).toString() : p;
    }
}
