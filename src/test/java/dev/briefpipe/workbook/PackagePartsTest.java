package dev.briefpipe.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.testing.SampleProject;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts found through the package's relationships, as Excel and others write their targets. */
class PackagePartsTest {
  @TempDir Path dir;

  @Test
  void targetsResolveAgainstTheirPartsFolder() {
    assertThat(PackageParts.resolve("xl/", "worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
    assertThat(PackageParts.resolve("xl/", "/xl/worksheets/sheet2.xml")).isEqualTo("xl/worksheets/sheet2.xml");
    assertThat(PackageParts.resolve("xl/", "../customXml/item1.xml")).isEqualTo("customXml/item1.xml");
    assertThat(PackageParts.resolve("xl/", "./styles.xml")).isEqualTo("xl/styles.xml");
    assertThat(PackageParts.resolve("", "xl/workbook.xml")).isEqualTo("xl/workbook.xml");
  }

  @Test
  void theSampleWorkbooksPartsAreFound() throws Exception {
    Path workbook = SampleProject.copyInto(dir.resolve("p")).workbook();
    try (PackageParts parts = PackageParts.open(workbook)) {
      try (InputStream in = parts.workbook()) {
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("<sheets>");
      }
      try (InputStream styles = parts.styles(); InputStream strings = parts.sharedStrings()) {
        assertThat(styles).isNotNull();
        assertThat(strings).isNotNull();
      }
      assertThat(parts.sharedStringsSize()).isPositive();
      assertThat(parts.partSize("rId3")).isPositive();
      try (InputStream sheet = parts.part("rId3")) {
        assertThat(new String(sheet.readNBytes(400), java.nio.charset.StandardCharsets.UTF_8)).contains("<worksheet");
      }
    }
  }

  @Test
  void partNamesAreMatchedIgnoringCase() throws Exception {
    Path original = SampleProject.copyInto(dir.resolve("p")).workbook();
    Path shouted = dir.resolve("shouted.xlsx");
    try (var in = new java.util.zip.ZipFile(original.toFile());
        var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(shouted))) {
      for (var e : java.util.Collections.list(in.entries())) {
        byte[] data = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("xl/_rels/workbook.xml.rels")) {
          data = new String(data, java.nio.charset.StandardCharsets.UTF_8)
              .replace("worksheets/sheet1.xml", "Worksheets/SHEET1.xml").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        out.write(data);
        out.closeEntry();
      }
    }
    try (PackageParts parts = PackageParts.open(shouted); InputStream sheet = parts.part("rId3")) {
      assertThat(new String(sheet.readNBytes(400), java.nio.charset.StandardCharsets.UTF_8)).contains("<worksheet");
    }
  }
}
