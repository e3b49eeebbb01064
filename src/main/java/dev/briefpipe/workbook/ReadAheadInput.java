package dev.briefpipe.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stream read ahead by a thread of its own, in chunks through a short queue: a zip entry is inflated
 * there while the XML already inflated is parsed here. Inflating a large sheet takes about a third
 * of the time of parsing it. What the other thread fails with is thrown here, as it was thrown.
 * Memory is bounded: a few chunks, reused.
 */
final class ReadAheadInput extends BlockInput {
  private static final int CHUNK = 1 << 16;
  private static final int CHUNKS = 6;

  /** Filled chunks, in order; a chunk of length -1 ends the stream. */
  private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + 1);
  private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
  private final Thread thread;
  private volatile boolean closed;
  private volatile Throwable failure;
  private Chunk current;
  private int pos;

  private static final class Chunk {
    final byte[] bytes = new byte[CHUNK];
    int length;
  }

  ReadAheadInput(InputStream in, String name) {
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new Chunk());
    }
    thread = new Thread(() -> fill(in), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void fill(InputStream in) {
    Chunk end = new Chunk();
    end.length = -1;
    try (in) {
      while (!closed) {
        Chunk c = take(free);
        if (c == null) {
          return;
        }
        c.length = in.readNBytes(c.bytes, 0, CHUNK);
        if (c.length == 0) {
          break;
        }
        full.put(c);
        if (c.length < CHUNK) {
          break;
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } finally {
      // The queue has room for every chunk and the end: this never blocks.
      full.offer(end);
    }
  }

  private Chunk take(BlockingQueue<Chunk> q) throws InterruptedException {
    Chunk c;
    while ((c = q.poll(100, TimeUnit.MILLISECONDS)) == null) {
      if (closed) {
        return null;
      }
    }
    return c;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (current != null && current.length < 0) {
      rethrow();
      return -1;
    }
    if (current == null || pos == current.length) {
      if (current != null && current.length > 0) {
        free.offer(current);
      }
      try {
        current = full.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("reading stopped");
      }
      pos = 0;
      if (current.length < 0) {
        rethrow();
        return -1;
      }
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current.bytes, pos, b, off, n);
    pos += n;
    return n;
  }

  private void rethrow() throws IOException {
    Throwable f = failure;
    if (f instanceof IOException e) {
      throw e;
    }
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }

  /** Stops the other thread and waits for it, so that the entry is not read after its file is closed. */
  @Override
  public void close() throws IOException {
    closed = true;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
