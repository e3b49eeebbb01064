package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compiler directive a small one-shot run adds, read back from this JVM, then cleared. */
class QuickCompilationTest {
  private static Object dcmd(String op) throws Exception {
    return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
        op, new Object[] {new String[0]}, new String[] {String[].class.getName()});
  }

  @AfterEach
  void clear() throws Exception {
    dcmd("compilerDirectivesClear");
  }

  /** The directives added to this JVM, before the default one. */
  private static String ours() throws Exception {
    String printed = String.valueOf(dcmd("compilerDirectivesPrint"));
    return printed.replaceAll("\\s+", " ").split("Directive: \\(default\\)")[0];
  }

  @Test
  void aPreparedRunLeavesTheOptimisingCompilerOut() throws Exception {
    QuickCompilation.prepare(false);
    QuickCompilation.apply();
    assertThat(ours()).contains("matching: *.*").containsPattern("c2 directives: inline: - Enable:true Exclude:true");
  }

  @Test
  void addedEarlyItIsAddedOnceAndTakenOutForALargeWorkbook() throws Exception {
    QuickCompilation.prepare(true);
    long until = System.nanoTime() + 10_000_000_000L;
    while (!ours().contains("matching: *.*") && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(ours()).contains("matching: *.*");
    QuickCompilation.apply();
    assertThat(ours().split("matching: \\*\\.\\*", -1)).hasSize(2);
    QuickCompilation.decline();
    assertThat(ours()).doesNotContain("matching: *.*");
  }

  @Test
  void aRunDeclinedAtOnceEndsWithoutIt() throws Exception {
    QuickCompilation.prepare(true);
    QuickCompilation.decline();
    Thread.sleep(1500);
    assertThat(ours()).doesNotContain("matching: *.*");
  }

  @Test
  void withoutPreparingNothingIsAdded() throws Exception {
    String before = String.valueOf(dcmd("compilerDirectivesPrint"));
    QuickCompilation.apply();
    assertThat(String.valueOf(dcmd("compilerDirectivesPrint"))).isEqualTo(before);
  }
}
