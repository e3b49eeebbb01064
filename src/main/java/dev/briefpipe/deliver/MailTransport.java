package dev.briefpipe.deliver;

import dev.briefpipe.failure.DeliveryException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;
import java.util.Properties;

/** Hands a message to one envelope recipient; implementations classify failures (see {@link DeliveryException}). */
public interface MailTransport extends AutoCloseable {

    /**
     * Hands the message over.
     *
     * @return what the receiving end said ("250 2.0.0 queued as …", or the file written)
     */
    String send(MimeMessage message, InternetAddress recipient);

    /**
     * Whether a message handed over reaches its recipient: false for the outbox, whose files are a dry
     * run kept apart from deliveries.
     */
    default boolean delivers() {
        return true;
    }

    /**
     * The largest message the receiving end takes, in bytes, as it says before any is sent (SMTP's SIZE
     * extension); empty when it sets none or cannot be asked now (the send meets that itself).
     */
    default OptionalLong sizeLimit() {
        return OptionalLong.empty();
    }

    /** The mail session messages for this transport are made in. */
    default Session session() {
        return Session.getInstance(new Properties());
    }

    /** A short description for logs ("smtp://mail.example.org:587", "outbox …/outbox"). */
    String describe();

    @Override
    void close();
}
