package dev.briefpipe.model;

import java.time.LocalDateTime;

/**
 * One cell exactly as the workbook holds it, before any schema is applied.
 *
 * <p>For a formula cell, {@code kind} and the value describe the cached result and {@code formula}
 * holds the formula text. {@code display} is what an analyst sees in the cell (used in messages).
 *
 * @param number the numeric value for {@link Kind#NUMBER} and {@link Kind#DATE} (Excel serial)
 * @param date the date for {@link Kind#DATE}, already resolved for the workbook's date system
 * @param text the string for {@link Kind#TEXT}, the error literal ("#REF!") for {@link Kind#ERROR}
 */
public record RawCell(
    CellRef ref, Kind kind, String text, double number, LocalDateTime date, String formula, String display) {

  public enum Kind {
    TEXT,
    NUMBER,
    DATE,
    BOOLEAN,
    ERROR,
    BLANK
  }

  public static RawCell blank(CellRef ref) {
    return new RawCell(ref, Kind.BLANK, "", 0, null, null, "");
  }

  public static RawCell text(CellRef ref, String text) {
    return new RawCell(ref, Kind.TEXT, text, 0, null, null, text);
  }

  /** True for an empty cell or one holding only whitespace. */
  public boolean isBlank() {
    return kind == Kind.BLANK || (kind == Kind.TEXT && text.isBlank());
  }

  public boolean booleanValue() {
    return kind == Kind.BOOLEAN && number != 0;
  }
}
