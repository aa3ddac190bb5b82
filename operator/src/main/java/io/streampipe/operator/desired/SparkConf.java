package io.streampipe.operator.desired;

import java.util.Map;
import java.util.TreeMap;

/** The Spark configuration the operator sets on every pipeline's application. */
final class SparkConf {
  private SparkConf() {}

  static Map<String, String> of(ResolvedPipeline pipeline) {
    Map<String, String> conf = new TreeMap<>();
    // Spark's own metrics in Prometheus format on the UI port, next to the job's metrics port.
    conf.put("spark.ui.prometheus.enabled", "true");
    conf.put(
        "spark.metrics.conf.*.sink.prometheusServlet.class",
        "org.apache.spark.metrics.sink.PrometheusServlet");
    conf.put(
        "spark.metrics.conf.*.sink.prometheusServlet.path",
        DesiredSparkApplication.SPARK_METRICS_PATH);
    conf.put("spark.sql.streaming.metricsEnabled", "true");
    // Graceful stop keeps the checkpoint consistent when the operator updates the job.
    conf.put("spark.streaming.stopGracefullyOnShutdown", "true");
    return conf;
  }
}
