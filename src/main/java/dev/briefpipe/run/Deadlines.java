package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A scheduled period's deadline: whether it has passed, and the sentences that say it. */
final class Deadlines {
    private Deadlines() {}

    /** Whether the deadline, when there is one, has passed: the period can no longer wait for anything. */
    static boolean past(Instant deadline) {
        return deadline != null && Instant.now().isAfter(deadline);
    }

    /** An owners' alert, saying until when the period is tried again when it is (the deadline known). */
    static String retrying(BriefConfig brief, String alert, RunOutcome outcome, Instant deadline) {
        return deadline == null || !outcome.triedAgain() || past(deadline)
                ? alert
                : alert + " " + said(brief, "alert.retrying", deadline);
    }

    /**
     * The sentence ({@code key}: the deadline and its zone, then {@code more}) that tells when a waiting
     * period is missed.
     */
    static Phrase phrase(BriefConfig brief, String key, Instant deadline, Object... more) {
        List<Object> args = new ArrayList<>(List.of(deadline.atZone(brief.zone()), brief.zone()));
        args.addAll(List.of(more));
        return Phrase.of(key, args.toArray());
    }

    /** {@link #phrase} in the brief's language. */
    static String said(BriefConfig brief, String key, Instant deadline, Object... more) {
        return Messages.forLocale(brief.locale()).get(phrase(brief, key, deadline, more));
    }
}
