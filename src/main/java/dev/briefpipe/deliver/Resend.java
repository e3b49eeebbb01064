package dev.briefpipe.deliver;

import dev.briefpipe.config.BriefConfig;
import java.util.Optional;
import java.util.Set;

/**
 * Which recipients a send mails again on purpose ({@code send --resend}): those named, those whose
 * delivery is unknown, or those that failed. Never everyone: a normal send ({@link #NONE}) skips whoever
 * was served and leaves an unknown delivery to an operator.
 */
public record Resend(Selection selection, Set<String> listed) {
    public static final Resend NONE = new Resend(Selection.NONE, Set.of());

    public enum Selection {
        NONE,
        LISTED,
        UNKNOWN,
        FAILED
    }

    public Resend {
        listed = Set.copyOf(listed);
    }

    public static Resend to(Set<String> recipients) {
        return new Resend(Selection.LISTED, recipients);
    }

    public static Resend unknown() {
        return new Resend(Selection.UNKNOWN, Set.of());
    }

    public static Resend failed() {
        return new Resend(Selection.FAILED, Set.of());
    }

    /** Whether this resend takes {@code recipient}, whose ledger state is {@code state} (empty: never sent). */
    boolean picks(String recipient, Optional<DeliveryState> state) {
        return switch (selection) {
            case NONE -> false;
            case LISTED -> BriefConfig.holds(listed, recipient);
            case UNKNOWN ->
                state.filter(s -> s == DeliveryState.UNKNOWN || s == DeliveryState.SENDING)
                        .isPresent();
            case FAILED -> state.filter(s -> s == DeliveryState.FAILED).isPresent();
        };
    }
}
