package dev.briefpipe.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** One block of the PDF, top to bottom; the YAML key {@code block} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "block")
@JsonSubTypes({
    @JsonSubTypes.Type(value = LayoutBlock.Title.class, name = "title"),
    @JsonSubTypes.Type(value = LayoutBlock.Section.class, name = "section"),
    @JsonSubTypes.Type(value = LayoutBlock.Narrative.class, name = "narrative"),
    @JsonSubTypes.Type(value = LayoutBlock.Chart.class, name = "chart"),
    @JsonSubTypes.Type(value = LayoutBlock.Table.class, name = "table"),
    @JsonSubTypes.Type(value = LayoutBlock.ListBlock.class, name = "list"),
    @JsonSubTypes.Type(value = LayoutBlock.KeyFigures.class, name = "key-figures"),
    @JsonSubTypes.Type(value = LayoutBlock.PageBreak.class, name = "page-break"),
    @JsonSubTypes.Type(value = LayoutBlock.Corrections.class, name = "corrections")
})
public sealed interface LayoutBlock {

    /**
     * The title block. {@code sheet} holds one row with fields series, number, title, date, publisher;
     * {@code authors} a sheet with fields name and unit. With {@code cover: true} it is a page of its own:
     * series and number, the title, each author with their unit, publisher and date.
     */
    record Title(String sheet, String authors, Boolean cover) implements LayoutBlock {
        public boolean isCover() {
            return Boolean.TRUE.equals(cover);
        }
    }

    /** A numbered section heading; the title comes from {@code sheet} (fields number, title) unless given. */
    record Section(int number, String title, String sheet) implements LayoutBlock {}

    /**
     * The bullets of one section from {@code sheet} (fields section, level, text).
     *
     * @param paragraphs which paragraphs (a paragraph starts at each top-level bullet): "1", "2-", "1-3"; empty = all
     */
    record Narrative(String sheet, int section, String paragraphs) implements LayoutBlock {
        /** Whether this block prints the {@code n}th paragraph of its section (the first is 1). */
        public boolean prints(int n) {
            if (paragraphs == null || paragraphs.isBlank()) {
                return n >= 1;
            }
            String s = paragraphs.replace(" ", "");
            int dash = s.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? s : s.substring(0, dash));
            int to = dash < 0
                    ? from
                    : dash == s.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(s.substring(dash + 1));
            return n >= from && n <= to;
        }
    }

    /**
     * A chart drawn from a sheet: {@code bar} (vertical), {@code hbar} (horizontal), {@code line} (a line
     * per series across the categories) or {@code timeline}.
     *
     * @param category field for category labels (timeline: the event label)
     * @param value numeric field (bar, hbar, line); for timeline the year-month field
     * @param values numeric fields drawn side by side (bar, hbar, line), each a series named by its
     *     column (budget beside spending), instead of {@code value} and {@code series}
     * @param series field that colours bars, makes lines or names timeline lanes
     * @param labels display names for series values, in legend/lane order
     * @param highlight field=value of the bar drawn in the accent colour
     */
    record Chart(
            String kind,
            String sheet,
            String category,
            String value,
            List<String> values,
            String series,
            Map<String, String> labels,
            String highlight,
            String caption,
            String source,
            String unit,
            Float height,
            String id)
            implements LayoutBlock, Placed {
        /** The fields drawn: {@code values}, or the one {@code value} (null when it is not given). */
        public List<String> drawn() {
            return values != null ? values : java.util.Collections.singletonList(value);
        }

        /** Its category and the fields drawn, as the config names them. */
        String[] fields() {
            List<String> all = new java.util.ArrayList<>(drawn());
            all.add(0, category);
            return all.toArray(String[]::new);
        }
    }

    /**
     * A table of a sheet's rows.
     *
     * @param merge field whose repeated values are merged down (as in a "구분" column)
     * @param formats date or number format per field ("yyyy.M.", "#,##0")
     * @param widths relative column widths
     */
    record Table(
            String sheet,
            List<String> columns,
            String caption,
            String title,
            String source,
            String merge,
            Map<String, String> formats,
            List<Float> widths,
            String id)
            implements LayoutBlock, Placed {

        /** The column that names a row: a name, title or model column, else the last one shown. */
        public String labelColumn() {
            if (columns == null || columns.isEmpty()) {
                return null;
            }
            return columns.stream()
                    .filter(c -> c.equals("name") || c.equals("title") || c.equals("model"))
                    .findFirst()
                    .orElse(columns.get(columns.size() - 1));
        }
    }

    /** A list, one item per row, of {@code field} of {@code sheet}, under {@code title}. */
    record ListBlock(String sheet, String field, String title) implements LayoutBlock {}

    /** A row of boxes, each a key figure (by id from the summary section) with its label. */
    record KeyFigures(List<String> figures, String title) implements LayoutBlock {}

    /** Starts a new page. */
    record PageBreak() implements LayoutBlock {}

    /**
     * Where the table of corrections goes under the {@code appendix} corrections policy (without this
     * block, after the last one). It lists the corrections printed before it.
     */
    record Corrections() implements LayoutBlock {}

    /**
     * A figure or table that may be placed by the narrative: with an {@code id}, it is printed where a
     * row of the narrative sheet names it (a row whose level is not a bullet level, e.g. 그림 or 표, and
     * whose text is the id), so inserting a bullet never moves it; without one, where the layout lists it.
     */
    sealed interface Placed permits Chart, Table {
        String id();
    }
}
