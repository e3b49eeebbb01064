package dev.briefpipe.testing;

import dev.briefpipe.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the briefpipe command in-process and captures its exit code and output. */
public final class Cli {
    private Cli() {}

    /** What a run printed and returned. */
    public record Result(int code, String out, String err) {}

    /**
     * Runs {@code command} with {@code --config <project>/config -q}, and {@code --brief ai-hegemony}
     * unless the arguments name a brief.
     */
    public static Result run(SampleProject project, String command, String... args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.add("--config");
        all.add(project.config().toString());
        all.add("-q");
        if (!List.of(args).contains("--brief")) {
            all.add("--brief");
            all.add(SampleProject.BRIEF);
        }
        all.addAll(List.of(args));
        return raw(all.toArray(String[]::new));
    }

    public static Result raw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    public static Path path(SampleProject p, String rel) {
        return p.root().resolve(rel);
    }
}
