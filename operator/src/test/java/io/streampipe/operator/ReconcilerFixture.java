package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.operator.dependent.SparkApplicationDependent;
import io.streampipe.operator.desired.DesiredCheckpointClaim;
import io.streampipe.operator.desired.DesiredSparkApplication;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.source.OptionalApis;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pipeline reconciled by calling {@link PipelineReconciler#reconcile} directly, as the Flink
 * operator's controller tests do: its real collaborators, Cassandra and Kafka in memory, a clock
 * the test moves, and {@link TestContext}s holding what the workflow's dependents left in the
 * caches.
 */
final class ReconcilerFixture {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final String PROGRESS_URL = "http://users-driver/progress";

  final OperatorConfig config = OperatorConfig.defaults();
  final OptionalApis noStrimzi = new OptionalApis(Optional.empty(), Optional.empty(), false);
  final InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
  final SchemaService schemas = new SchemaService(connection -> cassandra);
  final TopicService topics = new TopicService(new InMemoryTopicAdmins());
  final RecordedEvents events = new RecordedEvents();
  final StreamingPipeline pipeline =
      TestPipelines.stored(TestPipelines.withServers("streams", "users", "kafka:9092"));
  private final MovableClock clock = new MovableClock(T0);
  private PipelineReconciler reconciler = newReconciler();

  void at(Instant instant) {
    clock.now = instant;
  }

  void advance(Duration duration) {
    clock.now = clock.now.plus(duration);
  }

  /** A new reconciler, which remembers no earlier progress read: as after an operator restart. */
  ReconcilerFixture restarted() {
    reconciler = newReconciler();
    return this;
  }

  UpdateControl<StreamingPipeline> reconcile(TestContext context) {
    return reconciler.reconcile(pipeline, context);
  }

  /** A user's edit of the spec: the API server moves the generation. */
  void edit(Consumer<StreamingPipeline> change) {
    change.accept(pipeline);
    pipeline.getMetadata().setGeneration(pipeline.getMetadata().getGeneration() + 1);
  }

  ResolvedPipeline resolved() {
    return OperatorChecks.check(pipeline, config, Optional.empty()).resolved().orElseThrow();
  }

  /** What the dependents leave before the job exists: topics, the table, a bound claim. */
  TestContext partsWithoutJob() {
    ResolvedPipeline resolved = resolved();
    return new TestContext(pipeline)
        .with(topics.apply(resolved))
        .with(schemas.apply(resolved, Optional.empty()))
        .with(bound(DesiredCheckpointClaim.build(resolved)));
  }

  /** The same with the SparkApplication running; no progress has been read yet. */
  TestContext partsReady() {
    return partsWithoutJob().with(SparkApplicationDependent.NAME, running(resolved()));
  }

  static PersistentVolumeClaim bound(PersistentVolumeClaim claim) {
    claim.setStatus(new PersistentVolumeClaimStatus());
    claim.getStatus().setPhase("Bound");
    return claim;
  }

  /** The SparkApplication as the Spark operator reports it once the driver runs. */
  static GenericKubernetesResource running(ResolvedPipeline resolved) {
    GenericKubernetesResource app = DesiredSparkApplication.build(resolved);
    app.setAdditionalProperty("status", Map.of("applicationState", Map.of("state", "RUNNING")));
    return app;
  }

  PipelineCondition condition(String type) {
    return pipeline.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  private PipelineReconciler newReconciler() {
    PipelineCleanup cleanup =
        new PipelineCleanup(config, noStrimzi.topicVersion(), schemas, topics, events);
    return new PipelineReconciler(config, noStrimzi, cleanup, clock);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
