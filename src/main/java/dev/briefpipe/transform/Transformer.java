package dev.briefpipe.transform;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.EditorialConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.config.SheetSchema;
import dev.briefpipe.expr.ExprEvaluator;
import dev.briefpipe.expr.ExprException;
import dev.briefpipe.expr.ExprParser;
import dev.briefpipe.expr.MissingInputException;
import dev.briefpipe.model.CellRead;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transform stage: adds each sheet's derived fields (currency conversion, shares…) to its rows
 * and computes the brief's key figures. Pure: the input dataset is not changed. A figure or field
 * that cannot be computed becomes a finding (code {@code figure-failed} / {@code derived-failed}),
 * never a silent zero.
 */
public final class Transformer {
    /** The inputs kept to explain a figure: an aggregate over a large sheet is told by its first cells. */
    private static final int MAX_READS = 50;

    /** The enriched data, the key figures by id (in config order), and what could not be computed. */
    public record Result(Dataset dataset, Map<String, KeyFigure> figures, List<Finding> findings) {}

    public Result apply(Dataset data, BriefConfig brief) {
        List<Finding> findings = new ArrayList<>();
        Dataset enriched = Derivation.derive(data, brief, findings);
        Map<String, KeyFigure> figures = new LinkedHashMap<>();
        Map<String, Object> values = new HashMap<>();
        java.util.Set<String> failed = new java.util.HashSet<>();
        // Figures worked out to no value, with the blank cell they read if any: one built on them says so.
        Map<String, Optional<String>> blank = new HashMap<>();
        ExprEvaluator eval = new ExprEvaluator(enriched, name -> {
            if (failed.contains(name)) {
                throw new MissingInputException(null, null, "figure-failed", name);
            }
            if (blank.containsKey(name)) {
                throw blank.get(name)
                        .map(cell -> new ExprException(-1, "figure-blank-cell", name, cell))
                        .orElseGet(() -> new ExprException(-1, "figure-blank", name));
            }
            return Optional.ofNullable(values.get(name));
        });
        if (brief.summary() != null) {
            for (BriefConfig.Figure f : brief.summary().figures()) {
                BigDecimal v = null;
                Object o = null;
                List<CellRead> reads = new ArrayList<>();
                long[] more = {0};
                try {
                    o = eval.recording(r -> {
                                if (reads.size() < MAX_READS) {
                                    reads.add(r);
                                } else {
                                    more[0]++;
                                }
                            })
                            .eval(ExprParser.parse(f.expr()));
                    v = o instanceof BigDecimal b ? b : null;
                } catch (ExprException e) {
                    failed.add(f.id());
                    if (!reportedElsewhere(e, enriched, brief)) {
                        findings.add(new Finding(
                                FindingCode.FIGURE_FAILED,
                                Severity.ERROR,
                                CellRef.ofSheet(brief.summary().sheet()),
                                f.id(),
                                f.label(),
                                f.expr(),
                                "",
                                List.of(TemplateResolver.reason(e, brief))));
                    }
                }
                if (v != null) {
                    values.put(f.id(), v);
                } else if (o == null && !failed.contains(f.id())) {
                    blank.put(f.id(), firstBlank(reads));
                    blankPrinted(brief, f, blank.get(f.id()), findings);
                }
                if (more[0] > 0) {
                    reads.add(new CellRead("…", "+" + more[0]));
                }
                figures.put(
                        f.id(), new KeyFigure(f.id(), f.label(), v, f.unit(), f.format(), f.expr(), f.note(), reads));
            }
        }
        Dataset filled = fillTemplates(enriched, brief, new TemplateResolver(eval, brief), findings);
        return new Result(asPublished(filled, brief), figures, findings);
    }

