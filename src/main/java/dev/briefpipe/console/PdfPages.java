package dev.briefpipe.console;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** One page of a published PDF as a PNG, for browsers (phones) that do not show a PDF inline. */
final class PdfPages {
    /** Enough to read body text on a laptop, small enough for a phone: A4 at 96 dpi is 794 px wide. */
    private static final float DPI = 96f;

    private PdfPages() {}

    /** @param page 1-based; null when the PDF has no such page */
    static byte[] png(Path pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            if (page < 1 || page > doc.getNumberOfPages()) {
                return null;
            }
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page - 1, DPI, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
    }
}
