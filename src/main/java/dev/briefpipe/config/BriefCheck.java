package dev.briefpipe.config;

/**
 * A check of a brief that needs a library the config package does not know (a cron parser, a mail
 * address parser): the command line hands the loader the checks of the packages that own them.
 */
@FunctionalInterface
public interface BriefCheck {
    /** Adds a problem for each mistake found, at the JSON pointer of its key. */
    void check(BriefConfig brief, Problems problems);

    /** Where a check reports what is wrong. */
    interface Problems {
        /**
         * @param pointer the key's JSON pointer in the brief's file ({@code /schedule/cron}), for its line
         * @param key the message key under {@code config.} (with a {@code .fix} beside it)
         */
        void add(String pointer, String key, Object... args);
    }
}
