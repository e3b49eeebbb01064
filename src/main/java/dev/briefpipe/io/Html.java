package dev.briefpipe.io;

/** Text made safe inside the HTML briefpipe writes itself (reports, letters). */
public final class Html {
    /** A web address in text. */
    private static final java.util.regex.Pattern WEB = java.util.regex.Pattern.compile("https?://[^\\s<]+");

    private Html() {}

    /** The text with {@code & < > "} escaped; "" for none. */
    public static String esc(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    /** Escaped text with each web address in it (on a line of its own, or at a line's end) a link. */
    public static String linked(String escaped) {
        return WEB.matcher(escaped)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        "<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
    }
}
