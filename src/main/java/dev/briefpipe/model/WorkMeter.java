package dev.briefpipe.model;

/** Hears how far a long piece of work has got: units (bytes, rows) done of a total (≤ 0 when unknown). */
@FunctionalInterface
public interface WorkMeter {
    WorkMeter NONE = (done, total) -> {};

    /** Called often; must be cheap. */
    void advance(long done, long total);
}
