package dev.briefpipe.cli;

import dev.briefpipe.i18n.Messages;
import java.io.PrintWriter;

/**
 * What every command shares: the language, the output streams and the global switches.
 *
 * @param colour whether stdout is a terminal that wants ANSI colours
 * @param quiet no progress lines on stderr
 */
record CliContext(Messages messages, PrintWriter out, PrintWriter err, boolean colour, boolean quiet, boolean debug) {

    String msg(String key, Object... args) {
        return messages.get(key, args);
    }
}
