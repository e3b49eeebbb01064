package dev.briefpipe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code validate} on each file given, in this JVM (started by {@link CorpusIT} with a 512 MB
 * heap), and writes one tab-separated line per file: name, exit code, milliseconds, and what it printed
 * on stderr and stdout (line breaks escaped).
 */
public final class CorpusRun {
    private CorpusRun() {}

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        Path results = Path.of(args[1]);
        List<String> lines = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            Path file = Path.of(args[i]);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long start = System.nanoTime();
            int code = Main.run(
                    new String[] {
                        "validate",
                        "--config",
                        config.toString(),
                        "--brief",
                        "ai-hegemony",
                        "-q",
                        "--workbook",
                        file.toString()
                    },
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    false);
            long millis = (System.nanoTime() - start) / 1_000_000;
            lines.add(file.getFileName() + "\t" + code + "\t" + millis + "\t" + escape(err.toString()) + "\t"
                    + escape(out.toString()));
            Files.write(results, lines, StandardCharsets.UTF_8);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
