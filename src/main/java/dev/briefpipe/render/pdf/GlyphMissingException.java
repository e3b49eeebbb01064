package dev.briefpipe.render.pdf;

import java.util.List;

/** The brief contains characters no configured font can draw; nothing is published. */
public class GlyphMissingException extends RuntimeException {
  private final List<MissingGlyph> missing;

  public GlyphMissingException(List<MissingGlyph> missing) {
    super(missing.size() + " character(s) without a glyph, first " + missing.get(0).codePointLabel()
        + (missing.get(0).source() == null ? "" : " at " + missing.get(0).source()));
    this.missing = List.copyOf(missing);
  }

  public List<MissingGlyph> missing() {
    return missing;
  }
}
