package io.streampipe.operator;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.api.validation.Problem;
import io.streampipe.operator.dependent.AdminTopicsDependent;
import io.streampipe.operator.dependent.CassandraSchemaDependent;
import io.streampipe.operator.dependent.CheckpointClaimDependent;
import io.streampipe.operator.dependent.DriverServiceDependent;
import io.streampipe.operator.dependent.IngestDeploymentDependent;
import io.streampipe.operator.dependent.KafkaTopicDependent;
import io.streampipe.operator.dependent.PodMonitorDependent;
import io.streampipe.operator.dependent.SparkApplicationDependent;
import io.streampipe.operator.dependent.SpecConfigMapDependent;
import io.streampipe.operator.dependent.TopicsReady;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.progress.ProgressPolling;
import io.streampipe.operator.source.KafkaClusters;
import io.streampipe.operator.source.OptionalApis;
import io.streampipe.operator.status.ClaimBinding;
import io.streampipe.operator.status.Reason;
import io.streampipe.operator.status.ReconcileFailure;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a StreamingPipeline into its parts. The spec is validated first; only a valid spec reaches
 * the workflow, so an invalid update leaves the running pipeline exactly as it was.
 */
@ControllerConfiguration(
    name = PipelineReconciler.NAME,
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 10, timeUnit = TimeUnit.MINUTES))
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(
          name = KafkaTopicDependent.NAME,
          type = KafkaTopicDependent.class,
          readyPostcondition = TopicsReady.class),
      @Dependent(
          name = AdminTopicsDependent.NAME,
          type = AdminTopicsDependent.class,
          readyPostcondition = AdminTopicsDependent.Ready.class),
      @Dependent(
          name = CassandraSchemaDependent.NAME,
          type = CassandraSchemaDependent.class,
          readyPostcondition = CassandraSchemaDependent.SchemaReady.class),
      @Dependent(
          name = SpecConfigMapDependent.NAME,
          type = SpecConfigMapDependent.class,
          dependsOn = {
            KafkaTopicDependent.NAME,
            AdminTopicsDependent.NAME,
            CassandraSchemaDependent.NAME
          }),
      @Dependent(name = CheckpointClaimDependent.NAME, type = CheckpointClaimDependent.class),
      @Dependent(
          name = SparkApplicationDependent.NAME,
          type = SparkApplicationDependent.class,
          dependsOn = {SpecConfigMapDependent.NAME, CheckpointClaimDependent.NAME},
          reconcilePrecondition = SparkApplicationDependent.JobWanted.class),
      @Dependent(
          name = DriverServiceDependent.NAME,
          type = DriverServiceDependent.class,
          reconcilePrecondition = PodMonitorDependent.MetricsEnabled.class),
      @Dependent(
          name = PodMonitorDependent.NAME,
          type = PodMonitorDependent.class,
          reconcilePrecondition = PodMonitorDependent.MetricsEnabled.class),
      @Dependent(
          name = IngestDeploymentDependent.NAME,
          type = IngestDeploymentDependent.class,
          dependsOn = SpecConfigMapDependent.NAME,
          reconcilePrecondition = IngestDeploymentDependent.IngestWanted.class)
    })
