package io.streampipe.job.metrics;

/** Running totals of a pipeline since it started in this JVM, for progress displays. */
public record PipelineTotals(
    long batches, long read, long written, long deduplicated, long deadLettered) {

  static final PipelineTotals ZERO = new PipelineTotals(0, 0, 0, 0, 0);

  PipelineTotals plus(BatchStats batch) {
    return new PipelineTotals(
        batches + 1,
        read + batch.read(),
        written + batch.written(),
        deduplicated + batch.deduplicated(),
        deadLettered + batch.deadLettered());
  }
}
