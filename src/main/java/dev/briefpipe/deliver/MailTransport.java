package dev.briefpipe.deliver;

import dev.briefpipe.failure.DeliveryException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Hands a message to one envelope recipient; implementations classify failures (see {@link DeliveryException}). */
public interface MailTransport extends AutoCloseable {

    void send(MimeMessage message, InternetAddress recipient);

    /** A short description for logs ("smtp://mail.example.org:587", "outbox …/outbox"). */
    String describe();

    @Override
    void close();
}
