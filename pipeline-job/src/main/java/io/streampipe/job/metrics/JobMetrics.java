package io.streampipe.job.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.streampipe.job.validate.Rule;
import java.util.Map;

/**
 * The job's Prometheus metrics. The names are a contract with dashboards and alerts: change them
 * only together. Every series carries the label {@code pipeline}.
 */
public final class JobMetrics {
  public static final String RECORDS_READ = "streampipe_records_read_total";
  public static final String RECORDS_WRITTEN = "streampipe_records_written_total";
  public static final String RECORDS_DEAD_LETTERED = "streampipe_records_dead_lettered_total";
  public static final String RECORDS_DEDUPLICATED = "streampipe_records_deduplicated_total";
  public static final String BATCH_DURATION = "streampipe_batch_duration_seconds";
  public static final String INPUT_RATE = "streampipe_input_rate_records_per_second";
  public static final String PROCESSING_RATE = "streampipe_processing_rate_records_per_second";
  public static final String KAFKA_LAG = "streampipe_kafka_lag_records";
  public static final String LAST_BATCH_TIMESTAMP = "streampipe_last_batch_timestamp_seconds";
  public static final String WRITE_RETRIES = "streampipe_write_retries_total";
  public static final String WRITE_RETRY_SECONDS = "streampipe_write_retry_seconds_total";
  public static final String WRITE_CONCURRENCY = "streampipe_write_concurrency_rows";
  public static final String LABEL_PIPELINE = "pipeline";
  public static final String LABEL_RULE = "rule";

  private final String pipeline;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter read = counter(RECORDS_READ, "Records read from the input topic.");
  private final Counter written = counter(RECORDS_WRITTEN, "Rows upserted into Cassandra.");
  private final Counter deduplicated =
      counter(RECORDS_DEDUPLICATED, "Valid records collapsed into a later one of the same key.");
  private final Counter deadLettered =
      Counter.builder()
          .name(RECORDS_DEAD_LETTERED)
          .help("Records refused, by the first rule they broke.")
          .labelNames(LABEL_PIPELINE, LABEL_RULE)
          .register(registry);
  private final Histogram batchDuration =
      Histogram.builder()
          .name(BATCH_DURATION)
          .help("Wall time of a micro-batch: read, validate, write.")
          .classicUpperBounds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
          .labelNames(LABEL_PIPELINE)
          .register(registry);
  private final Counter writeRetries =
      counter(WRITE_RETRIES, "Failed Cassandra writes tried again (outage, timeout, overload).");
  private final Counter writeRetrySeconds =
      counter(WRITE_RETRY_SECONDS, "Time micro-batches waited on retried Cassandra writes.");
  private final Gauge writeConcurrency =
      gauge(
          WRITE_CONCURRENCY,
          "Rows a write task may keep in flight: halved on Cassandra timeouts and overload.");
  private final Gauge inputRate = gauge(INPUT_RATE, "Records per second arriving, per Spark.");
  private final Gauge processingRate =
      gauge(PROCESSING_RATE, "Records per second processed, per Spark.");
  private final Gauge lag = gauge(KAFKA_LAG, "Records behind the input topic's end offsets.");
  private final Gauge lastBatch =
      gauge(LAST_BATCH_TIMESTAMP, "Unix time the last micro-batch finished.");

  public JobMetrics(String pipeline) {
    this.pipeline = pipeline;
    for (Rule rule : Rule.values()) {
      deadLettered.labelValues(pipeline, rule.label()).inc(0);
    }
    read.labelValues(pipeline).inc(0);
    written.labelValues(pipeline).inc(0);
    deduplicated.labelValues(pipeline).inc(0);
    writeRetries.labelValues(pipeline).inc(0);
    writeRetrySeconds.labelValues(pipeline).inc(0);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  void recordBatch(BatchStats batch, long finishedAtMillis) {
    read.labelValues(pipeline).inc(batch.read());
    written.labelValues(pipeline).inc(batch.written());
    deduplicated.labelValues(pipeline).inc(batch.deduplicated());
    for (Map.Entry<Rule, Long> rule : batch.deadLetteredByRule().entrySet()) {
      deadLettered.labelValues(pipeline, rule.getKey().label()).inc(rule.getValue());
    }
    writeRetries.labelValues(pipeline).inc(batch.writeRetries());
    writeRetrySeconds.labelValues(pipeline).inc(batch.writeRetryMillis() / 1000.0);
    if (batch.writeConcurrency() > 0) {
      writeConcurrency.labelValues(pipeline).set(batch.writeConcurrency());
    }
    batchDuration.labelValues(pipeline).observe(batch.durationMillis() / 1000.0);
    lastBatch.labelValues(pipeline).set(finishedAtMillis / 1000.0);
  }

  void recordRates(double input, double processing) {
    inputRate.labelValues(pipeline).set(Double.isFinite(input) ? input : 0);
    processingRate.labelValues(pipeline).set(Double.isFinite(processing) ? processing : 0);
  }

  void recordLag(long records) {
    lag.labelValues(pipeline).set(records);
  }

  private Counter counter(String name, String help) {
    return Counter.builder().name(name).help(help).labelNames(LABEL_PIPELINE).register(registry);
  }

  private Gauge gauge(String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames(LABEL_PIPELINE).register(registry);
  }
}
