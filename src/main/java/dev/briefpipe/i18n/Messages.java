package dev.briefpipe.i18n;

import java.text.MessageFormat;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from the {@code messages} bundle, Korean by default, English on request.
 *
 * <p>Patterns use {@link MessageFormat} (a literal apostrophe is written {@code ''}); a {@link Phrase}
 * argument is told in the same language, a {@link ZonedDateTime} as {@code time.when} writes it. A
 * missing key yields the key itself in brackets rather than failing, so a gap in a translation is
 * visible but never fatal. Instances are immutable and thread-safe.
 */
public final class Messages {
    private static final String BUNDLE = "dev.briefpipe.i18n.messages";
    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                lang.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Lang lang) {
        return new Messages(lang);
    }

    /**
     * The words of a brief written for a locale (a language tag such as "ko-KR" or "en-GB"): Korean for
     * a Korean brief, English for any other.
     */
    public static Messages forLocale(String languageTag) {
        return of(Locale.forLanguageTag(languageTag).getLanguage().equals("ko") ? Lang.KO : Lang.EN);
    }

    /** English, made once: for the text of logs and exceptions. */
    static Messages english() {
        return English.MESSAGES;
    }

    private static final class English {
        static final Messages MESSAGES = new Messages(Lang.EN);
    }

    public Lang lang() {
        return lang;
    }

    public Locale locale() {
        return lang.locale();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        Object[] told = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Phrase || args[i] instanceof ZonedDateTime || args[i] instanceof DayOfWeek) {
                if (told == args) {
                    told = args.clone();
                }
                told[i] = args[i] instanceof Phrase p
                        ? get(p)
                        : args[i] instanceof DayOfWeek d
                                ? d.getDisplayName(TextStyle.FULL, lang.locale())
                                : DateTimeFormatter.ofPattern(get("time.when"), lang.locale())
                                        .format((ZonedDateTime) args[i]);
            }
        }
        try {
            return new MessageFormat(pattern, lang.locale()).format(told);
        } catch (IllegalArgumentException badPattern) {
            return pattern; // a slip in a translation shows as itself, never as a stack trace
        }
    }

    /**
     * A stored id in this language's words ({@code word.<kind>.<id>}: a run's trigger or status, a
     * delivery's state), the id itself when it has none.
     */
    public String word(String kind, String id) {
        String key = "word." + kind + "." + id;
        return has(key) ? get(key) : id;
    }

    /** The phrase in this language. */
    public String get(Phrase phrase) {
        return get(phrase.key(), phrase.args().toArray());
    }

    /** Sentences in this language, one after another. */
    public String get(List<Phrase> sentences) {
        return String.join(" ", sentences.stream().map(this::get).toList());
    }

    /** The two languages briefpipe speaks. */
    public enum Lang {
        KO(Locale.KOREAN),
        EN(Locale.ENGLISH);

        private final Locale locale;

        Lang(Locale locale) {
            this.locale = locale;
        }

        public Locale locale() {
            return locale;
        }

        /** "ko", "en" (any case, also "ko-KR", "en_US.UTF-8"); anything else is Korean. */
        public static Lang parse(String text) {
            if (text != null && text.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
                return EN;
            }
            return KO;
        }

        /** Whether {@code text} names one of these languages as {@link #parse} reads them. */
        public static boolean names(String text) {
            String tag = text.trim().toLowerCase(Locale.ROOT);
            return tag.startsWith("ko") || tag.startsWith("en");
        }
    }
}
