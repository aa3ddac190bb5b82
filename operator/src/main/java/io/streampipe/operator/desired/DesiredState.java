package io.streampipe.operator.desired;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Every Kubernetes resource a pipeline gets, in creation order: what {@code render} prints. */
public final class DesiredState {
  private DesiredState() {}

  /**
   * @param topicVersion the KafkaTopic API version to render; the PodMonitor CRD is assumed to
   *     exist
   */
  public static List<HasMetadata> all(ResolvedPipeline pipeline, String topicVersion) {
    List<HasMetadata> resources = new ArrayList<>();
    resources.addAll(DesiredKafkaTopics.build(pipeline, topicVersion).values());
    resources.add(DesiredConfigMap.build(pipeline));
    resources.add(DesiredCheckpointClaim.build(pipeline));
    resources.add(DesiredSparkApplication.build(pipeline));
    if (pipeline.spec().getIngest() != null) {
      resources.add(DesiredIngestDeployment.build(pipeline));
    }
    if (pipeline.spec().getMonitoring().getPrometheus().isEnabled()) {
      resources.add(DesiredPodMonitor.build(pipeline));
    }
    return resources;
  }
}
