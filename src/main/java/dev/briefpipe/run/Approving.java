package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.Deliverer;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.Resend;
import dev.briefpipe.failure.DeliveryException;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunTrigger;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.store.Approvals;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An approver's word on a period's PDF, as the console gives it. Approval names the exact bytes (the
 * PDF's SHA-256 the approver saw) and sends them at once, as a run; a rejection tells the analysts why;
 * a new workbook withdraws every approval of the brief not yet acted on. Each is in the audit log.
 */
public final class Approving {
    /** The phrase of a send refused because no PDF of the period was approved: the run awaits approval. */
    static final String UNAPPROVED = "send.unapproved";

    private final Settings settings;
    private final BriefService service;
    private final PeriodLetters letters;

    Approving(Settings settings, BriefService service, PeriodLetters letters) {
        this.settings = settings;
        this.service = service;
        this.letters = letters;
    }

    /** The published PDF's SHA-256 for a period, if it was built. */
    public Optional<String> publishedPdf(BriefConfig brief, Period period) {
        return new Publications(settings.outputDir())
                .manifest(brief.id(), period)
                .flatMap(m -> m.output(Manifest.Kind.PDF))
                .map(Manifest.FileEntry::sha256);
    }

    /** The published PDF's SHA-256 as the console shows it: none when its manifest cannot be read either. */
    public Optional<String> shownPdf(BriefConfig brief, Period period) {
        try {
            return publishedPdf(brief, period);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the working workbook was changed after the period's PDF was built (by an analyst, not by
     * the build's own summary refresh, which is done before the build ends): the PDF does not show it.
     * Its values are compared where the manifest kept theirs: a workbook saved again as it was is the same.
     *
     * @param built the period's manifest, as the caller read it
     * @param workingSha256 the working workbook's SHA-256 now
     * @param workingData the hash of its values ({@link Checked#dataSha256}), or null when it was not read
     */
    public boolean outdated(BriefConfig brief, Optional<Manifest> built, String workingSha256, String workingData) {
        if (built.isPresent() && workingData != null && built.get().dataSha256() != null) {
            return !workingData.equals(built.get().dataSha256());
        }
        try {
            return built.isPresent()
                    && workingSha256 != null
                    && built.get().inputs().stream()
                            .noneMatch(i -> i.kind() == Manifest.Kind.WORKBOOK
                                    && i.sha256().equals(workingSha256))
                    && Files.getLastModifiedTime(settings.workbookOf(brief))
                            .toInstant()
                            .isAfter(built.get().finishedAt());
        } catch (IOException e) {
            return false; // no workbook to compare
        }
    }

    /**
     * The latest published period while its PDF is not approved, when the brief needs approval: what an
     * approver opening the console comes for (or, rejected, what analysts and operators mend and build
     * again), whatever month it is now.
     */
    public Optional<Period> awaiting(BriefConfig brief) {
        if (!brief.delivery().approvalRequired()) {
            return Optional.empty();
        }
        List<Period> built = new Publications(settings.outputDir()).periods(brief.id());
        Optional<String> pdf = built.isEmpty() ? Optional.empty() : shownPdf(brief, built.get(0));
        if (pdf.isEmpty()) {
            return Optional.empty(); // none, or its manifest cannot be read: that period's page says so
        }
        boolean approved = service.approvals()
                .latest(brief.id(), built.get(0))
                .filter(a -> a.approves(pdf.get()))
                .isPresent();
        return approved ? Optional.empty() : Optional.of(built.get(0));
    }

    /**
     * What a send by hand may mail of a brief that wants approval: the PDF an approver last approved for
     * the period (a send of any other is refused); empty when the brief wants none.
     *
     * @throws DeliveryException when no PDF of the period was approved
     */
    public Optional<String> approvedToSend(BriefConfig brief, Period period) {
        if (!brief.delivery().approvalRequired()) {
            return Optional.empty();
        }
        return Optional.of(service.approvals()
                .lastApproved(brief.id(), period)
                .orElseThrow(() -> new DeliveryException(Phrase.of(UNAPPROVED, brief.id(), period))));
    }

    /**
     * Asks the brief's approvers to approve a build's PDF, when the brief wants approval, has readers,
     * and that PDF is not approved yet; once per PDF, as a scheduled run does. Not a plain edition of a
     * period whose readers got another PDF of it: that reaches them only as a correction, whose own
     * edition the approvers are asked about.
     *
     * @return whether an approver was mailed now
     */
    public boolean ask(BriefConfig brief, Period period, Built built) {
        if (!brief.delivery().approvalRequired() || brief.readers().isEmpty()) {
            return false;
        }
        Optional<String> sha = built.manifest().output(Manifest.Kind.PDF).map(Manifest.FileEntry::sha256);
        if (sha.isEmpty()
                || service.approvals().approved(brief.id(), period, sha.get())
                || superseded(built.manifest(), service.ledger().list(brief.id(), period))) {
            return false;
        }
        return letters.approvalWanted(brief, period, sha.get(), false, null);
    }

    /**
     * Whether a period's published edition is a plain one (no correction) while its readers got another
     * PDF of the period: it can reach them only as a correction, built by {@code send --correction}.
     *
     * @param ledger the period's deliveries
     */
    public static boolean superseded(Manifest published, List<DeliveryLedger.Entry> ledger) {
        return published.corrections().isEmpty()
                && published
                        .output(Manifest.Kind.PDF)
                        .filter(p -> DeliveryLedger.readersHadAnother(ledger, p.sha256()))
                        .isPresent();
    }

    /**
     * What came of an approval.
     *
     * @param sent the send to the readers
     * @param ownersTold some reader was not served and every owner has the letter saying so
     */
    public record Approved(Deliverer.Outcome sent, boolean ownersTold) {}

    /**
     * Approves the PDF the approver saw and sends exactly it to the readers, each once. A reader not
     * served is told to the owners, as a scheduled run tells them: the approver cannot send again.
     *
     * @param seenSha256 the SHA-256 of the PDF shown to the approver; refused when the published one differs
     */
    public Approved approve(BriefConfig brief, Period period, String seenSha256, String actor) throws IOException {
        Publications publications = new Publications(settings.outputDir());
        Optional<Manifest> built = publications.manifest(brief.id(), period);
        String published = built.flatMap(m -> m.output(Manifest.Kind.PDF))
                .map(Manifest.FileEntry::sha256)
                .orElse("");
        if (!published.equals(seenSha256)) {
            throw new DeliveryException(Phrase.of("send.not-approved", seenSha256, published));
        }
        service.approvals().record(brief.id(), period, seenSha256, Approvals.State.APPROVED, actor, null);
        service.audit().record(actor, "approve", brief.id(), period, seenSha256, null);
        RunHistory runs = service.runs();
        long id = runs.start(brief.id(), period, RunTrigger.APPROVAL, null, service.node(), Instant.now())
                .orElseThrow();
        Path dir = publications.folder(brief.id(), period);
        try {
            // A corrected edition goes as a correction, to exactly the readers of the first.
            Deliverer.Outcome o = built.filter(m -> !m.corrections().isEmpty()).isPresent()
                    ? service.correct(brief, period, settings.workbookOf(brief), settings.outputDir())
                            .orElseThrow()
                    : letters.brief(brief, period, dir, Resend.NONE, Optional.of(seenSha256));
            RunOutcome.record(runs, id, brief, o);
            Messages words = Messages.forLocale(brief.locale());
            if (!o.sent().isEmpty()
                    && !o.dryRun()
                    && runs.missed(brief.id(), period).isPresent()) {
                // The owners were told the period was missed: they hear that it went after all.
                letters.owners(
                        brief,
                        period,
                        "late",
                        "late " + seenSha256,
                        words.get("alert.late", actor, o.sent().size()));
            }
            boolean told = !o.allServed()
                    && !o.dryRun()
                    && !brief.delivery().owners().isEmpty()
                    && letters.owners(
                            brief,
                            period,
                            "alert",
                            "not served " + o.failed() + o.unknown(),
                            words.get(
                                    "alert.approved-not-served",
                                    actor,
                                    id,
                                    String.join(", ", o.failed()),
                                    String.join(", ", o.unknown())));
            return new Approved(o, told);
        } catch (IOException | RuntimeException e) {
            RunOutcome.record(runs, id, brief, e);
            throw e;
        }
    }

    /** Rejects the period's PDF; the analysts get the comment by mail. */
    public void reject(BriefConfig brief, Period period, String seenSha256, String actor, String comment) {
        service.approvals().record(brief.id(), period, seenSha256, Approvals.State.REJECTED, actor, comment);
        service.audit().record(actor, "reject", brief.id(), period, seenSha256, comment);
        String text = Messages.forLocale(brief.locale()).get("notice.rejected", actor, period, comment);
        letters.analysts(brief, period, "rejected", "rejected " + seenSha256 + " " + Instant.now(), text);
    }

    /** A new workbook: the approvals standing for the brief's periods no longer hold. */
    public void withdraw(BriefConfig brief, Period period, String actor) {
        service.approvals().latest(brief.id(), period).ifPresent(a -> {
            if (a.state() == Approvals.State.APPROVED) {
                service.approvals()
                        .record(brief.id(), period, a.pdfSha256(), Approvals.State.WITHDRAWN, actor, "new workbook");
                service.audit().record(actor, "withdraw", brief.id(), period, a.pdfSha256(), "new workbook");
            }
        });
    }
}
