package dev.briefpipe.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * How fast and in how little memory {@code briefpipe validate} reads large workbooks, next to a bare
 * inflate + StAX pass over the same sheet XML (Aalto and the JDK's parser).
 * Not a test: run it by hand and put the figures in the docs.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package test-compile
 * java -cp target/briefpipe.jar:target/test-classes dev.briefpipe.bench.ValidateBenchmark [rows…]
 * </pre>
 *
 * Each measurement runs in a fresh JVM with {@code -Xmx128m} and the JVM options the launcher
 * ({@code target/briefpipe}) gives every command: the class-data archive the build made, the serial
 * collector and the optimising compiler's raised thresholds. The last two passes start the command
 * from outside, JVM start included: through the launcher, and as a plain {@code java -jar}.
 */
public final class ValidateBenchmark {
    private static final String[] COUNTRIES = {"CN", "US", "KR", "JP", "DE", "GB", "FR", "IN"};
    private static final String[] CURRENCIES = {"CNY", "USD", "KRW", "JPY", "EUR"};
    private static final double[] FX = {7.25, 1, 1450, 150, 0.92};
    private static final String[] KINDS = {"기금", "보조금", "투자", "대출"};

    /** How many times each pass runs, the best kept: {@code -Dbench.runs=N}, 3 by default. */
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private ValidateBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--run")) {
            run(args[1], Path.of(args[2]), args.length > 3 ? args[3] : null);
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a.replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100_000, 1_000_000);
        }
        Path dir = Path.of("target", "benchmark");
        Files.createDirectories(dir.resolve("config/briefs"));
        Files.writeString(dir.resolve("config/briefs/bench.yaml"), CONFIG);
        StringBuilder md = new StringBuilder(
                "| rows | file | pass | time (s) | rows/s | peak heap (MB) | -Xmx |\n|---|---|---|---|---|---|---|\n");
        for (int rows : sizes) {
            Path file = dir.resolve("bench-" + rows + ".xlsx");
            if (!Files.exists(file)) {
                System.err.println("writing " + file + " …");
                write(file, rows);
            }
            long mb = Files.size(file) / (1024 * 1024);
            double floor = 0;
            // The passes in turns, RUNS times; the best of each is kept.
            java.util.Map<String, String[]> best = new java.util.LinkedHashMap<>();
            for (int run = 0; run < RUNS; run++) {
                for (String pass : List.of("aalto", "jdk", "validate", "briefpipe", "java -jar")) {
                    String xmx = "128m";
                    String[] r = pass.equals("briefpipe") || pass.equals("java -jar")
                            ? cli(pass, file, dir)
                            : fork(
                                    ValidateBenchmark.class,
                                    xmx,
                                    pass,
                                    file.toString(),
                                    dir.resolve("config").toString());
                    String[] b = best.get(pass);
                    // A failed run (-1) is kept only when no run succeeded.
                    long t = Long.parseLong(r[0]);
                    if (b == null || b[0].equals("-1") || (t >= 0 && t < Long.parseLong(b[0]))) {
                        best.put(pass, r);
                    }
                }
            }
            for (var e : best.entrySet()) {
                String pass = e.getKey();
                String xmx = "128m";
                String[] r = e.getValue();
                double secs = Long.parseLong(r[0]) / 1000.0;
                if (pass.equals("aalto")) {
                    floor = secs;
                }
                String ratio = pass.equals("aalto") ? "" : String.format(" (%.2f× Aalto)", secs / floor);
                md.append(String.format(
                        "| %,d | %d MB | %s | %.2f%s | %,.0f | %s | %s |%n",
                        rows,
                        mb,
                        pass,
                        secs,
                        ratio,
                        rows / secs,
                        r[1].equals("-1") ? "" : String.valueOf(Long.parseLong(r[1]) / (1024 * 1024)),
                        xmx));
                System.err.print(
                        md.substring(md.lastIndexOf("|", md.length() - 3) > 0 ? md.lastIndexOf("\n| ") + 1 : 0));
            }
        }
        System.out.println();
        System.out.println(md);
        Files.writeString(dir.resolve("results.md"), md);
    }

    /**
     * Runs {@code main --run args…} in a fresh JVM with the given heap and the launcher's options;
     * returns the words of the last line it printed, or {"-1", "-1"} when it failed.
     */
    static String[] fork(Class<?> main, String xmx, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + xmx));
        command.addAll(launcherOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName(), "--run"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            return new String[] {"-1", "-1"};
        }
        String[] lines = out.split("\n");
        return lines[lines.length - 1].split(" ");
    }

    /**
     * The JVM options {@code src/main/bin/briefpipe} passes (keep the two in step): the build's
     * class-data archive when it is there and newer than the jar, the serial collector, and C2's
     * thresholds raised tenfold.
     */
    static List<String> launcherOptions() {
        List<String> options = new ArrayList<>();
        Path jar = Path.of("target", "briefpipe.jar");
        Path archive = Path.of("target", "briefpipe.jsa");
        if (Files.exists(archive)
                && archive.toFile().lastModified() > jar.toFile().lastModified()) {
            options.addAll(List.of(
                    "-XX:SharedArchiveFile=" + archive.toAbsolutePath(),
                    "-Xshare:auto",
                    "-Xlog:cds=off",
                    "-Xlog:cds+dynamic=off"));
        }
        options.addAll(List.of(
                "-XX:+UseSerialGC",
                "-XX:Tier4InvocationThreshold=50000",
                "-XX:Tier4MinInvocationThreshold=6000",
                "-XX:Tier4CompileThreshold=150000",
                "-XX:Tier4BackEdgeThreshold=400000"));
        return options;
    }

    /**
     * {@code briefpipe validate …} with {@code -Xmx128m}, timed from outside (JVM start included):
     * through the launcher ({@code "briefpipe"}) or as {@code java -XX:+UseSerialGC -jar} ({@code "java
     * -jar"}); returns {"millis", "-1"} (its heap is not seen from here), or {"-1", "-1"} when it failed.
     */
    static String[] cli(String how, Path file, Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = how.equals("briefpipe")
                ? new ArrayList<>(
                        List.of(Path.of("target", "briefpipe").toAbsolutePath().toString()))
                : new ArrayList<>(List.of(
                        java,
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        Path.of("target", "briefpipe.jar").toAbsolutePath().toString()));
        command.addAll(List.of(
                "validate",
                "-q",
                "--config",
                dir.resolve("config").toString(),
                "--brief",
                "bench",
                "--workbook",
                file.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("JAVA_OPTS", "-Xmx128m");
        long start = System.nanoTime();
        int code = pb.start().waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return code == 0 ? new String[] {String.valueOf(millis), "-1"} : new String[] {"-1", "-1"};
    }

    /** One measured pass in this JVM; prints "millis peakHeapBytes". */
    private static void run(String pass, Path file, String config) throws Exception {
        long start = System.nanoTime();
        switch (pass) {
            case "aalto" -> stax(file, new com.fasterxml.aalto.stax.InputFactoryImpl());
            case "jdk" -> stax(file, XMLInputFactory.newDefaultFactory());
            case "validate" -> {
                // As the launcher runs `briefpipe validate …`, after the JVM has started.
                int code = dev.briefpipe.cli.Main.run(
                        new String[] {
                            "validate",
                            "--config",
                            config,
                            "--brief",
                            "bench",
                            "-q",
                            "--workbook",
                            file.toAbsolutePath().toString()
                        },
                        new java.io.PrintWriter(System.err, true),
                        new java.io.PrintWriter(System.err, true),
                        false);
                if (code != 0) {
                    throw new IllegalStateException("validate exited " + code);
                }
            }
            default -> throw new IllegalArgumentException(pass);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(millis + " " + peak);
    }

    /** The floor: inflate the sheet's XML and visit every event, doing nothing with it. */
    static void stax(Path file, XMLInputFactory factory) throws Exception {
        long events = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            try (InputStream in = zip.getInputStream(sheet)) {
                XMLStreamReader x = factory.createXMLStreamReader(in);
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.CHARACTERS) {
                        events += x.getTextLength();
                    }
                }
                x.close();
            }
            ZipEntry sst = zip.getEntry("xl/sharedStrings.xml");
            if (sst != null) {
                try (InputStream in = zip.getInputStream(sst)) {
                    XMLStreamReader x = factory.createXMLStreamReader(in);
                    while (x.hasNext()) {
                        if (x.next() == XMLStreamConstants.CHARACTERS) {
                            events += x.getTextLength();
                        }
                    }
                    x.close();
                }
            }
        }
        if (events < 0) {
            System.err.println(events);
        }
    }

    /** Rows × 10 columns of plausible, valid data, with shared strings as Excel writes them. */
    static void write(Path file, int rows) throws IOException {
        Random random = new Random(42);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 1000, true, true)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            SXSSFSheet s = wb.createSheet("거래");
            String[] header = {"ID", "일자", "국가", "구분", "금액", "통화", "환율", "USD 환산", "건수", "비고"};
            SXSSFRow h = s.createRow(0);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            LocalDate day0 = LocalDate.of(2020, 1, 1);
            for (int r = 1; r <= rows; r++) {
                SXSSFRow row = s.createRow(r);
                int cur = random.nextInt(CURRENCIES.length);
                double amount = Math.round(random.nextDouble() * 1_000_000) / 100.0;
                row.createCell(0).setCellValue(String.format("T%08d", r));
                var d = row.createCell(1);
                d.setCellValue(day0.plusDays(random.nextInt(2000)));
                d.setCellStyle(date);
                row.createCell(2).setCellValue(COUNTRIES[random.nextInt(COUNTRIES.length)]);
                row.createCell(3).setCellValue(KINDS[random.nextInt(KINDS.length)]);
                row.createCell(4).setCellValue(amount);
                row.createCell(5).setCellValue(CURRENCIES[cur]);
                row.createCell(6).setCellValue(FX[cur]);
                row.createCell(7).setCellValue(Math.round(amount / FX[cur] * 100) / 100.0);
                row.createCell(8).setCellValue(1 + random.nextInt(500));
                row.createCell(9).setCellValue("메모 " + random.nextInt(200));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }

    /** The generated workbook's schema; the pipeline benchmark adds a layout and a summary. */
    static final String CONFIG = """
      id: bench
      title: "benchmark"
      workbook: bench.xlsx
      sheets:
        deals:
          sheet: 거래
          key: id
          rows: {min: 1}
          rules:
            - code: fx-mismatch
              field: amount_usd
              check: "abs(amount_usd - amount / fx) <= 0.01 * amount_usd + 0.01"
          columns:
            id:         {header: [ID], type: text, required: true, pattern: "^T[0-9]{8}$"}
            day:        {header: [일자], type: date, required: true}
            country:    {header: [국가], type: enum, values: [CN, US, KR, JP, DE, GB, FR, IN], required: true}
            kind:       {header: [구분], type: enum, values: [기금, 보조금, 투자, 대출]}
            amount:     {header: [금액], type: decimal, min: 0, required: true}
            currency:   {header: [통화], type: enum, values: [CNY, USD, KRW, JPY, EUR], required: true}
            fx:         {header: [환율], type: decimal, min: 0}
            amount_usd: {header: [USD 환산], type: decimal, min: 0}
            count:      {header: [건수], type: integer, min: 0, max: 100000}
            note:       {header: [비고], type: text, maxLength: 200}
      """;
}
