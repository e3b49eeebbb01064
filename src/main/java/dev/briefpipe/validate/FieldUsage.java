package dev.briefpipe.validate;

import dev.briefpipe.config.BriefConfig;
import dev.briefpipe.config.ColumnSpec;
import dev.briefpipe.config.SheetSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which fields of a large sheet must be kept once it has been read: those the brief refers to
 * anywhere after reading (rules, checks, derived fields, figures, summary, layout, extracts, keys,
 * foreign keys and allowed-value lists in either direction) and those named by placeholders in
 * templated text. A field named anywhere is kept, even when the name belongs to another sheet: more
 * is kept than needed, never less.
 */
final class FieldUsage {
  private FieldUsage() {}

  static List<String> kept(BriefConfig brief, String sheetId, Collection<String> fields, CharSequence placeholders) {
    SheetSchema own = brief.sheets().get(sheetId);
    StringBuilder text = new StringBuilder();
    text.append(brief.summary()).append('\n').append(brief.layout()).append('\n').append(brief.extracts()).append('\n')
        .append(brief.style()).append('\n').append(placeholders).append('\n');
    for (Map.Entry<String, SheetSchema> e : brief.sheets().entrySet()) {
      SheetSchema s = e.getValue();
      text.append(s.rules()).append(s.checks()).append(s.derived()).append(s.rankOrder()).append('\n');
      for (Map.Entry<String, ColumnSpec> c : s.columns().entrySet()) {
        ColumnSpec spec = c.getValue();
        for (String target : new String[] {spec.references(), spec.valuesFrom()}) {
          if (target != null) {
            text.append(target).append('\n');
            if (e.getKey().equals(sheetId)) {
              text.append(c.getKey()).append('\n');
            }
          }
        }
      }
    }
    String usage = text.toString();
    List<String> kept = new ArrayList<>();
    for (String f : fields) {
      if (own.key().contains(f) || f.equals(own.value())
          || Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(f) + "(?![\\p{L}\\p{N}_])").matcher(usage).find()) {
        kept.add(f);
      }
    }
    return kept;
  }
}
