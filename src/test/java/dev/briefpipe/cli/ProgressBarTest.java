package dev.briefpipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.briefpipe.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final StringWriter err = new StringWriter();
    private long now;

    private ProgressBar bar(boolean tty) {
        CliContext ctx = new CliContext(
                Messages.of(Messages.Lang.EN),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                false,
                false,
                false);
        return new ProgressBar(ctx, tty, () -> now);
    }

    @Test
    void aShortStageShowsOnlyItsLine() {
        ProgressBar bar = bar(true);
        bar.stage("validate", 2, 7);
        now = 1_900_000_000L;
        bar.advance("validate", 50, 100);
        bar.advance("validate", 100, 100);
        assertThat(err.toString())
                .isEqualTo(
                        "[2/7] " + Messages.of(Messages.Lang.EN).get("stage.validate") + "…" + System.lineSeparator());
    }

    @Test
    void onATerminalALongStageGetsABarRedrawnInPlace() {
        ProgressBar bar = bar(true);
        bar.stage("validate", 2, 7);
        now = 2_500_000_000L;
        bar.advance("validate", 42, 100);
        now += 50_000_000L;
        bar.advance("validate", 43, 100); // too soon to redraw
        now += 300_000_000L;
        bar.advance("validate", 100, 100);
        bar.advance("pdf", 10, 100); // another stage's work, drawn in parallel: not shown
        String out = err.toString();
        assertThat(out)
                .contains("\r  [" + "█".repeat(12) + "░".repeat(18) + "]  42%  3 s")
                .contains("\r  [" + "█".repeat(30) + "] 100%  3 s" + System.lineSeparator())
                .doesNotContain("43%")
                .doesNotContain("10%");
    }

    @Test
    void inALogFileALongStageGetsALinePerTenth() {
        ProgressBar bar = bar(false);
        bar.stage("csv", 5, 7);
        now = 3_000_000_000L;
        for (int done = 0; done <= 1000; done += 7) {
            bar.advance("csv", done, 1000);
        }
        String out = err.toString();
        assertThat(out).doesNotContain("\r").contains("  10%  3 s", "  50%  3 s", "  90%  3 s");
        assertThat(out.lines().filter(l -> l.endsWith("%  3 s")).count()).isEqualTo(9);
    }
}
