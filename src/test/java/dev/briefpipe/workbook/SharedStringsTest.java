package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SharedStringsTest {
  private static String items(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      b.append("<si><t>s").append(i).append("</t></si>");
    }
    return b.toString();
  }

  @Test
  void aCountThePartCannotHoldDoesNotSizeTheTable() throws Exception {
    // Believed, a count of a billion would ask for a 4 GB table before the first string.
    byte[] xml = ("<sst uniqueCount=\"999999999\">" + items(0, 2) + "</sst>").getBytes(StandardCharsets.UTF_8);
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    SharedStrings strings = SharedStrings.read(new ByteArrayInputStream(xml), xml.length);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(1 << 20);
    assertThat(strings.size()).isEqualTo(2);
    assertThat(strings.get(1)).isEqualTo("s1");
  }

  @Test
  void aTrueCountSizesTheTableOnceAndAnyCountIsGrownPast() throws Exception {
    byte[] xml = ("<sst uniqueCount=\"3\">" + items(0, 5000) + "</sst>").getBytes(StandardCharsets.UTF_8);
    SharedStrings strings = SharedStrings.read(new ByteArrayInputStream(xml), -1);
    assertThat(strings.size()).isEqualTo(5000);
    assertThat(strings.get(4999)).isEqualTo("s4999");
  }
}
