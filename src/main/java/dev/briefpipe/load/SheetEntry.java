package dev.briefpipe.load;

/** A sheet as the workbook part lists it: its name, its relationship id and whether it is hidden. */
record SheetEntry(String name, String relId, boolean hidden) {}