    /**
     * The published wording of corrected rows (a column declared {@code corrects: field}) is made
     * {@link Prose} as the text it corrects is, so the two compare word for word; under the brief's
     * {@code original} corrections policy it replaces the corrected field, so the PDF and the extracts
     * print the brief as published.
     */
    private static Dataset asPublished(Dataset data, BriefConfig brief) {
        EditorialConfig.Corrections policy = brief.editorial().corrections();
        boolean original = policy.policy() == EditorialConfig.CorrectionPolicy.ORIGINAL;
        List<Table> out = new ArrayList<>();
        for (Table t : data.tables()) {
            SheetSchema schema = brief.sheets().get(t.id());
            Map<String, String> columns = schema == null ? Map.of() : EditorialConfig.Corrections.columns(schema);
            if (columns.isEmpty()) {
                out.add(t);
                continue;
            }
            boolean narrative = narrative(brief, t);
            List<Row> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                Map<String, Object> values = new HashMap<>(r.values());
                policy.published(schema, r).forEach((field, text) -> {
                    var corrected = schema.columns().get(field);
                    String published = corrected == null || !corrected.template()
                            ? text
                            : Prose.printed(text, brief.style(), narrative && bulletText(brief, r, field));
                    values.put(columns.get(field), published);
                    if (original) {
                        values.put(field, published);
                    }
                });
                rows.add(new Row(r.sheetRow(), values, r.cells()));
            }
            out.add(t.withRows(t.fields(), t.columns(), rows));
        }
        return new Dataset(out);
    }

    /** A key figure the PDF's boxes print as "–": a warning at the blank cell it read (or the summary). */
    private static void blankPrinted(
            BriefConfig brief, BriefConfig.Figure f, Optional<String> cell, List<Finding> out) {
        if (brief.layout().stream()
                .anyMatch(b ->
                        b instanceof LayoutBlock.KeyFigures k && k.figures().contains(f.id()))) {
            CellRef at = cell.flatMap(CellRef::parseExcel)
                    .orElse(CellRef.ofSheet(brief.summary().sheet()));
            out.add(new Finding(FindingCode.FIGURE_BLANK, Severity.WARNING, at, f.id(), f.label(), "", "", List.of()));
        }
    }

    /** The first of these reads that found a blank or invalid cell, to name it in a finding. */
    private static Optional<String> firstBlank(List<CellRead> reads) {
        return reads.stream()
                .filter(r -> r.value().isEmpty())
                .map(CellRead::where)
                .findFirst();
    }

    /**
     * Whether the failure follows from an error already reported: a figure built on a failed figure, a
     * lookup in a table whose sheet is missing, in a required column the sheet lacks, or in a table left
     * empty although its sheet requires rows (the missing sheet or column or the row count is the error).
     */
    private static boolean reportedElsewhere(ExprException e, Dataset data, BriefConfig brief) {
        if (!(e instanceof MissingInputException m)) {
            return false;
        }
        if (m.table() == null || data.findTable(m.table()).isEmpty()) {
            return true;
        }
        SheetSchema s = brief.sheets().get(m.table());
        if (s == null) {
            return false;
        }
        if (m.field() != null) {
            // A missing required column is an error of its own; a missing optional one only a warning.
            ColumnSpec c = s.columns().get(m.field());
            return c != null && c.required();
        }
        return s.requiresRows();
    }

    /**
     * Replaces placeholders in the text of every column declared {@code template: true}, and makes it
     * {@link Prose}: the text as it will be printed.
     */
    private static Dataset fillTemplates(
            Dataset data, BriefConfig brief, TemplateResolver resolver, List<Finding> findings) {
        List<Table> out = new ArrayList<>();
        for (Table t : data.tables()) {
            SheetSchema schema = brief.sheets().get(t.id());
            List<String> templated = schema == null
                    ? List.of()
                    : schema.columns().entrySet().stream()
                            .filter(e -> e.getValue().template())
                            .map(Map.Entry::getKey)
                            .toList();
            if (templated.isEmpty()) {
                out.add(t);
                continue;
            }
            boolean narrative = narrative(brief, t);
            List<Row> rows = new ArrayList<>();
            for (Row r : t.rows()) {
                Map<String, Object> values = new HashMap<>(r.values());
                for (String field : templated) {
                    if (r.get(field) instanceof String text && r.cell(field).isPresent()) {
                        String filled = resolver.resolve(
                                text,
                                r.cell(field).get(),
                                field,
                                schema.columns().get(field).title(),
                                findings);
                        values.put(
                                field, Prose.printed(filled, brief.style(), narrative && bulletText(brief, r, field)));
                    }
                }
                rows.add(new Row(r.sheetRow(), values, r.cells()));
            }
            out.add(t.withRows(t.fields(), t.columns(), rows));
        }
        return new Dataset(out);
    }

    /** Whether a layout block prints the table as a narrative (sections of bullets). */
    private static boolean narrative(BriefConfig brief, Table t) {
        return brief.layout().stream()
                .anyMatch(b -> b instanceof LayoutBlock.Narrative n && n.sheet().equals(t.id()));
    }

    /** Whether a field of a narrative's row is its bullet's text (its marker printed by its level). */
    private static boolean bulletText(BriefConfig brief, Row r, String field) {
        return field.equals("text") && brief.style().isBullet(r.text("level"));
    }
}
