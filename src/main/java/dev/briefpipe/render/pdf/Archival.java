package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.GregorianCalendar;

/**
 * The parts of the PDF that make it archival (PDF/A-1b: an sRGB output intent, XMP metadata written
 * from the document information) and reproducible (dates, trailer ID and font-subset prefixes taken
 * from the render identity instead of the clock and a random source).
 */
final class Archival {
    private Archival() {}

    /** Seeds each face's subset-prefix generator, so "ABCDEF+NanumGothic" is the same on every run. */
    static void seedFonts(FontSet fonts, String seed) {
        fonts.all().forEach(f -> seed(f, seed));
    }

    /** After {@code Document.open()}: fixed dates and trailer ID, and the sRGB output intent. */
    static void fix(PdfWriter writer, PdfBriefRenderer.Identity identity) throws IOException {
        PdfDate date = new PdfDate(GregorianCalendar.from(identity.created()));
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        byte[] id = Arrays.copyOf(sha256(identity.seed()), 16);
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
        writer.setOutputIntents(
                "Custom", "", "http://www.color.org", "sRGB IEC61966-2.1", ICC_Profile.getInstance(ColorSpace.CS_sRGB));
    }

    private static void seed(FontSet.Face face, String seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(sha256(seed + "|" + face.name()));
            face.pdf().setSecureRandom(r);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG missing from the JDK", e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
