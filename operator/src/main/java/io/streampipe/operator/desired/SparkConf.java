package io.streampipe.operator.desired;

import java.util.Map;
import java.util.TreeMap;

/** The Spark configuration the operator sets on every pipeline's application. */
final class SparkConf {
  /** JVM options that make the job read and print text as UTF-8 in an image with no locale. */
  static final String UTF8_JAVA_OPTIONS =
      "-Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8";

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
    conf.put("spark.driver.extraJavaOptions", UTF8_JAVA_OPTIONS);
    conf.put("spark.executor.extraJavaOptions", UTF8_JAVA_OPTIONS);
    return conf;
  }
}
