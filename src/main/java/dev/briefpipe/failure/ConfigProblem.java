package dev.briefpipe.failure;

import java.nio.file.Path;
import java.util.List;

/**
 * One mistake in a config file: where (file, one-based line; 0 when unknown) and what, as a message
 * key under {@code config.} with its arguments. The bundle also holds {@code config.<key>.fix}, how
 * to fix it.
 */
public record ConfigProblem(Path file, int line, String key, List<Object> args) {

    public ConfigProblem {
        args = List.copyOf(args);
    }
}
