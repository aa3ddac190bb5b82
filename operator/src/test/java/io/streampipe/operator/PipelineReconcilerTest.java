package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.streampipe.api.v1alpha1.FieldSpec;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.dependent.SparkApplicationDependent;
import io.streampipe.operator.desired.DesiredCheckpointClaim;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.progress.ProgressObservation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PipelineReconciler#reconcile} called directly, as the Flink operator's controller tests
 * do: its real collaborators, Cassandra and Kafka in memory, a {@link TestContext} holding what the
 * workflow's dependents left in the caches; assertions on the returned control and the status.
 */
class PipelineReconcilerTest {
  static final Instant T0 = ReconcilerFixture.T0;
  static final Instant LATER = T0.plusSeconds(90);

  final ReconcilerFixture fixture = new ReconcilerFixture();
  final StreamingPipeline pipeline = fixture.pipeline;
  final RecordedEvents events = fixture.events;

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
    reconcile(fixture.partsReady(), T0);

    // No progress endpoint has been read in this context: unknown, never assumed.
    assertThat(condition("Progressing").getReason()).isEqualTo("ProgressUnknown");
    assertThat(condition("Ready").getReason()).isEqualTo("JobOutdated");
    assertThat(pipeline.getStatus().getObservedGeneration()).isNull();
    assertThat(pipeline.getStatus().getProgress()).isNull();
  }

  @Test
  void aReconcileBeforeTheCacheHasTheLastWriteNeitherWritesNorNotifiesItAgain() {
    TestContext context = everyPartReady();
    pipeline.getMetadata().setResourceVersion("41");
    assertThat(fixture.reconcile(context).isPatchStatus()).isTrue();

    // A timer fires before the watch delivers the write: the cache still has the older status.
    pipeline.setStatus(null);
    fixture.advance(Duration.ofSeconds(2));
    assertThat(fixture.reconcile(context).isNoUpdate()).isTrue();
    assertThat(events.recorded()).containsExactly("Normal Ready");

    // A cache past the written version is read as it is: here it lost the status, so it is written.
    pipeline.setStatus(null);
    pipeline.getMetadata().setResourceVersion("43");
    fixture.advance(Duration.ofSeconds(2));
    assertThat(fixture.reconcile(context).isPatchStatus()).isTrue();
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
    TestContext context = fixture.partsWithoutJob();

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
    ResolvedPipeline resolved = fixture.resolved();
    PersistentVolumeClaim pending = DesiredCheckpointClaim.build(resolved);
    pending.getMetadata().setCreationTimestamp(T0.toString());
    TestContext context =
        new TestContext(pipeline)
            .with(fixture.topics.apply(resolved))
            .with(fixture.schemas.apply(resolved, Optional.empty()))
            .with(pending)
            .with(SparkApplicationDependent.NAME, ReconcilerFixture.running(resolved));

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
    int ddl = fixture.cassandra.executed().size();
    TestContext invalid = new TestContext(pipeline);

    UpdateControl<StreamingPipeline> refused = reconcile(invalid, LATER);

    assertThat(refused.isPatchStatus()).isTrue();
    assertThat(invalid.workflowRuns()).as("only a valid spec reaches the workflow").isZero();
    assertThat(fixture.cassandra.executed()).hasSize(ddl);
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

  @Test
  void anInvalidUpdateJustAfterTheJobStartsStillComesBackToJudgeItsFailedRead() {
    TestContext started =
        fixture
            .partsReady()
            .with(ProgressObservation.unreachable(ReconcilerFixture.PROGRESS_URL, "HTTP 503"));
    fixture.at(T0);
    fixture.reconcile(started);
    pipeline.getSpec().getSink().getCassandra().setTtl("forever");
    pipeline.getMetadata().setGeneration(2L);
    fixture.advance(Duration.ofSeconds(1));

    UpdateControl<StreamingPipeline> control = fixture.reconcile(started);

    assertThat(condition("SpecValid").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition("Progressing").getReason()).isEqualTo("ProgressUnknown");
    assertThat(control.getScheduleDelay())
        .as("an unchanged failed read wakes nothing: back when the start grace (30 s + 2 s) ends")
        .hasValue(32_000L);
  }

  /** Each call by a new reconciler, as after an operator restart: no memory of earlier reads. */
  private UpdateControl<StreamingPipeline> reconcile(TestContext context, Instant now) {
    fixture.at(now);
    return fixture.restarted().reconcile(context);
  }

  /** What the dependents leave once every part is there: the fakes' and the cluster's answers. */
  private TestContext everyPartReady() {
    return fixture
        .partsReady()
        .with(ProgressObservation.answered(ReconcilerFixture.PROGRESS_URL, batchDone()));
  }

  /** The job's answer: it runs generation 1 and has completed a batch. */
  private static PipelineProgress batchDone() {
    PipelineProgress progress = new PipelineProgress();
    progress.setGeneration(1L);
    progress.setLastBatchId(0L);
    progress.setLag(0L);
    return progress;
  }

  private PipelineCondition condition(String type) {
    return fixture.condition(type);
  }
}
