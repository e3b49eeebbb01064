package dev.briefpipe.config;

import java.util.List;
import java.util.stream.Collectors;

/** Config that cannot be used; carries every problem found, each with file and line. */
public class ConfigException extends RuntimeException {
  private final List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream()
        .map(p -> p.file() + ":" + p.line() + ": " + p.key() + " " + p.args())
        .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public ConfigException(ConfigProblem problem) {
    this(List.of(problem));
  }

  public List<ConfigProblem> problems() {
    return problems;
  }
}
