package dev.briefpipe.deliver;

import dev.briefpipe.config.AppConfig;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Phrase;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.OptionalLong;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMTP through Angus Mail, one connection reused for a batch. STARTTLS is required when configured
 * (never silently plain), connect/read/write timeouts are always set, and the password comes only
 * from the environment. Failures are classified: 4xx and no connection are temporary, 5xx and a TLS
 * setting or certificate that does not fit the server permanent, a broken connection during a
 * transaction unknown.
 */
public final class SmtpTransport implements MailTransport {
    private static final Logger log = LoggerFactory.getLogger(SmtpTransport.class);

    /** The phrase of a server that cannot be reached at all (no connection). */
    static final String UNREACHABLE = "mail.unreachable";

    private final AppConfig.Mail cfg;
    private final Session session;
    private final String protocol;
    private Transport transport;

    public SmtpTransport(AppConfig.Mail cfg) {
        this.cfg = cfg;
        this.protocol = "smtps".equals(cfg.security()) ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(cfg, protocol));
    }

    /** The session properties for a configuration (timeouts, TLS policy, authentication). */
    static Properties properties(AppConfig.Mail cfg, String protocol) {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", cfg.host());
        props.put(p + "port", String.valueOf(cfg.port()));
        props.put(p + "connectiontimeout", String.valueOf(cfg.timeoutMillis()));
        props.put(p + "timeout", String.valueOf(cfg.timeoutMillis()));
        props.put(p + "writetimeout", String.valueOf(cfg.timeoutMillis()));
        props.put(p + "auth", String.valueOf(!cfg.user().isBlank()));
        if ("starttls".equals(cfg.security())) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
            props.put(p + "ssl.checkserveridentity", "true");
        } else if ("smtps".equals(cfg.security())) {
            props.put(p + "ssl.enable", "true");
            props.put(p + "ssl.checkserveridentity", "true");
        }
        props.put("mail.mime.charset", "UTF-8");
        return props;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String send(MimeMessage message, InternetAddress recipient) {
        connect();
        try {
            transport.sendMessage(message, new InternetAddress[] {recipient});
            return transport instanceof SMTPTransport smtp ? firstLine(smtp.getLastServerResponse()) : "accepted";
        } catch (SendFailedException e) {
            int code = code(e);
            close();
            throw new DeliveryException(
                    code >= 500
                            ? DeliveryException.Kind.PERMANENT
                            : code >= 400 ? DeliveryException.Kind.TEMPORARY : DeliveryException.Kind.UNKNOWN,
                    Phrase.of("mail.refused", describe(), firstLine(refusal(e))),
                    null,
                    e);
        } catch (MessagingException e) {
            close();
            // The connection broke inside the transaction: the server may or may not have the message.
            throw new DeliveryException(
                    DeliveryException.Kind.UNKNOWN, Phrase.of("mail.connection-lost", describe()), firstLine(e), e);
        }
    }

    @Override
    public OptionalLong sizeLimit() {
        try {
            connect();
        } catch (DeliveryException e) {
            return OptionalLong.empty();
        }
        String size = transport instanceof SMTPTransport smtp ? smtp.getExtensionParameter("SIZE") : null;
        try {
            long bytes = size == null ? 0 : Long.parseLong(size.trim());
            return bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty(); // SIZE 0: no limit (RFC 1870)
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void connect() {
        if (transport != null && transport.isConnected()) {
            return;
        }
        try {
            transport = session.getTransport(protocol);
            String password = System.getenv(cfg.passwordEnv());
            if (cfg.user().isBlank()) {
                transport.connect();
            } else {
                transport.connect(cfg.host(), cfg.port(), cfg.user(), password == null ? "" : password);
            }
            log.debug("connected to {}", describe());
        } catch (AuthenticationFailedException e) {
            transport = null;
            throw new DeliveryException(
                    DeliveryException.Kind.PERMANENT,
                    Phrase.of("mail.login-refused", describe(), cfg.user(), cfg.passwordEnv()),
                    firstLine(e),
                    e);
        } catch (MessagingException e) {
            transport = null;
            String tls = tlsMismatch(e);
            throw new DeliveryException(
                    tls == null ? DeliveryException.Kind.TEMPORARY : DeliveryException.Kind.PERMANENT,
                    Phrase.of(tls == null ? UNREACHABLE : tls, describe()),
                    firstLine(e),
                    e);
        }
    }

    /**
     * The TLS setting or certificate that stops this server and no retry changes (its phrase), or null: a
     * server without STARTTLS, one that does not answer in TLS, a certificate not trusted for mail.host.
     */
    private static String tlsMismatch(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String said = String.valueOf(t.getMessage());
            if (said.contains("does not support STARTTLS")) {
                return "mail.no-starttls";
            } else if (t instanceof java.security.cert.CertificateException
                    || said.contains("Can't verify identity of server")) {
                return "mail.tls-untrusted";
            } else if (t instanceof javax.net.ssl.SSLException && said.contains("nrecognized SSL message")) {
                return "mail.tls-plain";
            }
        }
        return null;
    }

    /** The server's own refusal inside what the mail library throws, else what it throws. */
    private static MessagingException refusal(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException || x instanceof SMTPSendFailedException) {
                return (MessagingException) x;
            }
        }
        return e;
    }

    private static int code(MessagingException e) {
        MessagingException r = refusal(e);
        return r instanceof SMTPAddressFailedException a
                ? a.getReturnCode()
                : r instanceof SMTPSendFailedException s ? s.getReturnCode() : -1;
    }

    private static String firstLine(Exception e) {
        return firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        String m = String.valueOf(text).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public String describe() {
        return protocol + "://" + cfg.host() + ":" + cfg.port();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                log.debug("closing SMTP connection: {}", e.getMessage());
            }
            transport = null;
        }
    }
}
