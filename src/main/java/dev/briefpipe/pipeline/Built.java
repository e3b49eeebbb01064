package dev.briefpipe.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A published build.
 *
 * @param dir the published folder, output/&lt;brief&gt;/&lt;period&gt;
 * @param summaryBackup the backup of the workbook when the summary was refreshed in place
 */
public record Built(Path dir, Path pdf, int pages, ObjectNode manifest, Checked checked, Optional<Path> summaryBackup) {}
