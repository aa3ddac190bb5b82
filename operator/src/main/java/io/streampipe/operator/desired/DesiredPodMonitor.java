package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.api.JobContract;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus Operator PodMonitor scraping the driver (the job's metrics and Spark's own) and
 * the ingester, whose pod names its metrics port as the driver does.
 */
public final class DesiredPodMonitor {
  public static final String API_VERSION = "monitoring.coreos.com/v1";
  public static final String KIND = "PodMonitor";

  private DesiredPodMonitor() {}

  public static GenericKubernetesResource build(ResolvedPipeline pipeline) {
    Map<String, Object> spec =
        GenericResources.map(
            "selector",
            Labels.scrapedSelector(pipeline.name()),
            "podMetricsEndpoints",
            List.of(
                GenericResources.map(
                    "port", JobContract.METRICS_PORT_NAME, "path", JobContract.METRICS_PATH),
                GenericResources.map(
                    "port",
                    DesiredSparkApplication.SPARK_UI_PORT_NAME,
                    "path",
                    DesiredSparkApplication.SPARK_METRICS_PATH)));
    return GenericResources.of(
        API_VERSION,
        KIND,
        pipeline.metadata(Names.podMonitor(pipeline.name()), "monitoring"),
        spec);
  }
}
