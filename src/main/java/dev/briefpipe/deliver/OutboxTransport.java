package dev.briefpipe.deliver;

import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.io.AtomicFiles;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The default when no SMTP server is configured: each message is written as an .eml file, one per
 * recipient, to an outbox folder (any mail program opens them; an operator can forward them).
 */
public final class OutboxTransport implements MailTransport {
    private final Path dir;

    public OutboxTransport(Path dir) {
        this.dir = dir;
    }

    @Override
    public String send(MimeMessage message, InternetAddress recipient) {
        String name = recipient.getAddress().replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml";
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            AtomicFiles.write(dir.resolve(name), out.toByteArray());
            return dir.resolve(name).toString();
        } catch (IOException | MessagingException e) {
            throw new DeliveryException(
                    DeliveryException.Kind.TEMPORARY,
                    Phrase.of("send.outbox-unwritable", dir.resolve(name)),
                    e.getMessage(),
                    e);
        }
    }

    @Override
    public boolean delivers() {
        return false;
    }

    @Override
    public String describe() {
        return "outbox " + dir;
    }

    @Override
    public void close() {}
}
