package dev.briefpipe.transform;

/**
 * Straight quotes in prose made typographic: a quote at the start, after a space or after an opening
 * bracket opens (‘ “), any other closes (’ ”), so an apostrophe inside a word becomes ’.
 */
public final class CurlyQuotes {
    private CurlyQuotes() {}

    public static String apply(String text) {
        if (text.indexOf('"') < 0 && text.indexOf('\'') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                char before = i == 0 ? ' ' : text.charAt(i - 1);
                boolean opens = Character.isWhitespace(before) || "([{「『〈《‘“".indexOf(before) >= 0;
                out.append(c == '"' ? (opens ? '“' : '”') : (opens ? '‘' : '’'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
