package dev.briefpipe.model;

import java.util.List;

/** Hears a sheet's typed rows as they are read (a large sheet's rows are not all kept). */
public interface RowListener {
    /**
     * The sheet's rows begin, or begin again when the sheet has to be read twice: forget earlier rows.
     *
     * @param fields the fields found in the sheet's header, in the table's order
     */
    void start(List<String> fields);

    /** One row, with every field's value (whether or not the table keeps it). */
    void row(Row row);
}
