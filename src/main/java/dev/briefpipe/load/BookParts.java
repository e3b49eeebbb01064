package dev.briefpipe.load;

/** What every sheet of an .xlsx shares: its date system, cell formats and shared strings. */
record BookParts(boolean date1904, CellFormats styles, SharedStrings strings) {}
