package dev.briefpipe.testing;

import dev.briefpipe.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
        return raw(arguments(project, command, args).toArray(String[]::new));
    }

    private static List<String> arguments(SampleProject project, String command, String... args) {
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
        return all;
    }

    /** A command running on another thread; what it prints can be read while it runs. */
    public record Running(CompletableFuture<Result> result, StringWriter out, StringWriter err) {}

    /** {@link #run(SampleProject, String, String...)} started on another thread. */
    public static Running start(SampleProject project, String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = arguments(project, command, args).toArray(String[]::new);
        return new Running(CompletableFuture.supplyAsync(() -> execute(all, out, err)), out, err);
    }

    public static Result raw(String... args) {
        return execute(args, new StringWriter(), new StringWriter());
    }

    private static Result execute(String[] args, StringWriter out, StringWriter err) {
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    public static Path path(SampleProject p, String rel) {
        return p.root().resolve(rel);
    }
}
