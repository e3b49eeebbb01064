package dev.briefpipe.render.pdf;

import java.awt.Color;

/** The brief's typographic constants: colours, sizes and the bullet hierarchy (□ ○ - ※). */
final class BriefTheme {
  static final Color NAVY = new Color(0x1F3A68);
  static final Color INK = new Color(0x222222);
  static final Color GREY = new Color(0x666666);
  static final Color RULE = new Color(0xB8C2D3);
  static final Color HEADER_FILL = new Color(0xE3E9F2);
  static final Color ZEBRA = new Color(0xF6F8FB);
  static final float MARGIN_X = 56;
  static final float MARGIN_TOP = 64;
  static final float MARGIN_BOTTOM = 58;
  static final float BODY = 10.5f;
  static final float SMALL = 8.5f;

  private BriefTheme() {}

  /** One bullet level: its marker, text size, indent of the marker, space before, weight. */
  enum Bullet {
    SQUARE("□", 11f, 0, 9, true),
    CIRCLE("○", 10.5f, 12, 3.5f, false),
    DASH("-", 10f, 24, 2, false),
    NOTE("※", 9.5f, 24, 2, false);

    final String marker;
    final float size;
    final float indent;
    final float spaceBefore;
    final boolean bold;

    Bullet(String marker, float size, float indent, float spaceBefore, boolean bold) {
      this.marker = marker;
      this.size = size;
      this.indent = indent;
      this.spaceBefore = spaceBefore;
      this.bold = bold;
    }

    static Bullet of(String marker) {
      for (Bullet b : values()) {
        if (b.marker.equals(marker)) {
          return b;
        }
      }
      return CIRCLE;
    }
  }
}