public class PipelineReconciler
    implements Reconciler<StreamingPipeline>, Cleaner<StreamingPipeline> {
  public static final String NAME = "streamingpipeline";
  private static final Logger LOG = LoggerFactory.getLogger(PipelineReconciler.class);

  private final OperatorConfig config;
  private final OptionalApis apis;
  private final PipelineCleanup cleanup;
  private final Clock clock;
  private final PipelineObserver observer;
  private final RegistryGate registry = new RegistryGate();
  private final WrittenStatus written = new WrittenStatus();
  // The primary cache's index, once the controller has its event sources.
  private Function<String, List<StreamingPipeline>> claimHolders = key -> List.of();

  public PipelineReconciler(
      OperatorConfig config, OptionalApis apis, PipelineCleanup cleanup, Clock clock) {
    this.config = config;
    this.apis = apis;
    this.cleanup = cleanup;
    this.clock = clock;
    this.observer = new PipelineObserver(config, apis, clock);
  }

  @Override
  public UpdateControl<StreamingPipeline> reconcile(
      StreamingPipeline pipeline, Context<StreamingPipeline> context) {
    StreamingPipelineStatus before = written.onto(pipeline);
    long generation = pipeline.getMetadata().getGeneration();
    OperatorChecks.Checked checked =
        OperatorChecks.check(pipeline, config, KafkaBootstrap.published(apis, context));
    List<Problem> problems =
        checked
            .resolved()
            .map(r -> NameClaims.taken(pipeline, r.spec(), claimHolders))
            .orElse(checked.problems());
    StreamingPipelineStatus after;
    if (!problems.isEmpty()) {
      LOG.info(
          "pipeline={}/{} invalid_spec problems={}",
          namespace(pipeline),
          name(pipeline),
          problems.size());
      after = observer.invalid(pipeline, before, problems, context);
    } else {
      ResolvedPipeline resolved = checked.resolved().get();
      Optional<String> lastApplied = SpecConfigMapDependent.lastApplied(pipeline, context);
      ChangeGate.Decision change = ChangeGate.decide(lastApplied, resolved);
      if (!change.applies()) {
        after = observer.held(pipeline, before, change.reason(), change.message(), context);
        change.lastChange(generation, before).ifPresent(after::setLastChange);
        return finish(pipeline, before, after, context);
      }
      Optional<RegistryGate.Hold> hold = registry.check(resolved, lastApplied, context::getClient);
      if (hold.isPresent()) {
        after = observer.held(pipeline, before, hold.get().reason(), hold.get().message(), context);
        return finish(pipeline, before, after, context);
      }
      context.managedWorkflowAndDependentResourceContext().put(ResolvedPipeline.class, resolved);
      observer.suspension(pipeline, resolved, context);
      context
          .managedWorkflowAndDependentResourceContext()
          .reconcileManagedWorkflow()
          .throwAggregateExceptionIfErrorsPresent();
      after = observer.observe(before, resolved, generation, List.of(), context);
      change.lastChange(generation, before).ifPresent(after::setLastChange);
      return finish(pipeline, before, after, context);
    }
    return finish(pipeline, before, after, context);
  }

  @Override
  public List<EventSource<?, StreamingPipeline>> prepareEventSources(
      EventSourceContext<StreamingPipeline> context) {
    var pipelines = context.getPrimaryCache();
    pipelines.addIndexer(NameClaims.INDEX, NameClaims::keys);
    claimHolders = key -> pipelines.byIndex(NameClaims.INDEX, key);
    List<EventSource<?, StreamingPipeline>> sources = new ArrayList<>();
    sources.add(ProgressPolling.eventSource(context, config));
    // Without the Kafka CRD an informer on it would never sync and the operator never start.
    apis.kafkaVersion().ifPresent(v -> sources.add(KafkaClusters.eventSource(context, v, config)));
    return sources;
  }

  private UpdateControl<StreamingPipeline> finish(
      StreamingPipeline pipeline,
      StreamingPipelineStatus before,
      StreamingPipelineStatus after,
      Context<StreamingPipeline> context) {
    cleanup.events().onTransitions(pipeline, before, after);
    UpdateControl<StreamingPipeline> control;
    if (StatusAggregator.changed(before, after)) {
      written.wrote(pipeline, after);
      pipeline.setStatus(after);
      control = UpdateControl.patchStatus(pipeline);
    } else {
      control = UpdateControl.noUpdate();
    }
    // Nothing wakes the reconciler when a claim's grace or a progress judgement falls due.
    return Stream.of(
            ClaimBinding.recheckAfter(after, config.checkpointBindGrace()),
            observer.untilNextJudgement(pipeline))
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder())
        .map(delay -> control.rescheduleAfter(delay))
        .orElse(control);
  }

  @Override
  public ErrorStatusUpdateControl<StreamingPipeline> updateErrorStatus(
      StreamingPipeline pipeline, Context<StreamingPipeline> context, Exception e) {
    written.forget(pipeline);
    boolean willRetry = context.getRetryInfo().map(r -> !r.isLastAttempt()).orElse(false);
    if (willRetry && ReconcileFailure.isConflict(e)) {
      LOG.info(
          "pipeline={}/{} reconcile_conflict effect=retry", namespace(pipeline), name(pipeline));
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    String message = ReconcileFailure.message(e, willRetry);
    LOG.warn("pipeline={}/{} reconcile_error=\"{}\"", namespace(pipeline), name(pipeline), message);
    cleanup.events().warning(pipeline, Reason.ReconcileError.name(), message);
    StreamingPipelineStatus before = pipeline.getStatus();
    StreamingPipelineStatus after =
        StatusAggregator.failed(
            before, pipeline.getMetadata().getGeneration(), message, clock.instant());
    if (!StatusAggregator.changed(before, after)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    pipeline.setStatus(after);
    return ErrorStatusUpdateControl.patchStatus(pipeline);
  }

  @Override
  public DeleteControl cleanup(StreamingPipeline pipeline, Context<StreamingPipeline> context) {
    DeleteControl control =
        cleanup.apply(pipeline, context.getClient(), NameClaims.anyTaken(pipeline, claimHolders));
    if (control.isRemoveFinalizer()) {
      observer.forget(pipeline);
      written.forget(pipeline);
    }
    return control;
  }

  private static String name(StreamingPipeline pipeline) {
    return pipeline.getMetadata().getName();
  }

  private static String namespace(StreamingPipeline pipeline) {
    return pipeline.getMetadata().getNamespace();
  }
}
