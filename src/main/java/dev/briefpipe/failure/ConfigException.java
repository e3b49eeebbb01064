package dev.briefpipe.failure;

import dev.briefpipe.i18n.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Config that cannot be used; carries every problem found, each with file and line. */
public final class ConfigException extends Failure {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(
                problems.stream()
                        .map(p -> p.file() + ":" + p.line() + ": " + p.key() + " " + p.args())
                        .collect(Collectors.joining("; ")),
                null);
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }

    /** The count, then each problem with its file and line, and how to fix it. */
    @Override
    public List<Phrase> explain() {
        List<Phrase> lines = new ArrayList<>();
        lines.add(Phrase.of("cli.config-problems", problems.size()));
        for (ConfigProblem p : problems) {
            String at = p.file() + (p.line() > 0 ? ":" + p.line() : "");
            lines.add(Phrase.of("cli.config-problem", at, new Phrase("config." + p.key(), p.args())));
            lines.add(Phrase.of("cli.config-fix", new Phrase("config." + p.key() + ".fix", p.args())));
        }
        return lines;
    }
}
