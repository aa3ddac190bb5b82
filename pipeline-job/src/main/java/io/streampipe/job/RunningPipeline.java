package io.streampipe.job;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.streampipe.job.metrics.BatchStats;
import io.streampipe.job.metrics.BatchTracker;
import io.streampipe.job.metrics.PipelineTotals;
import io.streampipe.job.metrics.ProgressListener;
import io.streampipe.job.resources.JobResources;
import io.streampipe.job.source.KafkaWatch;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started pipeline: its progress, and a graceful stop. Closing it stops it. */
public final class RunningPipeline implements AutoCloseable {
  public static final Duration DEFAULT_STOP_WAIT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(RunningPipeline.class);

  private final SparkSession spark;
  private final StreamingQuery query;
  private final ProgressListener listener;
  private final BatchTracker tracker;
  private final HTTPServer metricsServer;
  private final KafkaWatch kafkaWatch;
  private boolean released;

  RunningPipeline(
      SparkSession spark,
      StreamingQuery query,
      ProgressListener listener,
      BatchTracker tracker,
      HTTPServer metricsServer,
      KafkaWatch kafkaWatch) {
    this.spark = spark;
    this.query = query;
    this.listener = listener;
    this.tracker = tracker;
    this.metricsServer = metricsServer;
    this.kafkaWatch = kafkaWatch;
  }

  public String name() {
    return query.name();
  }

  public StreamingQuery query() {
    return query;
  }

  public boolean isActive() {
    return query.isActive();
  }

  /** Totals since start, updated after each batch. */
  public PipelineTotals totals() {
    return tracker.totals();
  }

  /** Called on the driver after every batch, in batch order. */
  public void addBatchListener(Consumer<BatchStats> listener) {
    tracker.addListener(listener);
  }

  /** The port /metrics is served on, when it is. */
  public OptionalInt metricsPort() {
    return metricsServer == null ? OptionalInt.empty() : OptionalInt.of(metricsServer.getPort());
  }

  /** Blocks until the query stops; throws if it failed. */
  public void awaitTermination() throws StreamingQueryException {
    query.awaitTermination();
  }

  /** Waits up to the timeout; true when the query has stopped. */
  public boolean awaitTermination(Duration timeout) throws StreamingQueryException {
    return query.awaitTermination(timeout.toMillis());
  }

  /** Stops gracefully, waiting up to {@link #DEFAULT_STOP_WAIT} for the batch in flight. */
  public void stop() {
    stop(DEFAULT_STOP_WAIT);
  }

  /**
   * Lets the batch in flight finish (up to {@code maxWait}), then stops the query. A batch cut
   * short is not committed and runs again on restart, which the upserts make harmless.
   */
  public synchronized void stop(Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (query.isActive() && query.status().isTriggerActive() && System.nanoTime() < deadline) {
      sleep(50);
    }
    try {
      query.stop();
    } catch (TimeoutException e) {
      LOG.warn("pipeline {} did not stop in time", name(), e);
    } finally {
      release();
    }
    LOG.info("pipeline={} stopped; totals {}", name(), totals());
  }

  @Override
  public void close() {
    stop();
  }

  private void release() {
    if (released) {
      return;
    }
    released = true;
    spark.streams().removeListener(listener);
    kafkaWatch.close();
    if (metricsServer != null) {
      metricsServer.close();
    }
    JobResources.shared().release();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
