package dev.briefpipe.workbook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * A part's XML as it is read: refused once it unpacks larger than the part limit (however its zip
 * entry describes itself), each chunk read reported (for the progress display).
 */
final class LimitedInput extends FilterInputStream {
  private final long limit;
  private final IntConsumer chunkRead;
  private long read;

  LimitedInput(InputStream in, long limit, IntConsumer chunkRead) {
    super(in);
    this.limit = limit;
    this.chunkRead = chunkRead;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      read += n;
      if (read > limit) {
        throw new IOException("the part's XML exceeds the maximum part size (" + limit + " bytes)");
      }
      chunkRead.accept(n);
    }
    return n;
  }
}
