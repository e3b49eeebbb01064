package dev.briefpipe.model;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A sheet's rows as read, in sheet order: held in memory ({@link RawSheet}) or streamed from the file
 * one row at a time, for sheets too large to hold.
 */
public interface SheetRows {
  String name();

  boolean hidden();

  /** The merged regions; see {@link #mergedKnown()}. */
  List<RawSheet.Merged> merged();

  /**
   * Whether {@link #merged()} is complete. A streamed sheet learns its merged regions only while its
   * rows are read (they follow the rows in the file): false until the first pass.
   */
  default boolean mergedKnown() {
    return true;
  }

  /**
   * How many rows the sheet says it has (its {@code <dimension>}), once its rows are being read; -1
   * when it does not say. A hint for sizing, never a limit: the file may be wrong.
   */
  default int rowsHint() {
    return -1;
  }

  /** Hands each non-blank row to {@code action}, in sheet order. */
  void forEachRow(Consumer<RawSheet.RawRow> action);

  /**
   * Hands each non-blank row to {@code prepare}, and what it returns (unless null) to {@code action},
   * both in sheet order. A streamed sheet runs {@code prepare} on the thread that parses the file,
   * beside {@code action} on the caller's: {@code prepare} must share no state with {@code action}
   * beyond what it returns. Work done there is done while the next rows are parsed, and on cells
   * still in that thread's cache.
   */
  default <T> void forEachRow(Function<RawSheet.RawRow, T> prepare, Consumer<T> action) {
    forEachRow(row -> {
      T t = prepare.apply(row);
      if (t != null) {
        action.accept(t);
      }
    });
  }

  /** Whether the rows are streamed from the file rather than held in memory. */
  default boolean streamed() {
    return false;
  }
}
