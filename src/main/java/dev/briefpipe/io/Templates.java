package dev.briefpipe.io;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.escape.Escape;
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
     * Text with each web address in it a link, escaped by JTE's own escapers as the template's values are
     * (the address once as an attribute, once as text).
     */
    public static Content linked(String text) {
        return out -> {
            Matcher m = WEB.matcher(text);
            int at = 0;
            while (m.find()) {
                Escape.htmlContent(text.substring(at, m.start()), out);
                out.writeContent("<a href=\"");
                Escape.htmlAttribute(m.group(), out);
                out.writeContent("\">");
                Escape.htmlContent(m.group(), out);
                out.writeContent("</a>");
                at = m.end();
            }
            Escape.htmlContent(text.substring(at), out);
        };
    }
}
