package io.streampipe.operator.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.dependent.AdminTopicsDependent;
import io.streampipe.operator.dependent.CassandraSchemaDependent;
import io.streampipe.operator.dependent.CheckpointClaimDependent;
import io.streampipe.operator.dependent.SparkApplicationDependent;
import io.streampipe.operator.dependent.TopicApiVersion;
import io.streampipe.operator.desired.DesiredKafkaTopics;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.SchemaObservation;
import io.streampipe.operator.topics.TopicsObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads what one reconcile observed of a valid pipeline's parts, from the informers' caches and the
 * polled observations of Cassandra and the Admin-API topics.
 */
public final class Observations {
  private Observations() {}

  /**
   * @param topicVersion the KafkaTopic version Strimzi serves; empty without Strimzi
   * @param claimGrace how long the checkpoint claim may stay Pending and count as ready
   */
  public static Observation of(
      ResolvedPipeline resolved,
      long generation,
      Optional<String> topicVersion,
      Duration claimGrace,
      Instant now,
      Context<StreamingPipeline> context) {
    var spec = resolved.spec();
    var workflow = context.managedWorkflowAndDependentResourceContext();
    Optional<PersistentVolumeClaim> claim =
        context.getSecondaryResource(PersistentVolumeClaim.class);
    List<String> claimEvents =
        claim
            .filter(c -> ClaimBinding.overdue(c, claimGrace, now))
            .map(c -> ClaimEvents.of(context.getClient(), c))
            .orElse(List.of());
    var deadLetter = spec.getQuality().getDeadLetter();
    var sink = spec.getSink().getCassandra();
    return new Observation(
        generation,
        resolved.kafkaCluster().isPresent()
            ? Optional.empty()
            : context
                .getSecondaryResource(TopicsObservation.class)
                .map(o -> AdminTopicsDependent.outcome(o, resolved)),
        // Counted without Strimzi too: a pipeline naming a cluster then reports Strimzi missing.
        DesiredKafkaTopics.build(resolved, topicVersion.orElse(TopicApiVersion.V1)).size(),
        topicVersion.isPresent() ? kafkaTopics(context) : List.of(),
        topicVersion.isPresent(),
        context
            .getSecondaryResource(SchemaObservation.class)
            .map(o -> CassandraSchemaDependent.outcome(o, resolved)),
        new CheckpointObservation(
            claim,
            claimGrace,
            claimEvents,
            new CheckpointResize(
                spec.getProcessing().getCheckpoint().getSize(),
                workflow.get(CheckpointClaimDependent.RESIZE_REFUSED, String.class))),
        context.getSecondaryResource(
            GenericKubernetesResource.class, SparkApplicationDependent.NAME),
        spec.getSource().getTopic().getName(),
        deadLetter.isEnabled() ? deadLetter.getTopic().getName() : null,
        sink.getKeyspace().getName() + "." + sink.getTable(),
        sink.getTtl(),
        new IngestObservation(
            spec.getIngest() != null, context.getSecondaryResource(Deployment.class)));
  }

  private static List<GenericKubernetesResource> kafkaTopics(Context<StreamingPipeline> context) {
    return context
        .getSecondaryResourcesAsStream(GenericKubernetesResource.class)
        .filter(r -> DesiredKafkaTopics.KIND.equals(r.getKind()))
        .toList();
  }
}
