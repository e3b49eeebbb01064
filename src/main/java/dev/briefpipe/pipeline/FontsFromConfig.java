package dev.briefpipe.pipeline;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.render.pdf.FontSet;
import dev.briefpipe.render.pdf.KoreanFontLocator;
import java.nio.file.Path;
import java.util.function.Supplier;

/** Finds the fonts the app config names (or searches for), once, when first needed. */
public final class FontsFromConfig implements Supplier<FontSet> {
  private final Settings settings;
  private FontSet fonts;

  public FontsFromConfig(Settings settings) {
    this.settings = settings;
  }

  @Override
  public synchronized FontSet get() {
    if (fonts == null) {
      AppConfig.Fonts f = settings.app().fonts();
      fonts = KoreanFontLocator.system().locate(path(f.regular()), path(f.bold()), f.search(), f.fallback());
    }
    return fonts;
  }

  private Path path(String p) {
    return p == null || p.isBlank() ? null : settings.resolve(p);
  }
}
