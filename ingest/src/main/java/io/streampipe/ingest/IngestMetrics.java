package io.streampipe.ingest;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ingester's Prometheus metrics. The names are a contract with the dashboards: change them only
 * together. Every series carries the label {@code pipeline}; received == sent + dead-lettered +
 * send failures.
 */
public final class IngestMetrics {
  public static final String RECORDS_RECEIVED = "streampipe_ingest_records_received_total";
  public static final String RECORDS_SENT = "streampipe_ingest_records_sent_total";
  public static final String RECORDS_DEAD_LETTERED =
      "streampipe_ingest_records_dead_lettered_total";
  public static final String REQUESTS = "streampipe_ingest_requests_total";
  public static final String ERRORS = "streampipe_ingest_errors_total";
  public static final String RECONNECTS = "streampipe_ingest_reconnects_total";
  public static final String RATE = "streampipe_ingest_rate_records_per_second";
  public static final String LAST_SUCCESS = "streampipe_ingest_last_success_timestamp_seconds";
  public static final String LABEL_PIPELINE = "pipeline";
  public static final String LABEL_REASON = "reason";
  public static final String LABEL_STATUS = "status";

  private final String pipeline;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final LongAdder receivedCount = new LongAdder();
  private final LongAdder sentCount = new LongAdder();
  private final LongAdder deadLetteredCount = new LongAdder();
  private final LongAdder failedCount = new LongAdder();
  private final Counter received =
      counter(RECORDS_RECEIVED, "Records (or unreadable bodies) the source delivered.");
  private final Counter sent = counter(RECORDS_SENT, "Records the input topic acknowledged.");
  private final Counter deadLettered =
      labelled(RECORDS_DEAD_LETTERED, "Records refused at the edge, by reason.", LABEL_REASON);
  private final Counter requests =
      labelled(REQUESTS, "Requests and connects, by HTTP status.", LABEL_STATUS);
  private final Counter errors =
      labelled(ERRORS, "Failed requests, by HTTP status, io, timeout or send.", LABEL_STATUS);
  private final Counter reconnects = counter(RECONNECTS, "Streams opened again after a drop.");
  private final Gauge rate = gauge(RATE, "Records per second sent, over the last second.");
  private final Gauge lastSuccess =
      gauge(LAST_SUCCESS, "Unix time of the last successful request or message.");
  private volatile boolean succeeded;
  private long rateSampledAt = System.nanoTime();
  private long rateSampledSent;

  // Looked up once: sent and received move once per record, the last success once per message.
  private final CounterDataPoint receivedPoint;
  private final CounterDataPoint sentPoint;
  private GaugeDataPoint lastSuccessPoint;

  public IngestMetrics(String pipeline) {
    this.pipeline = pipeline;
    receivedPoint = received.labelValues(pipeline);
    sentPoint = sent.labelValues(pipeline);
    receivedPoint.inc(0);
    sentPoint.inc(0);
    reconnects.labelValues(pipeline).inc(0);
    for (EdgeReason reason : EdgeReason.values()) {
      deadLettered.labelValues(pipeline, reason.label()).inc(0);
    }
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  void received(long records) {
    receivedCount.add(records);
    receivedPoint.inc(records);
  }

  void sent() {
    sentCount.increment();
    sentPoint.inc();
  }

  void deadLettered(EdgeReason reason) {
    deadLetteredCount.increment();
    deadLettered.labelValues(pipeline, reason.label()).inc();
  }

  void sendFailed() {
    failedCount.increment();
    error("send");
  }

  void request(int status) {
    requests.labelValues(pipeline, Integer.toString(status)).inc();
  }

  void error(String status) {
    errors.labelValues(pipeline, status).inc();
  }

  void reconnected() {
    reconnects.labelValues(pipeline).inc();
  }

  void succeeded(long epochMillis) {
    succeeded = true;
    // Looked up at the first success, so no series shows a success that never happened.
    if (lastSuccessPoint == null) {
      lastSuccessPoint = lastSuccess.labelValues(pipeline);
    }
    lastSuccessPoint.set(epochMillis / 1000.0);
  }

  boolean hasSucceeded() {
    return succeeded;
  }

  /** Sets the rate gauge from the records sent since the last call. */
  synchronized void sampleRate() {
    long now = System.nanoTime();
    long total = sentCount.sum();
    double seconds = (now - rateSampledAt) / 1e9;
    if (seconds > 0) {
      rate.labelValues(pipeline).set((total - rateSampledSent) / seconds);
    }
    rateSampledAt = now;
    rateSampledSent = total;
  }

  /** The counts so far, for summaries and tests. */
  public Totals totals() {
    return new Totals(
        receivedCount.sum(), sentCount.sum(), deadLetteredCount.sum(), failedCount.sum());
  }

  /** Records received, acknowledged by the topic, dead-lettered, and lost to send failures. */
  public record Totals(long received, long sent, long deadLettered, long failed) {}

  // Exemplars link a sample to a trace, and the ingester has none; sampling them on every record
  // was a tenth of the producer's callback thread in the benchmark's profile.
  private Counter counter(String name, String help) {
    return Counter.builder()
        .name(name)
        .help(help)
        .labelNames(LABEL_PIPELINE)
        .withoutExemplars()
        .register(registry);
  }

  private Counter labelled(String name, String help, String label) {
    return Counter.builder()
        .name(name)
        .help(help)
        .labelNames(LABEL_PIPELINE, label)
        .withoutExemplars()
        .register(registry);
  }

  private Gauge gauge(String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames(LABEL_PIPELINE).register(registry);
  }
}
