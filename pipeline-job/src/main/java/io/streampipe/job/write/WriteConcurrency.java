package io.streampipe.job.write;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many rows a write task may keep in flight, learnt from Cassandra's answers (additive
 * increase, multiplicative decrease): a timeout or an overload halves the limit, every window of
 * {@code limit} rows answered without one raises it by one, within [1, max]. A node that cannot
 * take the configured concurrency then gets what it can answer in time, instead of timing out every
 * write of a batch again on each retry. The limit is shared by the tasks of a pipeline in this JVM
 * ({@link #shared}), so what one batch learnt the next one starts from.
 */
final class WriteConcurrency {
  private static final Map<String, WriteConcurrency> SHARED = new ConcurrentHashMap<>();

  private final int max;
  private int limit;
  private long answered;
  private boolean cut;
  private long lastCut;

  WriteConcurrency(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one row in flight, not " + max);
    }
    this.max = max;
    this.limit = max;
  }

  /** The limit of the pipeline's tasks in this JVM, at {@code max} when first asked for. */
  static WriteConcurrency shared(String pipeline, int max) {
    return SHARED.compute(
        pipeline,
        (name, known) -> known == null || known.max != max ? new WriteConcurrency(max) : known);
  }

  synchronized int limit() {
    return limit;
  }

  /** Rows went through: after every {@code limit} of them the limit grows by one. */
  synchronized void succeeded(int rows) {
    answered += rows;
    while (limit < max && answered >= limit) {
      answered -= limit;
      limit++;
    }
    if (limit == max) {
      answered = 0;
    }
  }

  /**
   * A write timed out or found the node overloaded: the limit halves, once per episode. Writes sent
   * before the last cut were sent at the old limit, and their failures say nothing new.
   *
   * @param sentAt when the failed attempt was sent ({@link System#nanoTime()})
   * @param now when its failure came back
   * @return whether the limit was cut
   */
  synchronized boolean overloaded(long sentAt, long now) {
    if (cut && sentAt - lastCut < 0) {
      return false;
    }
    limit = Math.max(1, limit / 2);
    answered = 0;
    cut = true;
    lastCut = now;
    return true;
  }
}
