package dev.briefpipe.console;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.Settings;
import dev.briefpipe.deliver.DeliveryLedger;
import dev.briefpipe.deliver.DeliveryState;
import dev.briefpipe.export.report.FindingText;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.io.FileHashes;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.RunStatus;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import dev.briefpipe.run.Approving;
import dev.briefpipe.run.BriefService;
import dev.briefpipe.schedule.BriefScheduler;
import dev.briefpipe.store.RunHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the console shows of a brief, gathered from the config, the workbook, the published period, the
 * run history, the ledger and the scheduler. A workbook is validated once per version (by its SHA-256)
 * and period, and again when a period is published or built again (what it is compared with).
 */
public final class Views {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
    private final Settings settings;
    private final BriefService service;
    private final BriefScheduler scheduler;
    /** By brief and period: the workbook's hash and the periods published, and the check made of them. */
    private final Map<String, Map.Entry<String, VersionCheck>> checked = new ConcurrentHashMap<>();

    Views(Settings settings, BriefService service, BriefScheduler scheduler) {
        this.settings = settings;
        this.service = service;
        this.scheduler = scheduler;
    }

    /** One line of the overview. */
    public record BriefRow(
            String id,
            String title,
            String period,
            String workbookSha,
            boolean valid,
            String validation,
            String lastRun,
            String nextFire,
            boolean paused,
            String approval,
            long delivered,
            long failed,
            long unknown) {
        /** Whether the brief has a working workbook yet (a new brief's analyst uploads the first). */
        public boolean hasWorkbook() {
            return !workbookSha.equals("—");
        }

        /** Whether the brief has a schedule to pause: one without is built and sent by hand. */
        public boolean scheduled() {
            return paused || !nextFire.equals("—");
        }
    }

    /** A finding as the analyst reads it. */
    public record FindingRow(boolean error, String cell, String value, String expected, String message) {}

    /** The brief's page. */
    public record BriefView(
            BriefRow row,
            List<FindingRow> findings,
            String pdfSha,
            Integer pages,
            List<FigureRow> figures,
            List<dev.briefpipe.run.Sentences.Sentence> sentences,
            boolean approvalRequired,
            List<RunHistory.Shown> runs,
            List<DeliveryLedger.Entry> deliveries,
            boolean approved,
            List<Period> published,
            List<String> damaged,
            boolean outdated,
            boolean superseded) {
        public boolean built() {
            return pdfSha != null;
        }
    }

    /** The period a brief's row and page show unless asked: the one awaiting approval, else the current. */
    Period period(BriefConfig brief) {
        return service.approving().awaiting(brief).orElseGet(() -> brief.periodAt(Instant.now()));
    }

    List<BriefRow> rows(Messages words) {
        List<BriefRow> rows = new ArrayList<>();
        for (BriefConfig b : settings.briefs().values()) {
            Period p = period(b);
            rows.add(row(b, p, words, check(b, p)));
        }
        return rows;
    }

    /** @param c the working workbook's check for the period */
    private BriefRow row(BriefConfig b, Period period, Messages words, VersionCheck c) {
        // While the scheduler retries the period (its data invalid, or its PDF unapproved): when it is missed.
        String deadline = scheduler
                .deadline(b, period)
                .map(d -> " · " + words.get("console.deadline", time(b, d)))
                .orElse("");
        String validation = c.unreadable() != null
                ? words.get("console.unreadable")
                : c.report() == null
                        ? words.get("console.no-workbook")
                        : c.report().valid()
                                ? words.get("console.valid", c.report().warningCount())
                                : words.get("console.invalid", c.report().errorCount()) + deadline;
        List<RunHistory.Run> last = service.runs().list(b.id(), 1);
        // The brief's last run, whatever its period: named when it is not the period shown.
        String lastRun = last.isEmpty()
                ? "—"
                : words.word("status", last.get(0).status().id())
                        + (last.get(0).period().equals(period)
                                ? ""
                                : " (" + last.get(0).period() + ")")
                        + " · " + time(b, last.get(0).started());
        String next = "?";
        boolean paused = false;
        try {
            List<BriefScheduler.TriggerView> triggers = scheduler.triggers(b.id());
            next = BriefScheduler.soonest(triggers)
                    .map(t ->
                            time(b, t.effectiveNext().toInstant()) + (t.period() == null ? "" : " · " + t.named(words)))
                    .orElse("—");
            paused = triggers.stream()
                    .anyMatch(t -> t.name().equals("cron") && t.state().equals("PAUSED"));
        } catch (StoreException e) {
            // the scheduler's tables cannot be read: the next fire is not known
        }
        // A word on an earlier PDF of the period (rejected, then built again) does not speak for this one.
        Optional<String> pdf = service.approving().shownPdf(b, period);
        String approval = service.approvals()
                .latest(b.id(), period)
                .filter(a -> pdf.isEmpty() || a.pdfSha256().equals(pdf.get()))
                .map(a -> words.get("console.approval." + a.state().id(), a.actor(), time(b, a.at()), a.comment()))
                .orElse(
                        b.delivery().approvalRequired() && pdf.isPresent()
                                ? words.get("console.approval.pending") + deadline
                                : "—");
        List<DeliveryLedger.Entry> ledger = service.ledger().list(b.id(), period);
        return new BriefRow(
                b.id(),
                b.title(),
                period.toString(),
                c.sha() == null ? "—" : c.sha().substring(0, 12),
                c.report() != null && c.report().valid(),
                validation,
                lastRun,
                next,
                paused,
                approval,
                DeliveryLedger.count(ledger, DeliveryState.SENT),
                DeliveryLedger.count(ledger, DeliveryState.FAILED),
                DeliveryLedger.count(ledger, DeliveryState.UNKNOWN));
    }

