package dev.briefpipe.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The console's pages: JTE templates compiled with the code (src/main/jte), rendered to a string. */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    static String render(String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(name + ".jte", params, out);
        return out.toString();
    }
}
