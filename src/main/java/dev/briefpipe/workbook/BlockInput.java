package dev.briefpipe.workbook;

import java.io.IOException;
import java.io.InputStream;

/** A stream that is read in blocks: its one-byte {@link #read()} goes through the block read. */
abstract class BlockInput extends InputStream {
  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public abstract int read(byte[] b, int off, int len) throws IOException;
}
