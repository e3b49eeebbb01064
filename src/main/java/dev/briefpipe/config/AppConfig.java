package dev.briefpipe.config;

import java.util.List;

/**
 * Application settings from {@code config/briefpipe.yaml}; every key is optional.
 *
 * @param briefs folder of brief definitions, relative to the config folder
 * @param output where builds are published, relative to the project folder
 * @param lang message language: ko, en, or auto (follow the system locale)
 * @param backups how many backups an in-place summary refresh keeps
 */
public record AppConfig(String briefs, String output, String lang, Fonts fonts, Integer backups) {

  public AppConfig {
    briefs = briefs == null ? "briefs" : briefs;
    output = output == null ? "output" : output;
    lang = lang == null ? "ko" : lang;
    fonts = fonts == null ? new Fonts(null, null, null, null) : fonts;
    backups = backups == null ? 5 : backups;
  }

  public static AppConfig defaults() {
    return new AppConfig(null, null, null, null, null);
  }

  /**
   * @param regular a TrueType font file with Korean glyphs; empty = search the installed fonts
   * @param bold its bold face (optional; the regular face is used when absent)
   * @param search font file names to look for among installed fonts, in order of preference
   * @param fallback fonts tried, in order, for characters the main font lacks (Chinese characters in
   *     names and references); file names without extension, or paths to .ttf files
   */
  public record Fonts(String regular, String bold, List<String> search, List<String> fallback) {
    public Fonts {
      regular = regular == null ? "" : regular;
      bold = bold == null ? "" : bold;
      search = search == null || search.isEmpty() ? DEFAULT_SEARCH : List.copyOf(search);
      fallback = fallback == null ? DEFAULT_FALLBACK : List.copyOf(fallback);
    }

    static final List<String> DEFAULT_FALLBACK = List.of("DroidSansFallbackFull", "DroidSansFallback");

    static final List<String> DEFAULT_SEARCH =
        List.of("NanumGothic", "NanumBarunGothic", "NotoSansKR", "NotoSansCJKkr", "malgun", "AppleSDGothicNeo", "UnDotum");
  }
}
