package dev.briefpipe.testing;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A received message taken apart by walking its MIME tree: the plain text and HTML bodies, the
 * pictures shown inline by content id, the attachments with their decoded names and raw
 * Content-Disposition headers.
 */
public record MailParts(
        String text,
        String html,
        Map<String, Content> inline,
        List<String> attachmentNames,
        List<String> dispositions,
        List<byte[]> attachments) {

    /** A part's type and bytes. */
    public record Content(String type, byte[] bytes) {}

    public static MailParts of(MimeMessage m) throws Exception {
        MailParts p = new MailParts(
                null, null, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        return p.walk(m);
    }

    public byte[] attachment(int i) {
        return attachments.get(i);
    }

    private MailParts walk(Part part) throws Exception {
        MailParts p = this;
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                p = p.walk(mp.getBodyPart(i));
            }
            return p;
        }
        String disposition = part.getDisposition();
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
            attachmentNames.add(MimeUtility.decodeText(part.getFileName()));
            dispositions.add(String.join(" ", part.getHeader("Content-Disposition")));
            attachments.add(part.getInputStream().readAllBytes());
            return p;
        }
        String[] cid = part.getHeader("Content-ID");
        if (cid != null) {
            inline.put(
                    cid[0].replaceAll("[<>]", ""),
                    new Content(part.getContentType(), part.getInputStream().readAllBytes()));
            return p;
        }
        if (part.isMimeType("text/plain") && text == null) {
            return new MailParts((String) part.getContent(), html, inline, attachmentNames, dispositions, attachments);
        }
        if (part.isMimeType("text/html") && html == null) {
            return new MailParts(text, (String) part.getContent(), inline, attachmentNames, dispositions, attachments);
        }
        return p;
    }

    /** The names of the files in a zip. */
    public static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** One file's bytes in a zip. */
    public static byte[] zipEntry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the zip");
    }
}
