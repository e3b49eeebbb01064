package dev.briefpipe.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import dev.briefpipe.failure.MissingGlyph;
import dev.briefpipe.model.CellRef;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes phrases from text in the brief's font family. A word with a character the family lacks is set
 * whole in the first fallback face that has all of it (so a Chinese name is never a patchwork of two
 * fonts); a character no face has is recorded as a {@link MissingGlyph} instead of silently vanishing.
 * Not thread-safe: one per document.
 */
final class PdfText {
    private final FontSet fonts;
    private final Color ink;
    private final Map<String, Font> cache = new HashMap<>();
    private final List<MissingGlyph> missing = new ArrayList<>();

    PdfText(FontSet fonts, Color ink) {
        this.fonts = fonts;
        this.ink = ink;
    }

    FontSet fonts() {
        return fonts;
    }

    Phrase phrase(String text, float size, boolean bold, Color color, CellRef source) {
        FontSet.Face[] faces = faces(text, fonts.base(bold, false), source);
        return phrase(text, faces, 0, text.length(), size, color);
    }

    /**
     * The face of each char: the base face; for a word with a char the base lacks, the first fallback
     * that has the whole word, else char by char the family's regular face or a fallback. A char no
     * face has gets null and is recorded as missing.
     */
    FontSet.Face[] faces(String text, FontSet.Face base, CellRef source) {
        FontSet.Face[] faces = new FontSet.Face[text.length()];
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            if (end == i) {
                faces[i++] = base;
                continue;
            }
            String word = text.substring(i, end);
            boolean plain = word.codePoints().allMatch(base::has);
            Optional<FontSet.Face> whole = plain ? Optional.of(base) : fonts.fallbackFor(word);
            for (int j = i; j < end; ) {
                int cp = text.codePointAt(j);
                FontSet.Face f = whole.orElseGet(
                        () -> base.has(cp) ? base : fonts.faceFor(cp).orElse(null));
                if (f == null && !Character.isISOControl(cp)) {
                    missing.add(new MissingGlyph(cp, text, source));
                }
                int n = Character.charCount(cp);
                for (int k = 0; k < n; k++) {
                    faces[j + k] = f;
                }
                j += n;
            }
            i = end;
        }
        return faces;
    }

    /** The width of each char in its face (a surrogate pair's width on its first half). */
    float[] advances(String text, FontSet.Face[] faces, float size) {
        float[] w = new float[text.length()];
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (faces[i] != null) {
                w[i] = faces[i].pdf().getWidthPoint(new String(Character.toChars(cp)), size);
            }
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Text from {@code from} to {@code to} as chunks, one per run of chars in one face. */
    Phrase phrase(String text, FontSet.Face[] faces, int from, int to, float size, Color color) {
        Phrase p = new Phrase();
        p.setFont(font(faces.length > 0 && faces[0] != null ? faces[0] : fonts.regular(), size, color));
        p.setLeading(size * 1.5f);
        int i = from;
        while (i < to) {
            FontSet.Face face = faces[i];
            int j = i + 1;
            while (j < to && java.util.Objects.equals(faces[j], face)) {
                j++;
            }
            if (face != null) {
                Chunk c = new Chunk(text.substring(i, j), font(face, size, color));
                c.setSplitCharacter(LineBreaks.WORDS);
                p.add(c);
            }
            i = j;
        }
        return p;
    }

    /**
     * An empty paragraph whose own font is the embedded face: OpenPDF writes the spacing between
     * paragraphs in the paragraph's font, and the default would be a non-embedded Helvetica.
     */
    Paragraph paragraph(float size) {
        Paragraph p = new Paragraph();
        p.setFont(font(size, false, ink));
        return p;
    }

    /** A paragraph holding one phrase of text. */
    Paragraph paragraph(String text, float size, boolean bold, Color color) {
        Paragraph p = paragraph(size);
        p.add(phrase(text, size, bold, color));
        return p;
    }

    Phrase phrase(String text, float size, boolean bold, Color color) {
        return phrase(text, size, bold, color, null);
    }

    /**
     * A phrase that also becomes a bookmark: an invisible anchor carries the tag that
     * {@link PageDecorator} turns into an outline entry at the place the phrase is printed.
     *
     * @param level 0 for a section, 1 for a figure or table under the last section
     * @param key unique per document, so a phrase split over lines is bookmarked once
     */
    Phrase bookmarked(String text, float size, boolean bold, Color color, int level, String key, String title) {
        Phrase p = phrase(text, size, bold, color);
        Chunk anchor = new Chunk(" ", font(size, bold, color));
        anchor.setGenericTag("outline|" + level + "|" + key + "|" + title);
        p.add(0, anchor);
        return p;
    }

    /** Records a character that text drawn outside phrases (chart labels) cannot show. */
    void missing(int codePoint, String text, CellRef source) {
        missing.add(new MissingGlyph(codePoint, text, source));
    }

    /** The width of text in a face at a size (for hanging indents). */
    float width(String text, float size, boolean bold) {
        return fonts.base(bold, false).pdf().getWidthPoint(text, size);
    }

    Font font(float size, boolean bold, Color color) {
        return font(fonts.base(bold, false), size, color);
    }

    List<MissingGlyph> missing() {
        return List.copyOf(missing);
    }

    Font font(FontSet.Face face, float size, Color color) {
        String key = face.name() + "|" + size + "|" + color.getRGB();
        return cache.computeIfAbsent(key, k -> new Font(face.pdf(), size, Font.NORMAL, color));
    }
}
