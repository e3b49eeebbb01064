package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.failure.StoreException;
import dev.briefpipe.i18n.Messages;
import dev.briefpipe.i18n.Phrase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the command line says when a command stops on something other than a failure of its own. */
class ErrorReporterTest {

    private final StringWriter err = new StringWriter();
    private final CliContext ctx = new CliContext(
            Messages.of(Messages.Lang.KO),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            false,
            true,
            false);

    @Test
    void aFileTheSystemRefusedIsNamedEvenWhenALambdaWrappedIt() {
        // Files.list and Files.walk hand an I/O error on as an UncheckedIOException: still the file and why.
        int code = new ErrorReporter(ctx)
                .report(new UncheckedIOException(new AccessDeniedException("/srv/briefs/output/ai-hegemony")));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("/srv/briefs/output/ai-hegemony").doesNotContain("Exception", "예기치 못한");
    }

    @Test
    void aFullDiskIsToldInWordsEvenWhereTheWriteNamedNoFile() {
        int code = new ErrorReporter(ctx).report(new IOException("No space left on device"));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip()).isEqualTo("디스크에 빈 공간이 없어 멈췄습니다. 공간을 비운 뒤 다시 실행하세요.");
    }

    @Test
    void anUnexpectedErrorIsOneSentenceWithoutTheLibrarysWords() {
        int code = new ErrorReporter(ctx)
                .report(new IllegalStateException(
                        "cannot add to PDF: All the fonts must be embedded. This one isn't: Helvetica"));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("예기치 못한 오류로 멈췄습니다", "--debug").doesNotContain("Exception", "Helvetica");
    }

    @Test
    void aStatementTheEmbeddedDatabaseRefusedIsToldWithoutTheStatement() {
        // H2 quotes the statement after its reply; the reader gets the reply, the log keeps the rest.
        var refused =
                new SQLException("Table \"BP_RUNS\" not found; SQL statement:\nSELECT id FROM bp_runs [42102-224]");
        int code = new ErrorReporter(ctx)
                .report(new StoreException(Phrase.of("store.runs-read"), new RuntimeException(refused)));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString().strip()).isEqualTo("실행 기록을 읽을 수 없습니다. 데이터베이스의 답: Table \"BP_RUNS\" not found");
    }
}
