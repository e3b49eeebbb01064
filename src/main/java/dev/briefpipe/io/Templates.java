package dev.briefpipe.io;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML briefpipe writes (the console's pages, the letters, the validation report): JTE templates
 * compiled with the code ({@code src/main/jte}), every value escaped unless a template says otherwise.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    /** A web address in text. */
    private static final Pattern WEB = Pattern.compile("https?://[^\\s<]+");

    private Templates() {}

    /** The template {@code name} ({@code src/main/jte/<name>.jte}) filled with {@code params}. */
    public static String render(String name, Map<String, ?> params) {
        StringOutput out = new StringOutput();
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) params;
        ENGINE.render(name + ".jte", p, out);
        return out.toString();
    }

    /**
     * Text as HTML (for {@code $unsafe}): escaped, each web address in it (on a line of its own, or at a
     * line's end) a link.
     */
    public static String linked(String text) {
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        return WEB.matcher(escaped)
                .replaceAll(m -> Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group() + "</a>"));
    }
}
