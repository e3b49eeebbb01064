package dev.briefpipe.model;

import java.util.List;
import java.util.function.Consumer;

/**
 * A sheet's rows as read, in sheet order: held in memory ({@link RawSheet}) or streamed from the file
 * one row at a time, for sheets too large to hold.
 */
public interface SheetRows {
  String name();

  boolean hidden();

  /** The merged regions, known before the first row is handed out. */
  List<RawSheet.Merged> merged();

  /** Hands each non-blank row to {@code action}, in sheet order. */
  void forEachRow(Consumer<RawSheet.RawRow> action);

  /** Whether the rows are streamed from the file rather than held in memory. */
  default boolean streamed() {
    return false;
  }
}
