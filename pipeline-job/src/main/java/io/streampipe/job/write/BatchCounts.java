package io.streampipe.job.write;

import io.streampipe.job.metrics.BatchStats;
import io.streampipe.job.validate.Rule;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/** What one write task did with its rows; summed over the tasks of a micro-batch on the driver. */
public final class BatchCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  long read;
  long written;
  long deduplicated;
  long writeRetries;
  long writeRetryMillis;
  int writeConcurrency;
  final long[] deadLettered = new long[Rule.values().length];

  /** What a task's writer spent on retries, and the concurrency it ended at. */
  void retried(AsyncUpserts writes) {
    writeRetries = writes.retries();
    writeRetryMillis = writes.retryMillis();
    writeConcurrency = writes.concurrencyLimit();
  }

  void deadLettered(Rule rule) {
    deadLettered[rule.ordinal()]++;
  }

  public BatchCounts plus(BatchCounts other) {
    BatchCounts sum = new BatchCounts();
    sum.read = read + other.read;
    sum.written = written + other.written;
    sum.deduplicated = deduplicated + other.deduplicated;
    sum.writeRetries = writeRetries + other.writeRetries;
    // Tasks retry side by side: the batch waited as long as its slowest one.
    sum.writeRetryMillis = Math.max(writeRetryMillis, other.writeRetryMillis);
    // The most throttled task says most about the nodes; 0 is a task that wrote nothing.
    sum.writeConcurrency =
        writeConcurrency == 0 || other.writeConcurrency == 0
            ? Math.max(writeConcurrency, other.writeConcurrency)
            : Math.min(writeConcurrency, other.writeConcurrency);
    for (int i = 0; i < deadLettered.length; i++) {
      sum.deadLettered[i] = deadLettered[i] + other.deadLettered[i];
    }
    return sum;
  }

  public BatchStats toStats(long batchId, long durationMillis) {
    Map<Rule, Long> byRule = new EnumMap<>(Rule.class);
    for (Rule rule : Rule.values()) {
      if (deadLettered[rule.ordinal()] > 0) {
        byRule.put(rule, deadLettered[rule.ordinal()]);
      }
    }
    return new BatchStats(
        batchId,
        read,
        written,
        deduplicated,
        byRule,
        durationMillis,
        writeRetries,
        writeRetryMillis,
        writeConcurrency);
  }
}
