package dev.briefpipe.transform;

import dev.briefpipe.config.StyleConfig;

/**
 * A cell of prose as the PDF prints it. It is one paragraph: a line break typed in the cell (Alt+Enter,
 * to fit Excel's column), a tab, an ideographic space or a run of spaces is one space, as the PDF sets
 * its own lines and stretches its own spaces. A bullet's text leaves out a marker typed at its start
 * ("○ …", pasted with it): the level column prints the marker. Straight quotes become curly when the
 * style asks for it: a quote at the start, after a space or after an opening bracket opens (‘ “), any
 * other closes (’ ”), so an apostrophe inside a word becomes ’.
 */
final class Prose {
    private Prose() {}

    /** @param bullet the text of a narrative row of a bullet level */
    static String printed(String text, StyleConfig style, boolean bullet) {
        String s = text.strip();
        if (s.contains("  ") || s.chars().anyMatch(c -> c != ' ' && Character.isWhitespace(c))) {
            s = s.replaceAll("[\\s\\u3000]+", " ").strip();
        }
        if (bullet) {
            String t = s;
            s = style.typedMarker(t).map(m -> t.substring(m.length()).strip()).orElse(t);
        }
        return style.curlyQuotes() ? curly(s) : s;
    }

    private static String curly(String text) {
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
