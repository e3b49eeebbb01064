package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InflatingInputTest {
  @TempDir Path dir;
  private final long maxEntry = ZipSecureFile.getMaxEntrySize();
  private final double minRatio = ZipSecureFile.getMinInflateRatio();

  @AfterEach
  void restore() {
    ZipSecureFile.setMaxEntrySize(maxEntry);
    ZipSecureFile.setMinInflateRatio(minRatio);
  }

  private Path zip(byte[] content) throws IOException {
    Path file = dir.resolve("part.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      out.putNextEntry(new ZipEntry("part.xml"));
      out.write(content);
      out.closeEntry();
    }
    return file;
  }

  private static byte[] inflated(Path file, int readSize) throws IOException {
    try (ZipFile z = ZipFile.builder().setPath(file).get();
        InputStream in = new InflatingInput(z.getRawInputStream(z.getEntry("part.xml")), "part.xml")) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      byte[] buf = new byte[readSize];
      for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
        out.write(buf, 0, n);
      }
      assertThat(in.read()).isEqualTo(-1);
      return out.toByteArray();
    }
  }

  /** Text that compresses as sheet XML does, some ten to one. */
  private static byte[] sheetLike(int rows) {
    Random r = new Random(7);
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= rows; i++) {
      b.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\"><v>").append(r.nextInt(100_000))
          .append("</v></c></row>");
    }
    return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void givesTheEntrysBytesWhateverTheReadSize() throws IOException {
    byte[] content = sheetLike(50_000);
    Path file = zip(content);
    assertThat(inflated(file, 1 << 16)).isEqualTo(content);
    assertThat(inflated(file, 7)).isEqualTo(content);
    assertThat(Arrays.equals(inflated(file, 1 << 20), content)).isTrue();
  }

  @Test
  void anEntryThatInflatesPastTheRatioIsAZipBomb() throws IOException {
    Path file = zip(new byte[20 << 20]);
    assertThatThrownBy(() -> inflated(file, 1 << 16)).isInstanceOf(IOException.class)
        .hasMessageContaining("max. ratio");
    assertThat(WorkbookReader.reason(catchRead(file))).isEqualTo("zip-bomb");
  }

  @Test
  void anEntryLargerThanTheEntryLimitIsRefused() throws IOException {
    ZipSecureFile.setMaxEntrySize(100_000);
    Path file = zip(sheetLike(20_000));
    assertThat(WorkbookReader.reason(catchRead(file))).isEqualTo("too-large");
  }

  @Test
  void aCutEntryEndsInAnErrorNotAShortRead() throws IOException {
    byte[] content = sheetLike(50_000);
    Path file = zip(content);
    byte[] raw;
    try (ZipFile z = ZipFile.builder().setPath(file).get();
        InputStream in = z.getRawInputStream(z.getEntry("part.xml"))) {
      raw = in.readAllBytes();
    }
    byte[] cut = Arrays.copyOf(raw, raw.length / 2);
    try (InputStream in = new InflatingInput(new java.io.ByteArrayInputStream(cut), "part.xml")) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class).hasMessageContaining("Unexpected end");
    }
    assertThat(WorkbookReader.reason(new EOFException("Unexpected end of ZLIB input stream in x"))).isEqualTo("truncated");
  }

  private static Throwable catchRead(Path file) {
    try {
      inflated(file, 1 << 16);
      throw new AssertionError("read without failing");
    } catch (IOException e) {
      return e;
    }
  }
}
