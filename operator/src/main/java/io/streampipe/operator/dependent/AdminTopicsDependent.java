package io.streampipe.operator.dependent;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.ReconcileResult;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.operator.topics.TopicsOutcome;
import java.util.Optional;

/**
 * The pipeline's Kafka topics ensured over the Admin API, an external dependent like the schema,
 * for a pipeline that gives bootstrap servers and no Strimzi cluster (then nothing else would
 * create them). With a Strimzi cluster it does nothing: the KafkaTopics are Strimzi's to apply.
 */
public class AdminTopicsDependent implements DependentResource<TopicsOutcome, StreamingPipeline> {
  public static final String NAME = "admin-topics";

  private final TopicService topics;

  public AdminTopicsDependent(TopicService topics) {
    this.topics = topics;
  }

  @Override
  public ReconcileResult<TopicsOutcome> reconcile(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    var pipeline = Pipelines.resolved(context);
    if (pipeline.kafkaCluster().isPresent()) {
      return ReconcileResult.noOperation(null);
    }
    TopicsOutcome outcome = topics.ensure(pipeline);
    context.managedWorkflowAndDependentResourceContext().put(TopicsOutcome.class, outcome);
    return outcome.changed()
        ? ReconcileResult.resourceUpdated(outcome)
        : ReconcileResult.noOperation(outcome);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<TopicsOutcome> resourceType() {
    return TopicsOutcome.class;
  }

  @Override
  public Optional<TopicsOutcome> getSecondaryResource(
      StreamingPipeline primary, Context<StreamingPipeline> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(TopicsOutcome.class, TopicsOutcome.class);
  }

  /** Strimzi's business, or every topic there with the spec's settings. */
  public static class Ready implements Condition<TopicsOutcome, StreamingPipeline> {
    @Override
    public boolean isMet(
        DependentResource<TopicsOutcome, StreamingPipeline> dependent,
        StreamingPipeline primary,
        Context<StreamingPipeline> context) {
      return Pipelines.resolved(context).kafkaCluster().isPresent()
          || dependent
              .getSecondaryResource(primary, context)
              .map(TopicsOutcome::isReady)
              .orElse(false);
    }
  }
}
