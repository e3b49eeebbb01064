package dev.briefpipe.deliver;

import java.util.List;

/**
 * A message to send: its headers' content, its text and HTML bodies, its attachments, and its
 * Message-ID (stable for a brief, period and PDF, so receiving systems can recognise a duplicate).
 *
 * @param to addresses shown in To (the envelope recipients are chosen separately)
 * @param replyTo where replies go, when not to {@code from}
 * @param inline pictures the HTML body shows by their content id ({@code cid:figure-1})
 */
public record Letter(
        String from,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        String text,
        String html,
        List<Attachment> attachments,
        List<Attachment> inline,
        String messageId) {

    public Letter {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        attachments = List.copyOf(attachments);
        inline = List.copyOf(inline);
    }

    /**
     * A file attached under a (possibly Korean) name, or a picture shown inline under its name as
     * content id.
     */
    @SuppressWarnings("ArrayRecordComponent") // written once into the message, never compared
    public record Attachment(String name, String mimeType, byte[] content) {}
}
