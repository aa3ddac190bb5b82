package io.streampipe.operator.desired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The labels every owned resource carries, so a selector finds all of a pipeline's parts. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String PIPELINE = "streampipe.io/pipeline";
  public static final String APP_NAME = "streampipe-pipeline";
  public static final String OPERATOR = "streampipe-operator";
  public static final String STRIMZI_CLUSTER = "strimzi.io/cluster";
  public static final String SPARK_ROLE = "spark-role";

  private Labels() {}

  /** The common labels plus the component of this resource. */
  public static Map<String, String> of(String pipeline, String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, APP_NAME);
    labels.put(INSTANCE, pipeline);
    labels.put(COMPONENT, component);
    labels.put(MANAGED_BY, OPERATOR);
    labels.put(PIPELINE, pipeline);
    return labels;
  }

  /** What selects the pod of a pipeline's Spark driver. */
  public static Map<String, String> driverSelector(String pipeline) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PIPELINE, pipeline);
    labels.put(SPARK_ROLE, "driver");
    return labels;
  }

  /** What selects the pods of a pipeline's ingester: a subset of {@link #of}. */
  public static Map<String, String> ingestSelector(String pipeline) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PIPELINE, pipeline);
    labels.put(COMPONENT, DesiredIngestDeployment.COMPONENT);
    return labels;
  }

  /**
   * What selects the pods a pipeline's PodMonitor scrapes: the driver and the ingester. NotIn also
   * matches a pod without the label (the ingester); executors serve no metrics port.
   */
  public static Map<String, Object> scrapedSelector(String pipeline) {
    return GenericResources.map(
        "matchLabels",
        Map.of(PIPELINE, pipeline),
        "matchExpressions",
        List.of(
            GenericResources.map(
                "key", SPARK_ROLE, "operator", "NotIn", "values", List.of("executor"))));
  }
}
