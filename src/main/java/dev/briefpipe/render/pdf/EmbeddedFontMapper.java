package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.util.List;

/**
 * Maps the AWT fonts a chart draws with to the embedded PDF faces made from the same files, so chart
 * text stays real, extractable text in the brief's font. An AWT font matches a face by its font name;
 * anything else falls back to the regular face.
 */
final class EmbeddedFontMapper implements FontMapper {
    private final FontSet fonts;

    EmbeddedFontMapper(FontSet fonts) {
        this.fonts = fonts;
    }

    @Override
    public BaseFont awtToPdf(Font font) {
        for (FontSet.Face f : faces()) {
            if (f.awt().getFontName().equals(font.getFontName())) {
                return font.isBold() && f.equals(fonts.regular()) ? fonts.bold().pdf() : f.pdf();
            }
        }
        return font.isBold() ? fonts.bold().pdf() : fonts.regular().pdf();
    }

    @Override
    public Font pdfToAwt(BaseFont font, int size) {
        for (FontSet.Face f : faces()) {
            if (f.pdf() == font) {
                return f.awt().deriveFont((float) size);
            }
        }
        return fonts.regular().awt().deriveFont((float) size);
    }

    private List<FontSet.Face> faces() {
        return fonts.all().stream().filter(f -> f.awt() != null).toList();
    }
}
