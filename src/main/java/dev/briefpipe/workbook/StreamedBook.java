package dev.briefpipe.workbook;

import dev.briefpipe.model.WorkMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What a streamed workbook's sheets share: its sheet list, date system, formats and shared strings. */
final class StreamedBook {
  final List<SheetEntry> sheets = new ArrayList<>();
  boolean date1904;
  CellFormats styles;
  SharedStrings strings;
  /** Hears the bytes of sheet XML read so far, of {@link #sheetBytes}. */
  WorkMeter meter = WorkMeter.NONE;
  long sheetBytes;
  final AtomicLong readBytes = new AtomicLong();
}
