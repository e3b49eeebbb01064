package dev.briefpipe.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * A part's XML as it is read: refused once it unpacks larger than the part limit (however its zip
 * entry describes itself), each chunk read reported (for the progress display).
 */
final class LimitedInput extends BlockInput {
  private final InputStream in;
  private final long limit;
  private final IntConsumer chunkRead;
  private long read;

  LimitedInput(InputStream in, long limit, IntConsumer chunkRead) {
    this.in = in;
    this.limit = limit;
    this.chunkRead = chunkRead;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      read += n;
      if (read > limit) {
        throw new IOException("the part's XML exceeds the maximum part size (" + limit + " bytes)");
      }
      chunkRead.accept(n);
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