    /** @param candidate an uploaded version's validation, shown instead of the working workbook's */
    BriefView view(BriefConfig b, Period period, Messages words, VersionCheck candidate) {
        VersionCheck working = check(b, period); // the row's, and what the PDF is compared with
        BriefRow row = row(b, period, words, working);
        VersionCheck c = candidate != null ? candidate : working;
        FindingText text = new FindingText(words);
        List<FindingRow> findings = new ArrayList<>();
        if (c.unreadable() != null) {
            c.unreadable().explain().forEach(p -> findings.add(new FindingRow(true, "", "", "", words.get(p))));
        } else if (c.report() != null) {
            for (Finding f : c.report().findings()) {
                findings.add(new FindingRow(f.isError(), f.at().excel(), f.value(), text.expected(f), text.message(f)));
            }
        }
        List<String> damaged = new ArrayList<>();
        Optional<Manifest> m = manifest(b, period, words, damaged);
        Optional<Manifest.FileEntry> pdf = m.flatMap(x -> x.output(Manifest.Kind.PDF));
        List<DeliveryLedger.Entry> ledger = service.ledger().list(b.id(), period);
        List<FigureRow> figures = new ArrayList<>();
        Locale locale = Locale.forLanguageTag(b.locale());
        java.math.BigDecimal limit = b.summary() == null ? null : b.summary().maxChange();
        Messages inBrief = Messages.forLocale(b.locale());
        m.ifPresent(x -> x.figures()
                .forEach(f -> figures.add(FigureRow.of(f, limit, locale, s -> inBrief.get("figure.points", s)))));
        return new BriefView(
                row,
                findings,
                pdf.map(Manifest.FileEntry::sha256).orElse(null),
                pdf.map(Manifest.FileEntry::pages).orElse(null),
                figures,
                c.sentences(),
                b.delivery().approvalRequired(),
                service.runs().shown(b.id(), 20),
                ledger,
                pdf.isPresent()
                        && service.approvals()
                                .approved(b.id(), period, pdf.get().sha256()),
                new Publications(settings.outputDir())
                        .periods(b.id()).stream().limit(12).toList(),
                damaged,
                service.approving().outdated(b, m, working.sha(), working.data()),
                m.filter(x -> Approving.superseded(x, ledger)).isPresent());
    }

    /** A period's manifest, if built; one that cannot be read is told in {@code damaged}, not thrown. */
    private Optional<Manifest> manifest(BriefConfig b, Period p, Messages words, List<String> damaged) {
        try {
            return new Publications(settings.outputDir()).manifest(b.id(), p);
        } catch (StoreException e) {
            e.explain().forEach(x -> damaged.add(words.get(x)));
            return Optional.empty();
        }
    }

    /** The current workbook's validation for a period, checked against the last period published. */
    VersionCheck check(BriefConfig b, Period period) {
        Path wb = settings.workbookOf(b);
        String sha;
        try {
            sha = FileHashes.sha256(wb);
        } catch (IOException e) { // none yet (a new brief's analyst uploads the first), or not a file
            return VersionCheck.unreadable(null, null);
        }
        String key = b.id() + " " + period;
        String stamp = sha + published(b);
        Map.Entry<String, VersionCheck> known = checked.get(key);
        if (known != null && known.getKey().equals(stamp)) {
            return known.getValue();
        }
        VersionCheck fresh;
        try {
            fresh = VersionCheck.of(sha, b, service.check(b, wb, period));
        } catch (Failure f) {
            fresh = VersionCheck.unreadable(sha, f);
        }
        checked.put(key, Map.entry(stamp, fresh));
        return fresh;
    }

    /** The brief's periods published, each as its manifest was last written. */
    private String published(BriefConfig b) {
        Publications out = new Publications(settings.outputDir());
        StringBuilder s = new StringBuilder();
        try {
            for (Period p : out.periods(b.id())) {
                Path manifest = out.folder(b.id(), p).resolve(Publications.MANIFEST);
                s.append(' ').append(p).append('@').append(Files.getLastModifiedTime(manifest));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            s.append(" ?").append(System.nanoTime()); // unknown: checked again
        }
        return s.toString();
    }

    /** How a run's status is coloured: done, waiting (on an approver, or still running), or failed. */
    public static String tone(RunStatus s) {
        return s.succeeded()
                ? "ok"
                : s == RunStatus.RUNNING || s == RunStatus.AWAITING_APPROVAL || s == RunStatus.DRY_RUN ? "warn" : "bad";
    }

    static String time(BriefConfig b, Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(b.zone()));
    }

    /**
     * A moment of a run or an audit entry, to the second, with its zone named: the brief's zone; for an
     * entry of no brief (a login), the zone all briefs share, else the server's.
     */
    public String at(Instant t, String brief) {
        List<ZoneId> zones = settings.briefs().values().stream()
                .filter(b -> brief == null || b.id().equals(brief))
                .map(BriefConfig::zone)
                .distinct()
                .toList();
        return t == null ? "—" : AT.format(t.atZone(zones.size() == 1 ? zones.get(0) : ZoneId.systemDefault()));
    }
}
