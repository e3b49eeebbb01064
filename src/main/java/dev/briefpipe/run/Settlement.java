package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.DeliveryState;
import dev.briefpipe.failure.UsageException;
import dev.briefpipe.model.Period;
import dev.briefpipe.store.AuditLog;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An operator settling a delivery by hand, recorded in the ledger and in the audit log. */
final class Settlement {
    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    private final DeliveryLedger ledger;
    private final AuditLog audit;

    Settlement(DeliveryLedger ledger, AuditLog audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * Records, after an operator has checked the mail server's log, that a recipient whose delivery was
     * unknown (or failed) did get the brief: the ledger says sent, and the audit log who said so.
     *
     * @return the entry as it was, or empty when there is none for that recipient
     * @throws UsageException when the delivery is already sent (nothing to settle)
     */
    Optional<DeliveryLedger.Entry> markDelivered(BriefConfig brief, Period period, String recipient, String actor) {
        Optional<DeliveryLedger.Entry> entry = ledger.find(brief.id(), period, "brief", recipient);
        if (entry.isEmpty()) {
            return entry;
        }
        DeliveryState state = entry.get().state();
        recipient = entry.get().recipient(); // as the ledger spells it
        if (state == DeliveryState.SENT) {
            throw new UsageException("deliveries.not-unknown", recipient, state.id());
        }
        ledger.mark(
                brief.id(), period, "brief", recipient, DeliveryState.SENT, 0, null, "marked delivered by " + actor);
        audit.record(actor, "mark-delivered", brief.id(), period, recipient, "was " + state.id());
        log.info("{} {}: {} marked delivered by {} (was {})", brief.id(), period, recipient, actor, state.id());
        return entry;
    }
}
