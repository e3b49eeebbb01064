package dev.briefpipe.cli;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.run.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Stage lines on stderr ("[2/7] 검증…") and, for a stage that runs longer than two seconds, a bar
 * redrawn in place on a terminal, or a line per tenth when stderr is a file or a pipe.
 */
final class ProgressBar implements ProgressListener {
    private static final long SHOW_AFTER = 2_000_000_000L;
    private static final long REDRAW = 200_000_000L;
    private static final int WIDTH = 30;
    private final CliContext ctx;
    private final PrintWriter err;
    private final boolean tty;
    private final java.util.function.LongSupplier clock;
    private String stage = "";
    private long started;
    private long drawnAt;
    private int lastTenth;
    private boolean open;

    ProgressBar(CliContext ctx, boolean tty) {
        this(ctx, tty, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime} */
    ProgressBar(CliContext ctx, boolean tty, java.util.function.LongSupplier clock) {
        this.ctx = ctx;
        this.err = ctx.err();
        this.tty = tty;
        this.clock = clock;
    }

    @Override
    public synchronized void stage(String stage, int index, int total) {
        closeLine();
        this.stage = stage;
        started = clock.getAsLong();
        lastTenth = 0;
        err.println("[" + index + "/" + total + "] " + ctx.msg("stage." + stage) + "…");
        err.flush();
    }

    @Override
    public synchronized void advance(String stage, long done, long total) {
        long now = clock.getAsLong();
        if (!stage.equals(this.stage) || total <= 0 || now - started < SHOW_AFTER) {
            return;
        }
        int percent = (int) Math.min(100, done * 100 / total);
        double secs = (now - started) / 1e9;
        if (tty) {
            if (now - drawnAt < REDRAW && percent < 100) {
                return;
            }
            drawnAt = now;
            int filled = percent * WIDTH / 100;
            err.printf(
                    Locale.ROOT,
                    "\r  [%s%s] %3d%%  %.0f s",
                    "█".repeat(filled),
                    "░".repeat(WIDTH - filled),
                    percent,
                    secs);
            open = true;
            if (percent == 100) {
                closeLine();
            }
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            err.printf(Locale.ROOT, "  %d%%  %.0f s%n", percent, secs);
        }
        err.flush();
    }

    @Override
    public synchronized void note(Phrase phrase) {
        closeLine();
        err.println("  " + ctx.msg(phrase.key(), phrase.args().toArray()));
        err.flush();
    }

    private void closeLine() {
        if (open) {
            err.println();
            open = false;
        }
    }
}
