package dev.briefpipe.cli;

import dev.briefpipe.export.report.TextReportWriter;
import dev.briefpipe.failure.DataInvalidException;
import dev.briefpipe.failure.ExitCode;
import dev.briefpipe.failure.Failure;
import java.io.PrintWriter;

/**
 * Turns what stopped a command into its sentences on stderr and its exit code: a {@link Failure}
 * carries both; anything else is unexpected (exit 3). Stack traces only with {@code --debug}.
 */
final class ErrorReporter {
    private static final int SHOWN_FINDINGS = 20;
    private final CliContext ctx;

    ErrorReporter(CliContext ctx) {
        this.ctx = ctx;
    }

    int report(Exception e) {
        PrintWriter err = ctx.err();
        ExitCode code;
        if (e instanceof Failure f) {
            if (f instanceof DataInvalidException d) {
                new TextReportWriter(ctx.messages(), false, SHOWN_FINDINGS).write(d.report(), err);
            }
            f.explain().forEach(line -> err.println(ctx.messages().get(line)));
            code = f.exitCode();
        } else {
            err.println(ctx.msg("cli.unexpected", e.toString()));
            code = ExitCode.RUNTIME;
        }
        if (ctx.debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }
}
