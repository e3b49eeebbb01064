package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.Test;

/** What the command line says when a command stops on something other than a failure of its own. */
class ErrorReporterTest {

    @Test
    void aFileTheSystemRefusedIsNamedEvenWhenALambdaWrappedIt() {
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(
                Messages.of(Messages.Lang.KO),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                false,
                true,
                false);
        // Files.list and Files.walk hand an I/O error on as an UncheckedIOException: still the file and why.
        int code = new ErrorReporter(ctx)
                .report(new UncheckedIOException(new AccessDeniedException("/srv/briefs/output/ai-hegemony")));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("/srv/briefs/output/ai-hegemony").doesNotContain("Exception", "예기치 못한");
    }
}
