package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.EditorialConfig;
import dev.briefpipe.config.LayoutBlock;
import dev.briefpipe.model.CellRef;
import dev.briefpipe.model.Dataset;
import dev.briefpipe.model.Finding;
import dev.briefpipe.model.FindingCode;
import dev.briefpipe.model.Row;
import dev.briefpipe.model.Severity;
import dev.briefpipe.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The brief's policy for unverified rows (status 미확인, 추정 …) that the PDF prints in a figure, table or
 * list: under {@code warn} each is a warning at its status cell, under {@code block} an error; under
 * {@code footnote} the PDF marks them and validation says nothing.
 */
public final class UnverifiedRows {
    private UnverifiedRows() {}

    public static List<Finding> check(BriefConfig brief, Dataset data) {
        EditorialConfig.Unverified policy = brief.editorial().unverified();
        if (policy.policy() == EditorialConfig.Policy.FOOTNOTE) {
            return List.of();
        }
        Severity severity = policy.policy() == EditorialConfig.Policy.BLOCK ? Severity.ERROR : Severity.WARNING;
        List<Finding> findings = new ArrayList<>();
        for (LayoutBlock block : brief.layout()) {
            String sheet;
            String label;
            if (block instanceof LayoutBlock.Chart c) {
                sheet = c.sheet();
                label = c.category();
            } else if (block instanceof LayoutBlock.Table t) {
                sheet = t.sheet();
                label = t.labelColumn();
            } else if (block instanceof LayoutBlock.ListBlock l) {
                sheet = l.sheet();
                label = l.field();
            } else {
                continue;
            }
            String where = PrintedBlocks.where(brief, data, block);
            Table table = data.findTable(sheet).orElse(null);
            if (table == null) {
                continue;
            }
            for (Row r : table.rows()) {
                if (!policy.matches(r)) {
                    continue;
                }
                CellRef at = Placements.at(table, r, policy.field());
                findings.add(new Finding(
                        FindingCode.UNVERIFIED_PRINTED,
                        severity,
                        at,
                        policy.field(),
                        "",
                        r.text(policy.field()),
                        "",
                        List.of(label == null ? "" : r.text(label), where)));
            }
        }
        return findings;
    }
}
