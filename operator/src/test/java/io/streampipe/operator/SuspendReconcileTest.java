package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
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
 * Suspension and the data-quality budget through {@link PipelineReconciler#reconcile}, called
 * directly with one reconciler (its memory of progress reads) over several reconciles: the
 * SparkApplication's precondition, the status, the Events, and no write when nothing changed.
 */
class SuspendReconcileTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  final OperatorConfig config = OperatorConfig.defaults();
  final OptionalApis noStrimzi = new OptionalApis(Optional.empty(), Optional.empty(), false);
  final InMemorySchemaProvisioner cassandra = new InMemorySchemaProvisioner();
  final SchemaService schemas = new SchemaService(connection -> cassandra);
  final TopicService topics = new TopicService(new InMemoryTopicAdmins());
  final RecordedEvents events = new RecordedEvents();
  final StreamingPipeline pipeline =
      TestPipelines.stored(TestPipelines.withServers("streams", "users", "kafka:9092"));
  Instant now = T0;
  final PipelineReconciler reconciler =
      new PipelineReconciler(
          config,
          noStrimzi,
          new PipelineCleanup(config, noStrimzi.topicVersion(), schemas, topics, events),
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return now;
            }
          });

  @Test
  void suspendStopsTheJobSaysSoOnceAndResumeStartsItAgain() {
    reconcile(context(true, null));
    assertThat(events.recorded()).containsExactly("Normal Ready");

    edit(p -> p.getSpec().setSuspend(true));
    TestContext suspended = context(false, null);
    reconcile(suspended);

    assertThat(jobWanted(suspended)).as("the SparkApplication's precondition").isFalse();
    assertThat(condition("Suspended").getStatus()).isEqualTo("True");
    assertThat(condition("Suspended").getReason()).isEqualTo("SuspendRequested");
    assertThat(condition("Ready").getReason()).isEqualTo("Suspended");
    assertThat(condition("JobRunning").getReason()).isEqualTo("Suspended");
    assertThat(condition("Progressing").getReason()).isEqualTo("Suspended");
    assertThat(condition("TopicsReady").getStatus()).as("the other parts stay").isEqualTo("True");
    assertThat(condition("CheckpointReady").getStatus()).isEqualTo("True");
    assertThat(events.recorded()).containsExactly("Normal Ready", "Normal Suspended");

    now = now.plusSeconds(60);
    assertThat(reconcile(context(false, null)).isNoUpdate()).as("nothing changed").isTrue();
    assertThat(events.recorded()).hasSize(2);

    edit(p -> p.getSpec().setSuspend(false));
    TestContext resumed = context(false, null);
    reconcile(resumed);

    assertThat(jobWanted(resumed)).isTrue();
    assertThat(condition("Suspended").getStatus()).isEqualTo("False");
    assertThat(condition("Suspended").getReason()).isEqualTo("Resumed");
    assertThat(events.recorded())
        .containsExactly("Normal Ready", "Normal Suspended", "Normal Resumed");
  }

  @Test
  void aBurstOverASuspendBudgetSuspendsUntilTheSpecChanges() {
    edit(p -> p.getSpec().getQuality().setBudget(budget(BudgetAction.Suspend)));
    reconcile(context(true, progress(1_000, 10, 10)));
    assertThat(condition("DataQuality").getReason()).isEqualTo("WithinBudget");

    now = now.plusSeconds(30);
    TestContext burst = context(true, progress(1_100, 60, 60));
    reconcile(burst);

    assertThat(jobWanted(burst)).isFalse();
    assertThat(condition("DataQuality").getStatus()).isEqualTo("False");
    assertThat(condition("DataQuality").getReason()).isEqualTo("BudgetExceeded");
    assertThat(condition("DataQuality").getMessage())
        .startsWith("50 of 100 records read in the last 10m were dead-lettered (50.0 %")
        .contains("top rules: email.pattern 50", "the job is suspended");
    assertThat(condition("Suspended").getReason()).isEqualTo("BudgetExceeded");
    assertThat(condition("Ready").getReason()).isEqualTo("Suspended");
    assertThat(pipeline.getStatus().getBudgetSuspendedGeneration()).isEqualTo(2L);
    assertThat(events.recorded()).containsExactly("Normal Ready", "Warning BudgetExceeded");

    reconcile(context(false, null));
    now = now.plusSeconds(600);
    TestContext later = context(false, null);
    assertThat(reconcile(later).isNoUpdate()).as("the suspension holds, unchanged").isTrue();
    assertThat(jobWanted(later)).isFalse();

    edit(p -> p.getSpec().getQuality().getBudget().setMaxDeadLetterRatio(0.6));
    TestContext fixed = context(false, null);
    reconcile(fixed);

    assertThat(jobWanted(fixed)).as("a spec change resumes").isTrue();
    assertThat(condition("Suspended").getReason()).isEqualTo("Resumed");
    assertThat(pipeline.getStatus().getBudgetSuspendedGeneration()).isNull();
  }

  @Test
  void aBurstOverAWarnBudgetOnlySaysSoAndIsNotReady() {
    edit(p -> p.getSpec().getQuality().setBudget(budget(BudgetAction.Warn)));
    reconcile(context(true, progress(1_000, 10, 10)));
    now = now.plusSeconds(30);
    TestContext burst = context(true, progress(1_100, 60, 60));
    reconcile(burst);

    assertThat(jobWanted(burst)).isTrue();
    assertThat(condition("DataQuality").getReason()).isEqualTo("BudgetExceeded");
    assertThat(condition("Ready").getReason()).isEqualTo("BudgetExceeded");
    assertThat(pipeline.getStatus().getConditions())
        .noneMatch(c -> c.getType().equals("Suspended"));
    assertThat(events.recorded()).containsExactly("Normal Ready", "Warning BudgetExceeded");

    now = now.plusSeconds(660);
    reconcile(context(true, progress(2_100, 60, 60)));

    assertThat(condition("DataQuality").getReason()).isEqualTo("WithinBudget");
    assertThat(condition("Ready").getReason()).isEqualTo("Ready");
    assertThat(events.recorded())
        .containsExactly(
            "Normal Ready", "Warning BudgetExceeded", "Normal Ready", "Normal WithinBudget");
  }

  private UpdateControl<StreamingPipeline> reconcile(TestContext context) {
    UpdateControl<StreamingPipeline> control = reconciler.reconcile(pipeline, context);
    control.getResource().ifPresent(p -> pipeline.setStatus(p.getStatus()));
    return control;
  }

  private void edit(java.util.function.Consumer<StreamingPipeline> change) {
    change.accept(pipeline);
    pipeline.getMetadata().setGeneration(pipeline.getMetadata().getGeneration() + 1);
  }

  /**
   * What the dependents and the progress poll leave: the job running (at the current generation),
   * or deleted.
   */
  private TestContext context(boolean jobRunning, PipelineProgress read) {
    ResolvedPipeline resolved =
        OperatorChecks.check(pipeline, config, Optional.empty()).resolved().orElseThrow();
    PersistentVolumeClaim claim = DesiredCheckpointClaim.build(resolved);
    claim.setStatus(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus());
    claim.getStatus().setPhase("Bound");
    TestContext context =
        new TestContext(pipeline)
            .with(topics.apply(resolved))
            .with(schemas.apply(resolved, Optional.empty()))
            .with(claim);
    if (jobRunning) {
      GenericKubernetesResource app = DesiredSparkApplication.build(resolved);
      app.setAdditionalProperty("status", Map.of("applicationState", Map.of("state", "RUNNING")));
      context.with(SparkApplicationDependent.NAME, app);
      // A running job has restarted on the spec's current generation and completed a batch.
      PipelineProgress answer = read == null ? progress(0, 0, 0) : read;
      answer.setGeneration(pipeline.getMetadata().getGeneration());
      context.with(ProgressObservation.answered("http://users-driver/progress", answer));
    } else if (read != null) {
      context.with(ProgressObservation.answered("http://users-driver/progress", read));
    }
    return context;
  }

  private boolean jobWanted(TestContext context) {
    return new SparkApplicationDependent.JobWanted().isMet(null, pipeline, context);
  }

  private static PipelineProgress progress(long read, long dead, long byEmail) {
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(read / 100);
    p.setRead(read);
    p.setDeadLettered(dead);
    p.setDeadLettersByRule(Map.of("email.pattern", byEmail));
    p.setLag(0L);
    return p;
  }

  private static BudgetSpec budget(BudgetAction action) {
    BudgetSpec budget = new BudgetSpec();
    budget.setMaxDeadLetterRatio(0.05);
    budget.setOnExceeded(action);
    return budget;
  }

  private PipelineCondition condition(String type) {
    return pipeline.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }
}
