package dev.briefpipe.render.pdf;

import com.lowagie.text.pdf.hyphenation.Hyphenation;
import com.lowagie.text.pdf.hyphenation.HyphenationTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Where the Latin words of a text may be hyphenated at a line end: OpenPDF's pattern engine with the
 * British English patterns briefpipe ships ({@code dev/briefpipe/hyphenation/en_GB.xml}, remade by
 * {@code src/build/hyphenation/make-patterns.sh}). Short words, words in capitals (NVIDIA, TFLOPS),
 * and tokens that are addresses (a URL, an e-mail) are never hyphenated; at least two letters stay
 * before a hyphen and three go after it.
 */
final class LatinHyphens {
    /** The shortest word that may be hyphenated, in letters. */
    private static final int MIN_WORD = 6;
    /** A dot followed by a letter: a domain or file name ("example.org", "brief.pdf"). */
    private static final java.util.regex.Pattern DOMAIN = java.util.regex.Pattern.compile("\\.[A-Za-z]");

    private LatinHyphens() {}

    private static final class Patterns {
        static final HyphenationTree TREE = load();

        private static HyphenationTree load() {
            HyphenationTree tree = new HyphenationTree();
            try (InputStream in = LatinHyphens.class.getResourceAsStream("/dev/briefpipe/hyphenation/en_GB.xml")) {
                if (in == null) {
                    throw new IllegalStateException("the hyphenation patterns are missing from the jar");
                }
                tree.loadSimplePatterns(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return tree;
        }
    }

    /** {@code result[i]}: the text may break before char i with a hyphen added to the line. */
    static boolean[] points(String text) {
        boolean[] at = new boolean[text.length() + 1];
        int i = 0;
        while (i < text.length()) {
            int token = text.indexOf(' ', i);
            token = token < 0 ? text.length() : token;
            if (!address(text.substring(i, token))) {
                word(text, i, token, at);
            }
            i = token + 1;
        }
        return at;
    }

    /** Marks the hyphenation points of each run of letters in text[from, to). */
    private static void word(String text, int from, int to, boolean[] at) {
        int i = from;
        while (i < to) {
            if (!isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < to && (isLetter(text.charAt(end)) || text.charAt(end) == '\'')) {
                end++;
            }
            String word = text.substring(i, end);
            if (word.length() >= MIN_WORD && !word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                Hyphenation h = Patterns.TREE.hyphenate(word, 2, 3);
                if (h != null) {
                    for (int p : h.getHyphenationPoints()) {
                        at[i + p] = true;
                    }
                }
            }
            i = end;
        }
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean address(String token) {
        return token.contains("/")
                || token.contains("@")
                || DOMAIN.matcher(token).find();
    }
}
