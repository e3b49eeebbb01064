package dev.briefpipe.run;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.TextPattern;
import dev.briefpipe.model.KeyFigure;
import dev.briefpipe.publish.Manifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a correction says: every key figure and narrative sentence that differs between the edition
 * delivered (its manifest) and the workbook now, old → new, and each figure, table or list whose printed
 * values differ, under a heading in the brief's language.
 */
final class Corrections {
    private Corrections() {}

    /** @return the heading then one line per change; empty when nothing a reader sees has changed */
    static List<String> between(Manifest delivered, BriefConfig brief, Checked now) {
        Locale locale = Locale.forLanguageTag(brief.locale());
        Messages words = Messages.forLocale(brief.locale());
        List<String> changes = new ArrayList<>();
        Map<String, Manifest.Figure> before = new HashMap<>();
        delivered.figures().forEach(f -> before.put(f.id(), f));
        for (KeyFigure f : now.figures().values()) {
            Manifest.Figure was = before.get(f.id());
            if (was == null) {
                continue;
            }
            String old = f.withValue(was.value()).withUnit(locale);
            String fresh = f.withUnit(locale);
            if (!old.equals(fresh)) {
                changes.add(words.get("correction.figure", f.label(), old, fresh));
            }
        }
        Map<String, String> said = new HashMap<>();
        delivered.sentences().forEach(s -> said.put(s.cell(), s.text()));
        for (Sentences.Sentence s : Sentences.of(brief, now)) {
            String old = said.get(s.cell());
            if (old != null && !old.equals(s.printed())) {
                changes.add(words.get("correction.sentence", s.cell(), old, s.printed()));
            }
        }
        // A table, figure or list whose printed values changed: named once, its rows not listed one by one.
        Map<String, String> printed = new HashMap<>();
        delivered.blocks().forEach(b -> printed.put(b.name(), b.sha256()));
        for (Manifest.Block b : PrintedData.of(brief, now)) {
            String was = printed.get(b.name());
            if (was != null && !was.equals(b.sha256())) {
                changes.add(words.get("correction.block", b.name()));
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        // The month in words, as the letters name it ("2025년 3월", "March 2025"), not "2025-03".
        String month = TextPattern.fill(
                words.get("letter.month"), Map.of("period", delivered.period().month()), locale);
        lines.add(words.get("correction.heading", month));
        lines.addAll(changes);
        return lines;
    }
}
