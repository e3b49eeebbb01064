package dev.briefpipe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole pipeline on large generated workbooks: {@code briefpipe build} (read + validate +
 * transform, CSV extract, summary sheet, PDF) in 128 MB, next to a bare inflate + Aalto StAX pass over
 * the same file, and, on rows already in memory, briefpipe's CSV writer
 * beside a bare {@link BufferedWriter} writing the same text. Not a test: run it by hand and put the figures in the docs.
 *
 * <pre>
 * mvn -q -Pbench -DskipTests package test-compile
 * java -cp target/briefpipe.jar:target/test-classes dev.briefpipe.bench.PipelineBenchmark [rows…]
 * </pre>
 *
 * Every measurement runs in a fresh JVM with the launcher's options ({@link
 * ValidateBenchmark#launcherOptions()}); builds with {@code -Xmx128m}. The
 * floor and the build run three times each, in turns, and the best of each is reported.
 */
public final class PipelineBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--run")) {
            run(args[1], Path.of(args[2]));
            return;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a.replace("_", "")));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        Path base = Path.of("target", "benchmark");
        StringBuilder md = new StringBuilder(
                "| rows | file | pass | time (s) | rows/s | × floor | peak heap (MB) | -Xmx |\n|---|---|---|---|---|---|---|---|\n");
        for (int rows : sizes) {
            Path file = base.resolve("bench-" + rows + ".xlsx");
            if (!Files.exists(file)) {
                System.err.println("writing " + file + " …");
                ValidateBenchmark.write(file, rows);
            }
            Path project = project(base.resolve("pipeline-" + rows), file);
            String mb = size(file);
            // The floor and the build in turns, RUNS times each; the best of each is kept (this machine's
            // timings vary by a fifth from run to run).
            String[] floor = null;
            String[] build = null;
            JsonNode stages = null;
            for (int run = 0; run < RUNS; run++) {
                String[] f = fork("128m", "aalto", project);
                if (floor == null || Long.parseLong(f[0]) < Long.parseLong(floor[0])) {
                    floor = f;
                }
                String[] b = fork("128m", "build", project);
                if (b[0].equals("-1")) {
                    build = b;
                    break;
                }
                JsonNode st = JSON.readTree(project.resolve("out/bench/2025-03/manifest.json")
                                .toFile())
                        .path("durationsMs");
                if (stages == null || checkAndCsv(st) < checkAndCsv(stages)) {
                    build = b;
                    stages = st;
                }
            }
            double aalto = secs(floor[0]);
            row(md, rows, mb, "floor: inflate + Aalto StAX", aalto, aalto, floor[1], "128m");
            if (build[0].equals("-1")) {
                md.append(String.format("| %,d | %s | build | failed | | | | 128m |%n", rows, mb));
                continue;
            }
            double check = stages.path("check").asLong() / 1000.0;
            double csv = stages.path("csv").asLong() / 1000.0;
            double summary = stages.path("summary").asLong() / 1000.0;
            double pdf = stages.path("pdf").asLong() / 1000.0;
            // A streamed workbook's CSV extracts are written as its rows are validated: one pass for both.
            java.util.Map<String, String> peak = new java.util.HashMap<>();
            for (String kv : build[2].split(",")) {
                peak.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
            String validatePeak = String.valueOf(Math.max(
                    Long.parseLong(peak.getOrDefault("read", "0")),
                    Long.parseLong(peak.getOrDefault("validate", "0"))));
            row(md, rows, mb, "build: read + validate + transform + CSV", check + csv, aalto, validatePeak + "MB", "");
            md.append(String.format(
                    "| %,d | %s | build: transform (in the above) | | | | %s | |%n",
                    rows, mb, peak.getOrDefault("transform", "")));
            row(md, rows, mb, "build: summary sheet", summary, aalto, peak.getOrDefault("summary", "") + "MB", "");
            row(md, rows, mb, "build: PDF (in parallel with the summary)", pdf, aalto, "", "");
            row(md, rows, mb, "build: whole run", secs(build[0]), aalto, build[1], "128m");
            // CSV writing alone, on rows already in memory: briefpipe's writer, then a bare BufferedWriter
            // writing the same text (the best of several runs each).
            String[] writers = fork("1g", "csv-writers", project);
            double ours = Long.parseLong(writers[0]) / 1e6;
            double bare = Long.parseLong(writers[2]) / 1e6;
            md.append(String.format(
                    "| %,d | %s | CSV writer (commons-csv), rows in memory | %.3f | %,.0f | %.2f× bare writer | | 1g |%n",
                    rows, mb, ours, rows / ours, ours / bare));
            md.append(String.format(
                    "| %,d | %s | bare BufferedWriter, same text | %.3f | %,.0f | | | 1g |%n",
                    rows, mb, bare, rows / bare));
            System.err.println(md);
        }
        System.out.println(md);
        Files.writeString(base.resolve("pipeline-results.md"), md);
    }

    /** How many times the floor and the build run, the best kept: {@code -Dbench.runs=N}, 3 by default. */
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    private static long checkAndCsv(JsonNode stages) {
        return stages.path("check").asLong() + stages.path("csv").asLong();
    }

    private static void row(
            StringBuilder md, int rows, String mb, String pass, double secs, double floor, String heap, String xmx) {
        md.append(String.format(
                "| %,d | %s | %s | %.2f | %,.0f | %.2f | %s | %s |%n",
                rows,
                mb,
                pass,
                secs,
                rows / secs,
                secs / floor,
                heap.isEmpty() ? "" : heap.endsWith("MB") ? heap.substring(0, heap.length() - 2) : heap(heap),
                xmx));
    }

    private static String heap(String bytes) {
        return String.valueOf(Long.parseLong(bytes) / (1024 * 1024));
    }

    private static double secs(String millis) {
        return Long.parseLong(millis) / 1000.0;
    }

    /** A project folder for one size: config, and the workbook linked in. */
    private static Path project(Path dir, Path workbook) throws IOException {
        Files.createDirectories(dir.resolve("config/briefs"));
        Files.writeString(dir.resolve("config/briefs/bench.yaml"), CONFIG);
        Files.writeString(dir.resolve("config/briefpipe.yaml"), "output: out\nstate: state\n");
        Path link = dir.resolve("bench.xlsx");
        Files.deleteIfExists(link);
        Files.createLink(link, workbook);
        return dir;
    }

    private static String[] fork(String xmx, String pass, Path project) throws Exception {
        return ValidateBenchmark.fork(PipelineBenchmark.class, xmx, pass, project.toString());
    }

    private static String size(Path file) throws IOException {
        long bytes = Files.size(file);
        return bytes < 1024 * 1024 ? bytes / 1024 + " KB" : bytes / (1024 * 1024) + " MB";
    }

    /** One measured pass in this JVM; prints "millis peakHeapBytes" (csv-writers: "oursMicros peak bareMicros"). */
    private static void run(String pass, Path project) throws Exception {
        Path file = project.resolve("bench.xlsx");
        if (pass.equals("csv-writers")) {
            csvWriters(project);
            return;
        }
        long start = System.nanoTime();
        switch (pass) {
            case "aalto" -> ValidateBenchmark.stax(file, new com.fasterxml.aalto.stax.InputFactoryImpl());
            case "build" -> {
                // As `briefpipe build` does, with a listener that takes the heap's peak at each stage's end.
                var settings = new dev.briefpipe.config.ConfigLoader().load(project.resolve("config"));
                StagePeaks peaks = new StagePeaks();
                try (var service = dev.briefpipe.run.BriefService.open(settings, peaks)) {
                    service.build(
                            settings.findBrief("bench").orElseThrow(),
                            file,
                            dev.briefpipe.model.Period.parse("2025-03"),
                            settings.resolve(settings.app().output()),
                            null);
                }
                peaks.stage("end", 0, 0);
                System.out.println((System.nanoTime() - start) / 1_000_000 + " " + peakOverall + " " + peaks);
                return;
            }
            default -> throw new IllegalArgumentException(pass);
        }
        System.out.println((System.nanoTime() - start) / 1_000_000 + " " + peakHeap());
    }

    private static long peakOverall;

    /** The heap's peak during each stage (the PDF, drawn in parallel, counts in the stages it overlaps). */
    private static final class StagePeaks implements dev.briefpipe.run.ProgressListener {
        private final java.util.Map<String, Long> peaks = new java.util.LinkedHashMap<>();
        private String current;

        @Override
        public synchronized void stage(String stage, int index, int total) {
            long peak = peakHeap();
            peakOverall = Math.max(peakOverall, peak);
            if (current != null) {
                peaks.merge(current, peak, Math::max);
            }
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            current = stage;
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            peaks.forEach((k, v) ->
                    b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v / (1024 * 1024)));
            return b.toString();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /**
     * briefpipe's CSV writer against a hand-rolled one: both turn the same typed rows into the same text
     * (the values' plain text, commas, CRLF); only quoting and the formula guard are the writer's own.
     */
    private static void csvWriters(Path project) throws Exception {
        var settings = new dev.briefpipe.config.ConfigLoader().load(project.resolve("config"));
        var brief = settings.findBrief("bench").orElseThrow();
        var raw = dev.briefpipe.load.Workbooks.open(
                project.resolve("bench.xlsx"), 1L << 31, 1L << 31, dev.briefpipe.model.WorkMeter.NONE);
        var table = new dev.briefpipe.validate.SchemaValidator()
                .validate(raw, brief, true)
                .dataset()
                .table("deals");
        var schema = brief.sheets().get("deals");
        Path dir = Files.createDirectories(project.resolve("out/csv-bench"));
        var cfg = dev.briefpipe.config.ExtractConfig.of("deals");
        long ours = Long.MAX_VALUE;
        long bare = Long.MAX_VALUE;
        // Best of five, or of as many as make some five million rows: small sizes need the repeats.
        int times = Math.max(5, 5_000_000 / Math.max(1, table.rows().size()));
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            new dev.briefpipe.export.csv.CsvExtractWriter().write(table, schema, cfg, dir);
            ours = Math.min(ours, System.nanoTime() - t);
            t = System.nanoTime();
            List<String> fields = table.fields();
            try (Writer w = new BufferedWriter(
                    Files.newBufferedWriter(dir.resolve("bare.csv"), StandardCharsets.UTF_8), 1 << 16)) {
                w.write('\uFEFF');
                for (var r : table.rows()) {
                    for (int f = 0; f < fields.size(); f++) {
                        if (f > 0) {
                            w.write(',');
                        }
                        w.write(dev.briefpipe.export.csv.CsvValues.text(r.get(fields.get(f))));
                    }
                    w.write("\r\n");
                }
            }
            bare = Math.min(bare, System.nanoTime() - t);
        }
        System.out.println(ours / 1_000 + " " + peakHeap() + " " + bare / 1_000);
    }

    private static final String CONFIG = ValidateBenchmark.CONFIG + """
      locale: ko-KR
      outputs: {pdf: "{id}-{period}.pdf", csv: true}
      layout:
        - {block: key-figures, figures: [usd_total, cn_usd, cn_share, deals]}
      summary:
        sheet: 요약
        mode: copy
        figures:
          - {id: usd_total, label: "USD 환산 합계", expr: "sum(deals.amount_usd)", unit: 달러, format: "#,##0"}
          - {id: cn_usd, label: "중국 USD 환산 합계", expr: "sum(deals.amount_usd, country = 'CN')", unit: 달러, format: "#,##0"}
          - {id: cn_share, label: "중국 비중", expr: "cn_usd / usd_total", format: "0.0%"}
          - {id: deals, label: "거래 수", expr: "count(deals)", unit: 건, format: "#,##0"}
        tables:
          - {title: "국가별 USD 환산 합계", sheet: deals, by: country, sum: amount_usd, sort: desc, format: "#,##0"}
          - {title: "국가 × 구분 거래 수", sheet: deals, by: country, across: kind, format: "#,##0"}
        chart: {table: 1, kind: bar, title: "국가별 USD 환산 합계"}
      """;
}
