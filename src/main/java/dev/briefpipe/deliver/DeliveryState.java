package dev.briefpipe.deliver;

import java.util.Locale;

/** Where one recipient's message stands in the delivery ledger ({@link #id()} as stored). */
public enum DeliveryState {
    /** Claimed: the SMTP transaction is about to start or under way. */
    SENDING,
    /** The server accepted the message. */
    SENT,
    /** The server may or may not have taken it (a crash or a broken connection mid-transaction). */
    UNKNOWN,
    /** Refused, or given up after retries: may be sent again. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryState of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return id();
    }
}
