package io.streampipe.job.metrics;

import java.time.Instant;
import java.util.UUID;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Spark's progress reports of one query into the rate and lag gauges. */
public final class ProgressListener extends StreamingQueryListener {
  private static final Logger LOG = LoggerFactory.getLogger(ProgressListener.class);

  private final UUID queryId;
  private final JobMetrics metrics;
  private final BatchTracker tracker;
  private final ProgressReport report;

  public ProgressListener(
      UUID queryId, JobMetrics metrics, BatchTracker tracker, ProgressReport report) {
    this.queryId = queryId;
    this.metrics = metrics;
    this.tracker = tracker;
    this.report = report;
  }

  @Override
  public void onQueryStarted(QueryStartedEvent event) {}

  @Override
  public void onQueryProgress(QueryProgressEvent event) {
    StreamingQueryProgress progress = event.progress();
    if (!queryId.equals(progress.id())) {
      return;
    }
    metrics.recordRates(progress.inputRowsPerSecond(), progress.processedRowsPerSecond());
    report.rates(progress.inputRowsPerSecond(), progress.processedRowsPerSecond());
    for (SourceProgress source : progress.sources()) {
      KafkaLag.of(source.endOffset(), source.latestOffset())
          .ifPresent(
              lag -> {
                metrics.recordLag(lag);
                report.lag(lag);
              });
    }
    if (progress.numInputRows() > 0) {
      tracker.checkInputCount(progress.batchId(), progress.numInputRows());
    }
  }

  @Override
  public void onQueryIdle(QueryIdleEvent event) {
    // Spark posts it at most every spark.sql.streaming.noDataProgressEventInterval (10 s).
    if (queryId.equals(event.id())) {
      report.idle(Instant.now());
    }
  }

  @Override
  public void onQueryTerminated(QueryTerminatedEvent event) {
    if (queryId.equals(event.id()) && event.exception().isDefined()) {
      LOG.error("pipeline query {} failed: {}", queryId, event.exception().get());
    }
  }
}
