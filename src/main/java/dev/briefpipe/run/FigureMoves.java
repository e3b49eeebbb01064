package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Period;
import dev.briefpipe.model.Severity;
import dev.briefpipe.publish.Manifest;
import dev.briefpipe.publish.Publications;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Month over month: each key figure beside its value in the last period published before this one, and
 * whether the workbook is the very one that period was built from, or gives the very values it gave
 * (its analysts have not yet given it this period's data; a workbook re-saved as it was, or whose
 * summary sheet a build refreshed in place, is a new file with the same data). A
 * figure that moved by more than the brief's {@code summary.maxChange} is a warning, unless an analyst
 * explained it in the note (비고) of a row the figure read, written or changed since that period (a note
 * that was already there explains nothing new); the explanation then travels with the figure to the
 * mail and the summary sheet.
 *
 * @param previousPeriod the period compared with, or null when none was published
 * @param previous by figure id, that period's values
 * @param notes by figure id, the analysts' notes on the rows a moved figure read
 * @param findings a figure moved with no note to say why (a warning), and the workbook that period was
 *     built from (see {@link #of})
 * @param data the SHA-256 of every value the workbook's sheets gave ({@link PrintedData#values}), or null
 *     when there was none to compare it with
 */
record FigureMoves(
        Period previousPeriod,
        Map<String, BigDecimal> previous,
        Map<String, String> notes,
        List<Finding> findings,
        String data) {
    /** How far back a previous period is looked for. */
    private static final int MONTHS_BACK = 24;

    /**
     * @param c the workbook checked: the very workbook of the last period published, or one of its very
     *     values, is a finding of {@code unchanged} severity (a brief that would only repeat that period's)
     */
    static FigureMoves of(BriefConfig brief, Checked c, Publications published, Period period, Severity unchanged) {
        Map<String, KeyFigure> figures = c.figures();
        String workbook = c.workbook().sha256();
        Optional<Manifest> before = Optional.empty();
        Period p = period;
        for (int i = 0; i < MONTHS_BACK && before.isEmpty(); i++) {
            p = p.previous();
            before = published.manifest(brief.id(), p);
        }
        if (before.isEmpty()) {
            return new FigureMoves(null, Map.of(), Map.of(), List.of(), null);
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, BigDecimal> previous = new HashMap<>();
        before.get().figures().stream().filter(f -> f.value() != null).forEach(f -> previous.put(f.id(), f.value()));
        Set<String> oldNotes = new java.util.HashSet<>();
        before.get()
                .figures()
                .forEach(f -> f.reads().forEach(r -> oldNotes.add(r.note().strip())));
        Map<String, String> notes = new HashMap<>();
        // Hashed only when that period kept a hash to compare with (a manifest written before it has none).
        String data = before.get().dataSha256() == null ? null : c.dataSha256();
        if ((data != null && data.equals(before.get().dataSha256()))
                || before.get().inputs().stream()
                        .anyMatch(i ->
                                i.kind() == Manifest.Kind.WORKBOOK && i.sha256().equals(workbook))) {
            String sheet = brief.sheets().values().stream()
                    .findFirst()
                    .map(SheetSchema::sheet)
                    .orElse("");
            findings.add(new Finding(
                    FindingCode.WORKBOOK_UNCHANGED,
                    unchanged,
                    CellRef.ofSheet(sheet),
                    "",
                    "",
                    "",
                    "",
                    List.of(before.get().period().toString(), period.toString())));
        } else {
            // This period's data typed into the workbook of the one published, its number or date left as they were.
            findings.addAll(TitleDate.stale(brief, c.data(), period, before.get()));
        }
        BigDecimal limit = brief.summary() == null ? null : brief.summary().maxChange();
        Locale locale = Locale.forLanguageTag(brief.locale());
        Messages words = Messages.forLocale(brief.locale());
        for (KeyFigure f : figures.values()) {
            BigDecimal was = previous.get(f.id());
            BigDecimal change = f.changeFrom(was);
            if (limit == null || change == null || change.abs().compareTo(limit) <= 0) {
                continue;
            }
            Set<String> fresh = notesOf(f, figures, new LinkedHashSet<>());
            fresh.removeAll(oldNotes);
            String note = String.join(" / ", fresh);
            if (!note.isEmpty()) {
                notes.put(f.id(), note);
                continue;
            }
            findings.add(new Finding(
                    FindingCode.FIGURE_MOVED,
                    Severity.WARNING,
                    firstCell(f).orElse(CellRef.ofSheet(brief.summary().sheet())),
                    f.id(),
                    f.label(),
                    f.formatted(locale),
                    "",
                    List.of(
                            before.get().period().toString(),
                            f.withValue(was).formatted(locale),
                            f.moveFrom(was, locale, s -> words.get("figure.points", s)),
                            KeyFigure.percent(limit, false, locale))));
        }
        return new FigureMoves(before.get().period(), previous, notes, findings, data);
    }

    /**
     * A check with the moves since the last period published told, as {@code validate} tells them: when
     * a past period's record cannot be read, nothing is compared (a build of the period says which
     * record and stops), and the workbook is checked all the same.
     */
    static Checked told(BriefConfig brief, Checked c, Publications published, Period period) {
        try {
            return of(brief, c, published, period, Severity.WARNING).applied(c);
        } catch (StoreException | UncheckedIOException e) {
            LoggerFactory.getLogger(FigureMoves.class)
                    .info(
                            "{}: key figures not compared with the last period published: {}",
                            brief.id(),
                            e.getMessage());
            return c;
        }
    }

    /** Each key figure as the manifest keeps it: with the value it was compared with and its note. */
    List<Manifest.Figure> manifested(Map<String, KeyFigure> figures) {
        return figures.values().stream()
                .map(f -> new Manifest.Figure(
                        f.id(),
                        f.label(),
                        f.value(),
                        f.unit(),
                        f.format(),
                        f.expr(),
                        f.reads(),
                        previous.get(f.id()),
                        notes.get(f.id())))
                .toList();
    }

    /**
     * The check's result with these findings among its own, and each explained figure's note
     * beside its own (for the summary sheet's 비고 column).
     */
    Checked applied(Checked c) {
        if (findings.isEmpty() && notes.isEmpty()) {
            return c;
        }
        List<Finding> all = new ArrayList<>(c.report().findings());
        all.addAll(findings);
        Map<String, KeyFigure> figures = new java.util.LinkedHashMap<>();
        c.figures().forEach((id, f) -> {
            String note = notes.get(id);
            figures.put(
                    id,
                    note == null
                            ? f
                            : f.withNote(f.note() == null || f.note().isBlank() ? note : f.note() + " / " + note));
        });
        return new Checked(
                c.workbook(),
                new dev.briefpipe.model.ValidationReport(
                        c.report().workbook(), all, c.report().stats()),
                c.sheetData(),
                c.data(),
                figures);
    }

    /** The notes on the rows a figure read, and on those of the figures it is computed from. */
    private static Set<String> notesOf(KeyFigure f, Map<String, KeyFigure> all, Set<String> seen) {
        Set<String> out = new LinkedHashSet<>();
        if (!seen.add(f.id())) {
            return out;
        }
        for (CellRead r : f.reads()) {
            if (!r.note().isBlank()) {
                out.add(r.note().strip());
            }
            KeyFigure used = all.get(r.where());
            if (used != null) {
                out.addAll(notesOf(used, all, seen));
            }
        }
        return out;
    }

    /** The first cell a figure read, where the analyst would look: {@code '특허_발명자국가'!D2}. */
    private static Optional<CellRef> firstCell(KeyFigure f) {
        for (CellRead r : f.reads()) {
            Optional<CellRef> c = CellRef.parseExcel(r.where());
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }
}
