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

  @Test
  void aPreparedRunLeavesTheOptimisingCompilerOut() throws Exception {
    QuickCompilation.prepare();
    QuickCompilation.apply();
    String printed = String.valueOf(dcmd("compilerDirectivesPrint"));
    String ours = printed.replaceAll("\\s+", " ").split("Directive: \\(default\\)")[0];
    assertThat(ours).contains("matching: *.*").containsPattern("c2 directives: inline: - Enable:true Exclude:true");
  }

  @Test
  void withoutPreparingNothingIsAdded() throws Exception {
    String before = String.valueOf(dcmd("compilerDirectivesPrint"));
    QuickCompilation.apply();
    assertThat(String.valueOf(dcmd("compilerDirectivesPrint"))).isEqualTo(before);
  }
}
