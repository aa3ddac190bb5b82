package io.streampipe.operator.dependent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsObservation;
import io.streampipe.operator.topics.TopicsOutcome;
import io.streampipe.provisioning.TopicDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pipeline's Kafka topics over the Admin API, an external dependent the framework polls like
 * the schema, for a pipeline that gives bootstrap servers and no Strimzi cluster (then nothing else
 * would create them). With a Strimzi cluster it observes and does nothing: the KafkaTopics are
 * Strimzi's to apply.
 */
public class AdminTopicsDependent extends PolledDependent<TopicsObservation> {
  public static final String NAME = "admin-topics";

  private final TopicService topics;

  public AdminTopicsDependent(TopicService topics, OperatorConfig config) {
    super(TopicsObservation.class, NAME, config);
    this.topics = topics;
  }

  /** The outcome the status and the ready condition report, from the observation alone. */
  public static TopicsOutcome outcome(TopicsObservation observed, ResolvedPipeline pipeline) {
    return TopicsOutcome.of(observed, pipeline.bootstrapServers(), TopicService.desired(pipeline));
  }

  @Override
  public ReconcileResult<TopicsObservation> reconcile(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    if (Pipelines.resolved(context).kafkaCluster().isPresent()) {
      return ReconcileResult.noOperation(null);
    }
    return super.reconcile(primary, context);
  }

  @Override
  protected Optional<TopicsObservation> observe(
      ResolvedPipeline pipeline, KubernetesClient client) {
    return pipeline.kafkaCluster().isPresent()
        ? Optional.empty()
        : Optional.of(topics.observe(pipeline));
  }

  @Override
  protected TopicsObservation apply(ResolvedPipeline pipeline, KubernetesClient client) {
    return topics.apply(pipeline);
  }

  @Override
  protected TopicsObservation desired(ResolvedPipeline pipeline) {
    List<TopicDefinition> desired = TopicService.desired(pipeline);
    return new TopicsObservation(
        pipeline.bootstrapServers(),
        desired.stream().map(TopicDefinition::name).toList(),
        desired.stream().collect(Collectors.toMap(TopicDefinition::name, Function.identity())),
        List.of());
  }

  @Override
  protected boolean needsApply(TopicsObservation observed, ResolvedPipeline pipeline) {
    return TopicsOutcome.needsApply(
        observed, pipeline.bootstrapServers(), TopicService.desired(pipeline));
  }

  @Override
  protected boolean isReady(TopicsObservation observed, ResolvedPipeline pipeline) {
    return outcome(observed, pipeline).isReady();
  }

  /** Strimzi's business, or every topic there with the spec's settings. */
  public static class Ready implements Condition<TopicsObservation, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<TopicsObservation, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      ResolvedPipeline pipeline = Pipelines.resolved(context);
      return pipeline.kafkaCluster().isPresent()
          || dependent
              .getSecondaryResource(primary, context)
              .map(o -> outcome(o, pipeline).isReady())
              .orElse(false);
    }
  }
}
