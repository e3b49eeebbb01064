package dev.briefpipe.cli;

import dev.briefpipe.i18n.Messages;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the message language: {@code --lang}, else {@code BRIEFPIPE_LANG}, else the app config's
 * {@code lang} (where "auto" follows the system locale), else Korean.
 */
final class Language {
    private Language() {}

    /** Before parsing: from --lang in the raw arguments, or the environment. */
    static Messages.Lang early(String[] args) {
        String chosen = given(args);
        if (chosen == null) {
            chosen = System.getenv("BRIEFPIPE_LANG");
        }
        return chosen != null ? Messages.Lang.parse(chosen) : Messages.Lang.KO;
    }

    /** {@code BRIEFPIPE_LANG} when it is what decides the language and names neither ko nor en, as --lang fr would. */
    static Optional<String> unknownInEnvironment(String[] args) {
        String env = System.getenv("BRIEFPIPE_LANG");
        return given(args) == null && env != null && !Messages.Lang.names(env) ? Optional.of(env) : Optional.empty();
    }

    /** The value of --lang in the raw arguments, or null when none is given. */
    private static String given(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return null;
    }

    static Messages.Lang fromConfig(String configured) {
        if ("auto".equalsIgnoreCase(configured)) {
            String sys = System.getenv("LC_ALL") != null ? System.getenv("LC_ALL") : System.getenv("LANG");
            return sys != null && sys.startsWith("en")
                    ? Messages.Lang.EN
                    : Locale.getDefault().getLanguage().equals("en") && sys != null
                            ? Messages.Lang.EN
                            : Messages.Lang.KO;
        }
        return Messages.Lang.parse(configured);
    }
}
