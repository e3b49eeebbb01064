package dev.briefpipe.render.pdf;

import dev.briefpipe.config.StyleConfig;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The brief's typography, from its {@code style} config: colours, sizes, the bullet hierarchy and
 * the text patterns of band, header, footer and captions. Page geometry is fixed (A4 margins).
 */
final class BriefTheme {
    static final float MARGIN_X = 56;
    static final float MARGIN_TOP = 64;
    static final float MARGIN_BOTTOM = 58;
    final Color primary;
    final Color accent;
    final Color ink;
    final Color muted;
    final Color rule;
    final Color headerFill;
    final float body;
    final StyleConfig style;
    private final Map<String, Bullet> bullets = new LinkedHashMap<>();

    BriefTheme(StyleConfig style) {
        this.style = style;
        primary = colour(style, "primary");
        accent = colour(style, "accent");
        ink = colour(style, "text");
        muted = colour(style, "muted");
        rule = colour(style, "rule");
        headerFill = colour(style, "headerFill");
        body = style.body();
        style.bullets()
                .forEach((level, b) -> bullets.put(
                        level,
                        new Bullet(
                                style.marker(level),
                                b.size(),
                                b.indent(),
                                b.before(),
                                Boolean.TRUE.equals(b.bold()),
                                Boolean.TRUE.equals(b.note()),
                                b.font() == StyleConfig.Family.SERIF)));
    }

    /** The bullet for a level value; an unknown level is printed like the second level. */
    Bullet bullet(String level) {
        Bullet b = bullets.get(level);
        if (b != null) {
            return b;
        }
        return bullets.values().stream().skip(1).findFirst().orElseThrow();
    }

    /** Whether a level value is one of the bullet levels (not a row that places a figure or table). */
    boolean isBullet(String level) {
        return style.isBullet(level);
    }

    /** The level notes (※) are set in: the first declared {@code note: true}, else a small muted one. */
    Bullet noteBullet() {
        return bullets.values().stream()
                .filter(Bullet::note)
                .findFirst()
                .orElse(new Bullet("※", style.body() - 1, null, 2, false, true, false));
    }

    /** The first bullet level (a paragraph starts at each one). */
    boolean startsParagraph(String level) {
        return style.startsParagraph(level);
    }

    /**
     * One bullet level.
     *
     * @param indent the marker's indent in points, or null for a note: one step in from the bullet before
     */
    record Bullet(String marker, float size, Float indent, float before, boolean bold, boolean note, boolean serif) {}

    static Color colour(StyleConfig style, String name) {
        return Color.decode(style.colors().get(name));
    }
}
