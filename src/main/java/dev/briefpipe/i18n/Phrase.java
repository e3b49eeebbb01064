package dev.briefpipe.i18n;

import java.util.Arrays;
import java.util.List;

/**
 * A message not yet put in words: a bundle key and its arguments, told in the reader's language when
 * it is shown. It may be an argument of another message ({@link Messages#get} tells it first), so a
 * reason found deep in the code (an expression's, say) reaches the Korean report in Korean.
 *
 * @param key the bundle key
 * @param args its arguments; a {@code Phrase} among them is told too; null is told as nothing
 */
public record Phrase(String key, List<Object> args) {
    /** A missing argument is told as nothing, as in the message it fills. */
    public Phrase {
        args = args.stream().map(a -> a == null ? "" : a).toList();
    }

    public static Phrase of(String key, Object... args) {
        return new Phrase(key, Arrays.asList(args));
    }

    /** In English: for logs and exception messages. */
    @Override
    public String toString() {
        return Messages.english().get(this);
    }
}
