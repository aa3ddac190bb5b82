package io.streampipe.operator;

import io.streampipe.api.v1alpha1.PipelineProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The counts of a steady played job: a batch of {@link #RECORDS} records completes every {@code
 * every}, with a constant lag; after {@link #idle()} the topic is quiet: no batch, no new count,
 * only the job's idle triggers at the same pace, as Spark's {@code QueryIdleEvent} reports them.
 */
final class JobPace {
  static final long RECORDS = 100;
  static final long LAG = 25;

  private final long everyMillis;
  private final long started = System.currentTimeMillis();
  private volatile long idleAfter = -1;

  JobPace(Duration every) {
    this.everyMillis = every.toMillis();
  }

  /** From now on the job finds nothing new to read. */
  void idle() {
    idleAfter = ticks();
  }

  /** What the job reports now; its generation is the played job's to set. */
  PipelineProgress now() {
    long ticks = ticks();
    boolean idle = idleAfter >= 0;
    long batches = idle ? idleAfter : ticks;
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(batches);
    p.setLastBatchTime(at(batches));
    p.setRead(batches * RECORDS);
    p.setWritten(batches * RECORDS);
    p.setDeduplicated(0L);
    p.setDeadLettered(0L);
    p.setDeadLettersByRule(Map.of());
    p.setLag(idle ? 0L : LAG);
    double rate = idle ? 0.0 : RECORDS * 1000.0 / everyMillis;
    p.setInputRate(rate);
    p.setProcessingRate(rate);
    if (idle) {
      p.setLastIdleTime(at(ticks));
    }
    return p;
  }

  private long ticks() {
    return (System.currentTimeMillis() - started) / everyMillis;
  }

  private String at(long tick) {
    return Instant.ofEpochMilli(started + tick * everyMillis).toString();
  }
}
