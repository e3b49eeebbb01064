package dev.briefpipe.config;

import dev.briefpipe.failure.ConfigProblem;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found in one config file, each with the line its JSON pointer is on, each once (a name
 * an expression uses twice is one problem).
 */
final class ConfigProblems implements BriefCheck.Problems {
    private final Path file;
    private final YamlLineIndex lines;
    private final Set<ConfigProblem> problems = new LinkedHashSet<>();

    ConfigProblems(Path file, YamlLineIndex lines) {
        this.file = file;
        this.lines = lines;
    }

    @Override
    public void add(String pointer, String key, Object... args) {
        problems.add(new ConfigProblem(file, lines.lineOf(pointer), key, List.of(args)));
    }

    List<ConfigProblem> all() {
        return List.copyOf(problems);
    }
}
