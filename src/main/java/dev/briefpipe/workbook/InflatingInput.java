package dev.briefpipe.workbook;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * A deflated zip entry, inflated from its raw bytes 64 KB at a time, held to the limits POI's
 * {@link ZipSecureFile} sets: the inflate ratio (past the first 100 KB) and the entry size.
 *
 * <p>The entry streams of the zip library POI uses feed the inflater 512 bytes at a time, through
 * two buffered layers: inflating a large sheet took a fifth longer that way than here, or than the
 * JDK's own {@code ZipFile}.
 */
final class InflatingInput extends BlockInput {
  private static final int INPUT = 1 << 16;
  /** As POI: the ratio is not checked before this much has been unpacked. */
  private static final long GRACE_BYTES = 100 * 1024;

  private final InputStream raw;
  private final Inflater inflater = new Inflater(true);
  private final byte[] input = new byte[INPUT];
  private final String name;
  private boolean dummyFed;

  /** @param raw the entry's deflated bytes, closed with this stream */
  InflatingInput(InputStream raw, String name) {
    this.raw = raw;
    this.name = name;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (inflater.finished() || inflater.needsDictionary()) {
        return -1;
      }
      if (inflater.needsInput()) {
        int n = raw.read(input, 0, INPUT);
        if (n > 0) {
          inflater.setInput(input, 0, n);
        } else if (!dummyFed) {
          // A raw deflate stream may need one byte past its end to finish (see Inflater's nowrap).
          dummyFed = true;
          inflater.setInput(new byte[1], 0, 1);
        } else {
          throw new EOFException("Unexpected end of ZLIB input stream in " + name);
        }
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new ZipException("invalid deflated data in " + name + ": " + e.getMessage());
      }
      if (n > 0) {
        check();
        return n;
      }
    }
  }

  /** POI's checks, with its words (which {@link WorkbookReader#reason} recognises). */
  private void check() throws IOException {
    long unpacked = inflater.getBytesWritten();
    if (unpacked > ZipSecureFile.getMaxEntrySize()) {
      throw new IOException("Zip bomb detected! The file would exceed the max size of the expanded data in the "
          + "zip-file (" + name + ": " + unpacked + " > " + ZipSecureFile.getMaxEntrySize() + " bytes)");
    }
    double min = ZipSecureFile.getMinInflateRatio();
    if (unpacked > GRACE_BYTES && min > 0 && (double) inflater.getBytesRead() / unpacked < min) {
      throw new IOException("Zip bomb detected! The file would exceed the max. ratio of compressed file size to "
          + "the size of the expanded data (" + name + ": " + inflater.getBytesRead() + " of " + unpacked
          + " bytes, less than " + min + ")");
    }
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    raw.close();
  }
}
