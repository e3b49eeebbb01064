package dev.briefpipe.workbook;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;

/**
 * POI's global limits against hostile files (zip bombs, huge parts, giant records). POI keeps these
 * in static fields, so they are set once, before the first workbook is opened.
 */
public final class PoiHardening {
  private static volatile boolean applied;

  private PoiHardening() {}

  public static synchronized void apply() {
    if (applied) {
      return;
    }
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxFileCount(1000);
    ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
    IOUtils.setByteArrayMaxOverride(200 * 1024 * 1024);
    applied = true;
  }
}
