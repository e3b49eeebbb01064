package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A corrected edition of a delivered period, for {@link BriefService#correct}. */
final class Correcting {
    private final BriefService service;
    private final BriefPipeline pipeline;
    private final PeriodLetters letters;

    Correcting(BriefService service, BriefPipeline pipeline, PeriodLetters letters) {
        this.service = service;
        this.pipeline = pipeline;
        this.letters = letters;
    }

    /**
     * {@code send --correction}: the figures or sentences of a delivered period changed in the workbook.
     * Builds the corrected edition with a 정정 box listing each change (old → new) against the edition
     * its readers got last (the first, or a correction sent since), publishes it, and mails it to exactly those readers, once each (a ledger kind of
     * its own). Run again after a crash, it mails the corrected edition already published to whoever
     * has not had it yet. Of a brief that wants approval, the corrected edition is published and the
     * approvers asked; it is mailed once approved.
     *
     * @return the delivery, or empty when nothing a reader sees has changed (nothing is built or sent)
     */
    Optional<Deliverer.Outcome> correct(BriefConfig brief, Period period, Path workbook, Path out) throws IOException {
        Publications published = new Publications(out);
        List<DeliveryLedger.Entry> got = service.ledger().list(brief.id(), period).stream()
                .filter(DeliveryLedger.Entry::reached)
                .toList();
        List<DeliveryLedger.Entry> served =
                got.stream().filter(e -> e.kind().equals("brief")).toList();
        if (served.isEmpty()) {
            throw new DeliveryException(Phrase.of("correction.not-delivered", brief.id(), period));
        }
        Manifest now = published
                .manifest(brief.id(), period)
                .orElseThrow(() -> new DeliveryException(Phrase.of("correction.no-edition", brief.id(), period)));
        String nowSha = now.output(Manifest.Kind.PDF).orElseThrow().sha256();
        Set<String> hadNow = got.stream()
                .filter(e -> e.pdfSha256().equals(nowSha))
                .map(DeliveryLedger.Entry::recipient)
                .collect(Collectors.toSet());
        // The corrected edition published, and not yet with every reader of the first (or any: unapproved).
        boolean pending =
                !now.corrections().isEmpty() && served.stream().anyMatch(e -> !hadNow.contains(e.recipient()));
        if (!pending) {
            // Against the edition its readers got last: the first, or a correction sent since.
            Manifest first = got.stream()
                    .max(Comparator.comparing(DeliveryLedger.Entry::updated))
                    .flatMap(e -> published.edition(brief.id(), period, e.pdfSha256()))
                    .orElseThrow(() -> new DeliveryException(Phrase.of("correction.no-edition", brief.id(), period)));
            Checked checked = pipeline.check(brief, workbook, period);
            if (!checked.report().valid()) {
                throw new DataInvalidException(checked.report());
            }
            List<String> lines = Corrections.between(first, brief, checked);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            pipeline.build(brief, workbook, period, out, null, lines);
        }
        String corrected = published
                .manifest(brief.id(), period)
                .flatMap(m -> m.output(Manifest.Kind.PDF))
                .orElseThrow()
                .sha256();
        if (brief.delivery().approvalRequired()
                && !service.approvals().lastApproved(brief.id(), period).equals(Optional.of(corrected))) {
            // An approver reads the corrected edition first: approving it sends it (Approving.approve).
            letters.approvalWanted(brief, period, corrected, false, null);
            throw new DeliveryException(Phrase.of("correction.awaiting-approval", brief.id(), period, corrected));
        }
        RunHistory runs = service.runs();
        service.markInterrupted();
        long id = runs.start(brief.id(), period, RunTrigger.CORRECTION, null, service.node(), Instant.now())
                .orElseThrow();
        try {
            Deliverer.Outcome o = letters.correction(
                    brief,
                    period,
                    published.folder(brief.id(), period),
                    served.stream().map(DeliveryLedger.Entry::recipient).toList(),
                    served.get(0).messageId());
            RunOutcome.record(runs, id, brief, o);
            return Optional.of(o);
        } catch (IOException | RuntimeException e) {
            RunOutcome.record(runs, id, brief, e);
            throw e;
        }
    }
}
