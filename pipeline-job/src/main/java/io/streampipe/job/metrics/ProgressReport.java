package io.streampipe.job.metrics;

import io.streampipe.api.JobContract;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.job.validate.Rule;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The job's progress as the operator reads it: totals since start, the last batch, Spark's rates
 * and the lag. Fed on the driver by the batch tracker and the query listener; read by the progress
 * endpoint's thread, hence synchronized.
 */
public final class ProgressReport implements Consumer<BatchStats> {
  private final Long generation;
  private final Map<Rule, Long> deadLettersByRule = new EnumMap<>(Rule.class);
  private long read;
  private long written;
  private long deduplicated;
  private long writeRetries;
  private long writeRetryMillis;
  private Integer writeConcurrency;
  private Long lastBatchId;
  private Instant lastBatchTime;
  private Instant lastIdleTime;
  private Double inputRate;
  private Double processingRate;
  private Long lag;

  /**
   * @param generation the spec generation the job runs, when the operator said it
   */
  public ProgressReport(OptionalLong generation) {
    this.generation = generation.isPresent() ? generation.getAsLong() : null;
  }

  /** The generation from the job's environment ({@link JobContract#ENV_SPEC_GENERATION}). */
  public static OptionalLong generation(Map<String, String> env) {
    String value = env.get(JobContract.ENV_SPEC_GENERATION);
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public synchronized void accept(BatchStats batch) {
    read += batch.read();
    written += batch.written();
    deduplicated += batch.deduplicated();
    writeRetries += batch.writeRetries();
    writeRetryMillis += batch.writeRetryMillis();
    if (batch.writeConcurrency() > 0) {
      writeConcurrency = batch.writeConcurrency();
    }
    batch.deadLetteredByRule().forEach((rule, n) -> deadLettersByRule.merge(rule, n, Long::sum));
    lastBatchId = batch.batchId();
    lastBatchTime = Instant.now();
  }

  synchronized void rates(double input, double processing) {
    inputRate = Double.isFinite(input) ? input : null;
    processingRate = Double.isFinite(processing) ? processing : null;
  }

  /** Spark found no new record at a trigger: the job is alive and caught up. */
  synchronized void idle(Instant at) {
    lastIdleTime = at;
  }

  synchronized void lag(long records) {
    lag = records;
  }

  /** A copy of the figures now. */
  public synchronized PipelineProgress snapshot() {
    PipelineProgress p = new PipelineProgress();
    p.setGeneration(generation);
    p.setLag(lag);
    p.setInputRate(inputRate);
    p.setProcessingRate(processingRate);
    p.setLastBatchId(lastBatchId);
    p.setLastBatchTime(lastBatchTime == null ? null : lastBatchTime.toString());
    p.setLastIdleTime(lastIdleTime == null ? null : lastIdleTime.toString());
    p.setRead(read);
    p.setWritten(written);
    p.setDeduplicated(deduplicated);
    p.setWriteRetries(writeRetries);
    p.setWriteRetryMillis(writeRetryMillis);
    p.setWriteConcurrency(writeConcurrency);
    p.setDeadLettered(deadLettersByRule.values().stream().mapToLong(Long::longValue).sum());
    Map<String, Long> byRule = new LinkedHashMap<>();
    deadLettersByRule.forEach((rule, n) -> byRule.put(rule.label(), n));
    p.setDeadLettersByRule(byRule);
    return p;
  }
}
