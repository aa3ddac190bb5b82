package io.streampipe.job.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Driver-side bookkeeping of finished batches: one log line, metrics, totals, listeners. */
public final class BatchTracker implements Consumer<BatchStats> {
  private static final Logger LOG = LoggerFactory.getLogger(BatchTracker.class);

  private final String pipeline;
  private final JobMetrics metrics;
  private final AtomicReference<PipelineTotals> totals = new AtomicReference<>(PipelineTotals.ZERO);
  private final AtomicReference<BatchStats> last = new AtomicReference<>();
  private final List<Consumer<BatchStats>> listeners = new CopyOnWriteArrayList<>();

  public BatchTracker(String pipeline, JobMetrics metrics) {
    this.pipeline = pipeline;
    this.metrics = metrics;
  }

  @Override
  public void accept(BatchStats batch) {
    if (!batch.balanced()) {
      // Cannot happen by construction (one row per record, each counted once); say so loudly if so.
      LOG.error("pipeline={} {} does not balance", pipeline, batch.logLine());
    }
    LOG.info("pipeline={} {}", pipeline, batch.logLine());
    metrics.recordBatch(batch, System.currentTimeMillis());
    totals.updateAndGet(t -> t.plus(batch));
    last.set(batch);
    for (Consumer<BatchStats> listener : listeners) {
      try {
        listener.accept(batch);
      } catch (RuntimeException e) {
        LOG.warn("a batch listener failed", e);
      }
    }
  }

  /** Spark's own count of the batch's input, checked against ours. */
  void checkInputCount(long batchId, long sparkInputRows) {
    BatchStats batch = last.get();
    if (batch != null && batch.batchId() == batchId && batch.read() != sparkInputRows) {
      LOG.warn(
          "pipeline={} batch={} Spark read {} records but the job accounted for {}",
          pipeline,
          batchId,
          sparkInputRows,
          batch.read());
    }
  }

  public PipelineTotals totals() {
    return totals.get();
  }

  public void addListener(Consumer<BatchStats> listener) {
    listeners.add(listener);
  }
}
