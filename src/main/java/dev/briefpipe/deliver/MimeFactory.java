package dev.briefpipe.deliver;

import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Phrase;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link Letter} into a MIME message: UTF-8 text with an HTML alternative, attachments with
 * RFC 2047-encoded (Korean) file names, and the letter's own Message-ID. Any header value holding a
 * CR or LF is refused before anything is sent.
 */
public final class MimeFactory {
    static {
        // An encoded Korean file name is long; split into RFC 2231 continuations, some mail clients
        // (Outlook among them) no longer decode it. Jakarta Mail reads this as a system property.
        System.setProperty("mail.mime.splitlongparameters", "false");
    }

    private MimeFactory() {}

    public static MimeMessage build(Session session, Letter letter) {
        for (String h : headerValues(letter)) {
            if (h.indexOf('\r') >= 0 || h.indexOf('\n') >= 0) {
                throw new DeliveryException(Phrase.of("send.header-line-break", h.strip()));
            }
        }
        try {
            MimeMessage m = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", letter.messageId());
                }
            };
            m.setFrom(address(letter.from()));
            m.setRecipients(MimeMessage.RecipientType.TO, addresses(letter.to()));
            if (!letter.cc().isEmpty()) {
                m.setRecipients(MimeMessage.RecipientType.CC, addresses(letter.cc()));
            }
            if (!letter.replyTo().isEmpty()) {
                m.setReplyTo(addresses(letter.replyTo()));
            }
            m.setSubject(letter.subject(), "UTF-8");
            m.setSentDate(Date.from(java.time.Instant.now()));
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(letter.text(), "UTF-8");
            alternative.addBodyPart(text);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(letter.html(), "UTF-8", "html");
            if (letter.inline().isEmpty()) {
                alternative.addBodyPart(html);
            } else {
                // The HTML with the pictures it shows by content id, as one related whole.
                MimeMultipart related = new MimeMultipart("related");
                related.addBodyPart(html);
                for (Letter.Attachment picture : letter.inline()) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(
                            new DataHandler(new ByteArrayDataSource(picture.content(), picture.mimeType())));
                    part.setContentID("<" + picture.name() + ">");
                    part.setDisposition(MimeBodyPart.INLINE);
                    related.addBodyPart(part);
                }
                MimeBodyPart wrapper = new MimeBodyPart();
                wrapper.setContent(related);
                alternative.addBodyPart(wrapper);
            }
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Letter.Attachment a : letter.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.mimeType())));
                part.setHeader("Content-Disposition", MimeUtility.fold(21, disposition(a.name())));
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT, Phrase.of("send.compose-failed"), e.getMessage(), e);
        }
    }

    /**
     * An attachment's Content-Disposition with its (Korean) name twice over: as RFC 2231 says
     * ({@code filename*=UTF-8''…}), and as an RFC 2047 encoded word in {@code filename} for the clients
     * that read only that.
     */
    static String disposition(String name) throws UnsupportedEncodingException {
        String rfc2047 = MimeUtility.encodeText(name, "UTF-8", "B");
        StringBuilder rfc2231 = new StringBuilder();
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                rfc2231.append(c);
            } else {
                rfc2231.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + rfc2047 + "\"; filename*=UTF-8''" + rfc2231;
    }

    /**
     * Marks a letter as the correction of an earlier one: its subject after {@code mark}, and in reply to
     * {@code first} (that letter's Message-ID, when known), so mail programs show the two together.
     */
    public static void correcting(MimeMessage m, String mark, String first) throws IOException {
        try {
            m.setSubject(mark + m.getSubject(), "UTF-8");
            if (first != null && first.startsWith("<")) { // when the ledger holds one
                m.setHeader("In-Reply-To", first);
                m.setHeader("References", first);
            }
            m.saveChanges();
        } catch (MessagingException e) {
            throw new IOException(e);
        }
    }

    /** The message's size as sent, in bytes (encoded attachments included). */
    public static long size(MimeMessage m) {
        long[] n = {0};
        try {
            m.writeTo(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    n[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    n[0] += len;
                }
            });
        } catch (IOException | MessagingException e) {
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT, Phrase.of("send.compose-failed"), e.getMessage(), e);
        }
        return n[0];
    }

    public static InternetAddress address(String a) {
        try {
            InternetAddress parsed = new InternetAddress(a, true);
            // A name as written ("홍길동") goes into the header encoded, as mail readers expect it.
            return parsed.getPersonal() == null
                    ? parsed
                    : new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (AddressException | java.io.UnsupportedEncodingException e) {
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT, Phrase.of("send.bad-address", a), e.getMessage(), e);
        }
    }

    private static InternetAddress[] addresses(List<String> list) {
        return list.stream().map(MimeFactory::address).toArray(InternetAddress[]::new);
    }

    private static List<String> headerValues(Letter l) {
        List<String> all = new ArrayList<>(List.of(l.from(), l.subject(), l.messageId()));
        all.addAll(l.to());
        all.addAll(l.cc());
        all.addAll(l.replyTo());
        l.attachments().forEach(a -> all.add(a.name()));
        return all;
    }
}
