package dev.briefpipe.pipeline;

/** Hears about stages as a run goes through them (for progress display and logs). */
public interface ProgressListener {
  ProgressListener NONE = (stage, index, total) -> {};

  /**
   * @param stage the stage key: read, validate, transform, pdf, csv, summary, publish
   * @param index one-based position of the stage in this run
   */
  void stage(String stage, int index, int total);
}
