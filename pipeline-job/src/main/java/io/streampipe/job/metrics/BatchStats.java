package io.streampipe.job.metrics;

import io.streampipe.job.validate.Rule;
import java.util.Map;

/**
 * The outcome of one micro-batch. {@code read == written + deduplicated + deadLettered()}: every
 * record read is accounted for.
 *
 * @param deadLetteredByRule refused records by their first broken rule; absent rules had none
 * @param writeRetries failed Cassandra writes tried again
 * @param writeRetryMillis how long the batch waited on retried writes
 * @param writeConcurrency rows a write task could keep in flight at the batch's end, lowered on
 *     timeouts and overload; 0 when no task wrote
 */
public record BatchStats(
    long batchId,
    long read,
    long written,
    long deduplicated,
    Map<Rule, Long> deadLetteredByRule,
    long durationMillis,
    long writeRetries,
    long writeRetryMillis,
    int writeConcurrency) {

  public BatchStats {
    deadLetteredByRule = Map.copyOf(deadLetteredByRule);
  }

  /** A batch with no write retried. */
  public BatchStats(
      long batchId,
      long read,
      long written,
      long deduplicated,
      Map<Rule, Long> deadLetteredByRule,
      long durationMillis) {
    this(batchId, read, written, deduplicated, deadLetteredByRule, durationMillis, 0, 0, 0);
  }

  public long deadLettered() {
    return deadLetteredByRule.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Valid records, before deduplication. */
  public long valid() {
    return written + deduplicated;
  }

  public boolean balanced() {
    return read == valid() + deadLettered();
  }

  public String logLine() {
    return "batch="
        + batchId
        + " read="
        + read
        + " written="
        + written
        + " deduplicated="
        + deduplicated
        + " deadLettered="
        + deadLettered()
        + " durationMs="
        + durationMillis
        + (writeRetries == 0
            ? ""
            : " writeRetries="
                + writeRetries
                + " writeRetryMs="
                + writeRetryMillis
                + " writeConcurrency="
                + writeConcurrency);
  }
}
