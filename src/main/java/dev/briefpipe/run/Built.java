package dev.briefpipe.run;

import dev.briefpipe.failure.WorkbookBusyException;
import dev.briefpipe.publish.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A published build.
 *
 * @param dir the published folder, output/&lt;brief&gt;/&lt;period&gt;
 * @param summaryBackup the backup of the workbook when the summary was refreshed in place
 * @param summarySkipped the brief has a summary sheet but the workbook is an .xls, which is not refreshed
 * @param summaryDropped cells of the summary sheet replaced in place whose content the refresh left
 *     empty (kept in the backup)
 * @param summaryHeld why the config's in-place refresh went into a copy in the output folder instead
 *     (the workbook open or read-only), or null
 */
public record Built(
        Path dir,
        Path pdf,
        int pages,
        Manifest manifest,
        Checked checked,
        Optional<Path> summaryBackup,
        boolean summarySkipped,
        List<String> summaryDropped,
        WorkbookBusyException summaryHeld) {}
