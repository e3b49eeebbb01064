package dev.briefpipe.config;

/** A word in config that is not one of those a setting takes (a column type, a summary mode). */
final class UnknownWord extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String word;
    private final String known;
    /** The key, when a record's constructor checks one of its own; null when the value is the key's. */
    private final String key;

    /** @param known the words the setting takes, comma-separated */
    UnknownWord(String word, String known) {
        this(null, word, known);
    }

    private UnknownWord(String key, String word, String known) {
        super("'" + word + "' is not one of: " + known);
        this.word = word;
        this.known = known;
        this.key = key;
    }

    /** {@code word} when it is one of {@code known}; otherwise this exception, told at the line of {@code key}. */
    static String oneOf(String key, String word, String... known) {
        if (!java.util.List.of(known).contains(word)) {
            throw new UnknownWord(key, word, String.join(", ", known));
        }
        return word;
    }

    String key() {
        return key;
    }

    String word() {
        return word;
    }

    String known() {
        return known;
    }
}
