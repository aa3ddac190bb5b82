package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.dependent.SparkApplicationDependent;
import io.streampipe.operator.desired.DesiredCheckpointClaim;
import io.streampipe.operator.desired.DesiredSparkApplication;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.progress.ProgressObservation;
import io.streampipe.operator.schema.SchemaService;
import io.streampipe.operator.source.OptionalApis;
import io.streampipe.operator.topics.InMemoryTopicAdmins;
import io.streampipe.operator.topics.TopicService;
import io.streampipe.provisioning.InMemorySchemaProvisioner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PipelineReconciler#reconcile} called directly, as the Flink operator's controller tests
 * do: its real collaborators, Cassandra and Kafka in memory, a {@link TestContext} holding what the
 * workflow's dependents left in the caches; assertions on the returned control and the status.
 */
class PipelineReconcilerTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final Instant LATER = T0.plusSeconds(90);

  final OperatorConfig config = OperatorConfig.defaults();
  final OptionalApis noStrimzi = new OptionalApis(Optional.empty(), Optional.empty(), false);
  final InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
  final SchemaService schemas = new SchemaService(connection -> cassandra);
  final TopicService topics = new TopicService(new InMemoryTopicAdmins());
  final RecordedEvents events = new RecordedEvents();
  final StreamingPipeline pipeline =
      TestPipelines.stored(TestPipelines.withServers("streams", "users", "kafka:9092"));

  @Test
  void allPartsReadyPatchesAReadyStatus() {
    TestContext context = everyPartReady();

    UpdateControl<StreamingPipeline> control = reconcile(context, T0);

    assertThat(control.isPatchStatus()).isTrue();
    assertThat(control.getScheduleDelay())
        .as("judged again when a stall would be due: an unchanged read wakes nothing")
        .hasValue(121_000L);
    assertThat(context.workflowRuns()).isEqualTo(1);
    var status = control.getResource().orElseThrow().getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getConditions())
        .extracting(PipelineCondition::getType, PipelineCondition::getStatus)
        .containsExactly(
            tuple("SpecValid", "True"),
            tuple("TopicsReady", "True"),
            tuple("SchemaReady", "True"),
            tuple("CheckpointReady", "True"),
            tuple("JobRunning", "True"),
            tuple("Ready", "True"),
            tuple("Progressing", "True"));
    assertThat(status.getProgress().getGeneration()).isEqualTo(1L);
    assertThat(status.getTable()).isEqualTo("spark_streams.created_users");
    assertThat(status.getJobState()).isEqualTo("RUNNING");
    assertThat(events.recorded()).containsExactly("Normal Ready");
  }

  @Test
  void readyPartsWithoutAProgressReadAreNotReady() {
    reconcile(partsReady(), T0);

    // No progress endpoint has been read in this context: unknown, never assumed.
    assertThat(condition("Progressing").getReason()).isEqualTo("ProgressUnknown");
    assertThat(condition("Ready").getReason()).isEqualTo("JobOutdated");
    assertThat(pipeline.getStatus().getObservedGeneration()).isNull();
    assertThat(pipeline.getStatus().getProgress()).isNull();
  }

  @Test
  void nothingChangedWritesNoStatus() {
    TestContext context = everyPartReady();
    reconcile(context, T0);
    var before = pipeline.getStatus();

    UpdateControl<StreamingPipeline> control = reconcile(context, LATER);

    assertThat(control.isNoUpdate()).isTrue();
    assertThat(control.getScheduleDelay())
        .as("this reconciler (one per call here, as after a restart) first sees the batch now")
        .hasValue(121_000L);
    assertThat(pipeline.getStatus()).isSameAs(before);
    assertThat(condition("Ready").getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(events.recorded()).as("only the first Ready").containsExactly("Normal Ready");
  }

  @Test
  void aMissingJobIsNotReadyAndSaysWhy() {
    ResolvedPipeline resolved = resolved();
    TestContext context =
        new TestContext(pipeline)
            .with(topics.apply(resolved))
            .with(schemas.apply(resolved, Optional.empty()))
            .with(bound(DesiredCheckpointClaim.build(resolved)));

    UpdateControl<StreamingPipeline> control = reconcile(context, T0);

    assertThat(control.isPatchStatus()).isTrue();
    assertThat(condition("JobRunning").getStatus()).isEqualTo("False");
    assertThat(condition("JobRunning").getReason()).isEqualTo("JobNotCreated");
    assertThat(condition("Ready").getStatus()).isEqualTo("False");
    assertThat(condition("Ready").getReason()).isEqualTo("NotReady");
    assertThat(condition("Ready").getMessage()).isEqualTo("waiting for JobRunning");
    assertThat(condition("SchemaReady").getStatus()).isEqualTo("True");
    assertThat(events.recorded()).as("progress is not an Event").isEmpty();
  }

  @Test
  void anUnboundClaimWithinItsGraceIsPolledAgain() {
    ResolvedPipeline resolved = resolved();
    PersistentVolumeClaim pending = DesiredCheckpointClaim.build(resolved);
    pending.getMetadata().setCreationTimestamp(T0.toString());
    TestContext context =
        new TestContext(pipeline)
            .with(topics.apply(resolved))
            .with(schemas.apply(resolved, Optional.empty()))
            .with(pending)
            .with(SparkApplicationDependent.NAME, running(resolved));

    UpdateControl<StreamingPipeline> control = reconcile(context, T0);

    assertThat(condition("CheckpointReady").getReason()).isEqualTo("CheckpointPending");
    assertThat(control.getScheduleDelay())
        .as("no event wakes the reconciler when the grace runs out")
        .hasValue(30_000L);
  }

  @Test
  void anInvalidSpecIsRefusedOnceWithoutRunningTheWorkflow() {
    reconcile(everyPartReady(), T0);
    pipeline.getSpec().getSink().getCassandra().setTtl("forever");
    pipeline.getSpec().getSchema().getFields().add(new FieldSpec("bad name", "text", false));
    pipeline.getMetadata().setGeneration(2L);
    int ddl = cassandra.executed().size();
    TestContext invalid = new TestContext(pipeline);

    UpdateControl<StreamingPipeline> refused = reconcile(invalid, LATER);

    assertThat(refused.isPatchStatus()).isTrue();
    assertThat(invalid.workflowRuns()).as("only a valid spec reaches the workflow").isZero();
    assertThat(cassandra.executed()).hasSize(ddl);
    assertThat(condition("Ready").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition("Ready").getMessage()).contains("spec.sink.cassandra.ttl", "bad name");
    assertThat(condition("JobRunning").getStatus())
        .as("the running parts were left as they were")
        .isEqualTo("True");
    assertThat(pipeline.getStatus().getObservedGeneration())
        .as("the job still runs generation 1")
        .isEqualTo(1L);
    assertThat(condition("Ready").getObservedGeneration()).isEqualTo(2L);
    assertThat(events.recorded()).containsExactly("Normal Ready", "Warning InvalidSpec");

    UpdateControl<StreamingPipeline> again = reconcile(invalid, LATER.plusSeconds(600));

    assertThat(again.isNoUpdate()).as("the refusal does not flap").isTrue();
    assertThat(condition("Ready").getLastTransitionTime()).isEqualTo(LATER.toString());
    assertThat(events.recorded()).hasSize(2);
  }

  private UpdateControl<StreamingPipeline> reconcile(TestContext context, Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    PipelineCleanup cleanup =
        new PipelineCleanup(config, noStrimzi.topicVersion(), schemas, topics, events);
    return new PipelineReconciler(config, noStrimzi, cleanup, clock).reconcile(pipeline, context);
  }

  /** What the dependents leave once every part is there: the fakes' and the cluster's answers. */
  private TestContext everyPartReady() {
    return partsReady()
        .with(ProgressObservation.answered("http://users-driver/progress", batchDone()));
  }

  /** The same before the job's progress was read. */
  private TestContext partsReady() {
    ResolvedPipeline resolved = resolved();
    return new TestContext(pipeline)
        .with(topics.apply(resolved))
        .with(schemas.apply(resolved, Optional.empty()))
        .with(bound(DesiredCheckpointClaim.build(resolved)))
        .with(SparkApplicationDependent.NAME, running(resolved));
  }

  /** The job's answer: it runs generation 1 and has completed a batch. */
  private static PipelineProgress batchDone() {
    PipelineProgress progress = new PipelineProgress();
    progress.setGeneration(1L);
    progress.setLastBatchId(0L);
    progress.setLag(0L);
    return progress;
  }

  private ResolvedPipeline resolved() {
    return OperatorChecks.check(pipeline, config, Optional.empty()).resolved().orElseThrow();
  }

  private static PersistentVolumeClaim bound(PersistentVolumeClaim claim) {
    claim.setStatus(new PersistentVolumeClaimStatus());
    claim.getStatus().setPhase("Bound");
    return claim;
  }

  /** The SparkApplication as the Spark operator reports it once the driver runs. */
  private static GenericKubernetesResource running(ResolvedPipeline resolved) {
    GenericKubernetesResource app = DesiredSparkApplication.build(resolved);
    app.setAdditionalProperty("status", Map.of("applicationState", Map.of("state", "RUNNING")));
    return app;
  }

  private PipelineCondition condition(String type) {
    return pipeline.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
