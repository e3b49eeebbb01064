package dev.briefpipe.run;

import dev.briefpipe.i18n.Phrase;
import dev.briefpipe.model.WorkMeter;

/** Hears about stages as a run goes through them (for progress display and logs). */
public interface ProgressListener {
    ProgressListener NONE = (stage, index, total) -> {};

    /**
     * @param stage the stage key: read, validate, transform, pdf, csv, summary, publish
     * @param index one-based position of the stage in this run
     */
    void stage(String stage, int index, int total);

    /** How far a stage has got (bytes of sheet XML read, rows written); called often, so cheap. */
    default void advance(String stage, long done, long total) {}

    /** Something the reader should know while they wait (a mail server retried, say). */
    default void note(Phrase phrase) {}

    /** The work meter of one stage. */
    default WorkMeter meter(String stage) {
        return this == NONE ? WorkMeter.NONE : (done, total) -> advance(stage, done, total);
    }
}
