package dev.briefpipe.cli;

import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.Failure;
import dev.briefpipe.failure.FileProblems;
import dev.briefpipe.i18n.Phrase;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Turns what stopped a command into its sentences on stderr and its exit code: a {@link Failure}
 * carries both; a file or disk the operating system refused is named with why ({@link FileProblems}, exit
 * 3); anything else is unexpected (exit 3). Stack traces only with {@code --debug}.
 */
final class ErrorReporter {
    static final int SHOWN_FINDINGS = 20;
    private final CliContext ctx;

    ErrorReporter(CliContext ctx) {
        this.ctx = ctx;
    }

    int report(Exception e) {
        PrintWriter err = ctx.err();
        ExitCode code;
        Optional<Phrase> refused = FileProblems.of(e);
        if (e instanceof Failure f) {
            if (f instanceof DataInvalidException d) {
                new TextReportWriter(ctx.messages(), false, SHOWN_FINDINGS).write(d.report(), err);
            }
            f.explain().forEach(line -> err.println(ctx.messages().get(line)));
            code = f.exitCode();
        } else if (refused.isPresent()) {
            err.println(ctx.messages().get(refused.get()));
            code = ExitCode.RUNTIME;
        } else {
            // A library's own words stay for --debug (below), as for every other failure.
            err.println(ctx.msg("cli.unexpected"));
            code = ExitCode.RUNTIME;
        }
        if (ctx.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }
}
