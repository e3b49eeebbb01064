package dev.briefpipe.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * A sheet's rows as read, in sheet order: held in memory ({@link RawSheet}) or read from the file
 * again each time they are asked for, so that memory does not grow with the sheet.
 */
public interface SheetRows {
    String name();

    boolean hidden();

    /** The merged regions; see {@link #mergedKnown()}. */
    List<RawSheet.Merged> merged();

    /**
     * Whether {@link #merged()} is complete. A sheet read from an .xlsx learns its merged regions only
     * while its rows are read (they follow the rows in the file): false until the first pass.
     */
    default boolean mergedKnown() {
        return true;
    }

    /** Hands each non-blank row to {@code action}, in sheet order. */
    void forEachRow(Consumer<RawSheet.RawRow> action);
}
