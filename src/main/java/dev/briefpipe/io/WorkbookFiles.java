package dev.briefpipe.io;

import java.nio.file.Path;
import java.util.Locale;

/** A workbook file's format, by its name: what a copy of it is called and sent as. */
public final class WorkbookFiles {
    private WorkbookFiles() {}

    /** {@code xls}, {@code xlsm} or {@code xlsx}: a copy keeps its workbook's format, and so its extension. */
    public static String extension(Path workbook) {
        String name = workbook.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".xls") ? "xls" : name.endsWith(".xlsm") ? "xlsm" : "xlsx";
    }

    /** The media type of a workbook with this extension. */
    public static String contentType(String extension) {
        return switch (extension) {
            case "xls" -> "application/vnd.ms-excel";
            case "xlsm" -> "application/vnd.ms-excel.sheet.macroEnabled.12";
            default -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        };
    }
}
