package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.status.TopicReadiness;

/**
 * Every desired topic exists and Strimzi reports it Ready for its current generation. Without
 * Strimzi only a pipeline that wants no KafkaTopics (it gives bootstrap servers) is ready here.
 */
public class TopicsReady implements Condition<GenericKubernetesResource, StreamingPipeline> {
  @Override
  public boolean isMet(
      DependentResource<GenericKubernetesResource, StreamingPipeline> dependent,
      StreamingPipeline primary,
      Context<StreamingPipeline> context) {
    if (!(dependent instanceof KafkaTopicDependent topics)) {
      return Pipelines.resolved(context).kafkaCluster().isEmpty();
    }
    var actual = topics.getSecondaryResources(primary, context);
    return topics.desiredResources(primary, context).keySet().stream()
        .allMatch(id -> actual.containsKey(id) && TopicReadiness.isReady(actual.get(id)));
  }
}
