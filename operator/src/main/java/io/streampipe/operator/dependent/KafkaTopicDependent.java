package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.dependent.CRUDKubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.KubernetesBulkDependentResource;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.GenericKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.DesiredKafkaTopics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pipeline's Strimzi KafkaTopics (input and dead letters), one bulk dependent for the kind. Not
 * garbage collected: deleting a pipeline orphans or deletes them by its deletion policy.
 */
public class KafkaTopicDependent extends GenericKubernetesDependentResource<StreamingPipeline>
    implements CRUDKubernetesBulkDependentResource<GenericKubernetesResource, StreamingPipeline>,
        KubernetesBulkDependentResource<GenericKubernetesResource, StreamingPipeline> {
  public static final String NAME = "topics";

  private final String version;

  /**
   * @param version the KafkaTopic version the cluster serves, see {@link TopicApiVersion}
   */
  public KafkaTopicDependent(String version) {
    super(new GroupVersionKind(DesiredKafkaTopics.GROUP + "/" + version, DesiredKafkaTopics.KIND));
    this.version = version;
  }

  @Override
  public Map<ResourceID, GenericKubernetesResource> desiredResources(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return DesiredKafkaTopics.build(Pipelines.resolved(context), version).values().stream()
        .collect(
            Collectors.toMap(ResourceID::fromResource, t -> t, (a, b) -> a, LinkedHashMap::new));
  }

  @Override
  public Map<ResourceID, GenericKubernetesResource> getSecondaryResources(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return eventSource().orElseThrow().getSecondaryResources(primary).stream()
        .collect(Collectors.toMap(ResourceID::fromResource, t -> t));
  }
}
