package dev.briefpipe.load;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * POI's global limits against hostile files (zip bombs, huge parts, giant records). POI keeps these
 * in static fields, so they hold for the whole process; they are set before a workbook is opened.
 */
public final class PoiHardening {
    /** The largest unpacked part (e.g. one sheet's XML) a workbook may have, by default. */
    public static final long DEFAULT_MAX_PART_BYTES = 1024L * 1024 * 1024;

    private static long partLimit = -1;

    private PoiHardening() {}

    /** The part limit in force. */
    public static synchronized long partLimit() {
        return partLimit < 0 ? DEFAULT_MAX_PART_BYTES : partLimit;
    }

    public static void apply() {
        apply(DEFAULT_MAX_PART_BYTES);
    }

    /** @param maxPartBytes the largest unpacked part allowed; a larger one fails as too large */
    public static synchronized void apply(long maxPartBytes) {
        if (partLimit == maxPartBytes) {
            return;
        }
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxFileCount(1000);
        ZipSecureFile.setMaxEntrySize(maxPartBytes);
        IOUtils.setByteArrayMaxOverride(200 * 1024 * 1024);
        partLimit = maxPartBytes;
    }
}
