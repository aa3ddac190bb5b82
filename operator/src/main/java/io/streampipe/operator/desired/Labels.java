package io.streampipe.operator.desired;

import java.util.LinkedHashMap;
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

  /** What selects the pods of a pipeline's Spark driver. */
  public static Map<String, String> driverSelector(String pipeline) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PIPELINE, pipeline);
    labels.put("spark-role", "driver");
    return labels;
  }
}
