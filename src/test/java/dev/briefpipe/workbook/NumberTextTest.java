package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sheet reader's number conversion is Java's, bit for bit, and its read-ahead loses no byte. */
class NumberTextTest {

  private static double parse(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return CellText.parseNumber(b, b.length);
  }

  @Test
  void numbersAsExcelWritesThemReadAsDoubleParseDoubleReadsThem() {
    Random random = new Random(7);
    for (int i = 0; i < 300_000; i++) {
      int digits = 1 + random.nextInt(17);
      StringBuilder b = new StringBuilder();
      if (random.nextInt(4) == 0) {
        b.append('-');
      }
      for (int d = 0; d < digits; d++) {
        b.append((char) ('0' + random.nextInt(10)));
      }
      if (digits > 1 && random.nextBoolean()) {
        b.insert(b.length() - 1 - random.nextInt(digits - 1), '.');
      }
      String s = b.toString();
      if (s.startsWith("-.") || s.startsWith(".")) {
        continue;
      }
      assertThat(Double.doubleToRawLongBits(parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    }
  }

  @Test
  void unusualFormsTakeTheGeneralConversion() {
    for (String s : new String[] {"1.", "-0", "0", "1E5", "1.5E-7", "+5", " 12 ", "0.1", "9007199254740993",
        "123456789012345.6", "0.000000000000001", "-1234.5600"}) {
      assertThat(Double.doubleToRawLongBits(parse(s))).as(s)
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s.strip())));
    }
  }

  @Test
  void readAheadHandsOnEveryByteInOrder() throws IOException {
    byte[] data = new byte[1_000_003];
    new Random(3).nextBytes(data);
    try (InputStream in = new ReadAheadInput(new ByteArrayInputStream(data), "test-read-ahead")) {
      byte[] back = in.readAllBytes();
      assertThat(back).isEqualTo(data);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void readAheadThrowsWhatTheStreamThrew() {
    IOException boom = new IOException("zip bomb");
    InputStream failing = new InputStream() {
      private int left = 100_000;

      @Override
      public int read() throws IOException {
        if (left-- <= 0) {
          throw boom;
        }
        return 1;
      }
    };
    InputStream in = new ReadAheadInput(failing, "test-read-ahead");
    org.assertj.core.api.Assertions.assertThatThrownBy(in::readAllBytes).isSameAs(boom);
  }

  @Test
  void closingEarlyStopsTheReadingThread() throws Exception {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 0;
      }
    };
    ReadAheadInput in = new ReadAheadInput(endless, "test-read-ahead-endless");
    assertThat(in.read(new byte[10], 0, 10)).isEqualTo(10);
    in.close();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-read-ahead-endless"));
  }
}
