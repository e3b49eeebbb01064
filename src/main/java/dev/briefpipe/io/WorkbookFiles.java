package dev.briefpipe.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A workbook file's format, by its name: what a copy of it is called and sent as, and the lock files an
 * office suite keeps beside it while it is open.
 */
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

    /** The names of the lock files Excel ({@code ~$name}) and LibreOffice ({@code .~lock.name#}) keep beside an open workbook. */
    public static List<String> lockFiles(String workbook) {
        return List.of("~$" + workbook, ".~lock." + workbook + "#");
    }

    /** The workbook a lock file's name says is open ({@code ~$a.xlsx}, {@code .~lock.a.xlsx#}: a.xlsx), or null. */
    public static String lockedBy(String name) {
        if (name.startsWith("~$") && name.length() > 2) {
            return name.substring(2);
        }
        return name.startsWith(".~lock.") && name.endsWith("#") && name.length() > 8
                ? name.substring(7, name.length() - 1)
                : null;
    }
}
