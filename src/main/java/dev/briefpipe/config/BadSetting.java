package dev.briefpipe.config;

import java.util.List;

/**
 * A value in config that its setting does not take: a word it does not know (a column type, a summary
 * mode, mail's security), or a number below its least (a timeout of 0 would wait for ever). Thrown while
 * binding; the loader tells it at the key's line.
 */
final class BadSetting extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    /** The key, when a record's constructor checks one of its own; null when the value is the key's. */
    private final String key;
    /** The problem's message key under {@code config.}: {@code not-one-of}, {@code too-small}, {@code out-of-range}, or a conflict's own. */
    private final String problem;

    private final String value;
    /** The words the setting takes, comma-separated, or its least number. */
    private final String takes;

    private BadSetting(String key, String problem, String value, String takes) {
        super("'" + value + "' is not allowed; it takes " + takes);
        this.key = key;
        this.problem = problem;
        this.value = value;
        this.takes = takes;
    }

    /** A word that is none of {@code known} (comma-separated), for a value that is its key's own. */
    static BadSetting unknown(String word, String known) {
        return new BadSetting(null, "not-one-of", word, known);
    }

    /** {@code word} when it is one of {@code known}; otherwise this exception, told at the line of {@code key}. */
    static String oneOf(String key, String word, List<String> known) {
        if (!known.contains(word)) {
            throw new BadSetting(key, "not-one-of", word, String.join(", ", known));
        }
        return word;
    }

    /** {@code value} when it is {@code min} or more; otherwise this exception, told at the line of {@code key}. */
    static <N extends Number> N atLeast(String key, N value, long min) {
        if (value.doubleValue() < min) {
            throw new BadSetting(key, "too-small", String.valueOf(value), String.valueOf(min));
        }
        return value;
    }

    /** {@code value} when it is from {@code min} to {@code max}; otherwise this exception, told at the line of {@code key}. */
    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadSetting(key, "out-of-range", String.valueOf(value), min + "–" + max);
        }
        return value;
    }

    /** Two settings that do not go together; told at {@code key} (a JSON pointer's steps: {@code scheduler/clustered}). */
    static BadSetting conflict(String key, String problem) {
        return new BadSetting(key, problem, "", "");
    }

    String key() {
        return key;
    }

    String problem() {
        return problem;
    }

    /** The problem's arguments: the value, the setting's path, what it takes. */
    List<Object> args(String path) {
        return List.of(value, path, takes);
    }
}
