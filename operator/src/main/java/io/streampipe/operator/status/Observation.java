package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.streampipe.operator.schema.SchemaOutcome;
import io.streampipe.operator.topics.TopicsOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile saw of a valid pipeline's parts: the input of the status aggregator.
 *
 * @param adminTopics the topics ensured over the Kafka Admin API; empty when a Strimzi cluster
 *     manages them as KafkaTopics, or when they were not reconciled this time
 * @param desiredTopics how many KafkaTopics the pipeline should have
 * @param topics the KafkaTopics found
 * @param strimziInstalled whether the cluster served KafkaTopics when the operator started
 * @param schema empty when the schema was not reconciled this time
 * @param checkpoint the checkpoint claim, its grace to bind and any resize
 * @param ingest the ingester's Deployment, when the pipeline has one
 */
public record Observation(
    long generation,
    Optional<TopicsOutcome> adminTopics,
    int desiredTopics,
    List<GenericKubernetesResource> topics,
    boolean strimziInstalled,
    Optional<SchemaOutcome> schema,
    CheckpointObservation checkpoint,
    Optional<GenericKubernetesResource> job,
    String topic,
    String deadLetterTopic,
    String table,
    String ttl,
    IngestObservation ingest) {

  public Observation {
    topics = List.copyOf(topics);
  }
}
