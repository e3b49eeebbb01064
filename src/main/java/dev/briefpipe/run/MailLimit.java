package dev.briefpipe.run;

import dev.briefpipe.deliver.MailTransport;

/** The largest letter that may go: {@code mail.maxMessageMegabytes}, or the mail server's own when smaller. */
record MailLimit(long configured) {

    MailLimit(double megabytes) {
        this((long) (megabytes * 1024 * 1024));
    }

    long of(MailTransport transport) {
        return Math.min(configured, transport.sizeLimit().orElse(Long.MAX_VALUE));
    }
}
