package dev.briefpipe.config;

/** A word in config that is not one of those a setting takes (a column type, a summary mode). */
final class UnknownWord extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String word;
    private final String known;

    /** @param known the words the setting takes, comma-separated */
    UnknownWord(String word, String known) {
        super("'" + word + "' is not one of: " + known);
        this.word = word;
        this.known = known;
    }

    String word() {
        return word;
    }

    String known() {
        return known;
    }
}
