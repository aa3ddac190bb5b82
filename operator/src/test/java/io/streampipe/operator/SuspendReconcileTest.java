package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.operator.dependent.SparkApplicationDependent;
import io.streampipe.operator.progress.ProgressObservation;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Suspension and the data-quality budget through {@link PipelineReconciler#reconcile}, called
 * directly with one reconciler (its memory of progress reads) over several reconciles: the
 * SparkApplication's precondition, the status, the Events, and no write when nothing changed.
 */
class SuspendReconcileTest {
  final ReconcilerFixture fixture = new ReconcilerFixture();
  final StreamingPipeline pipeline = fixture.pipeline;
  final RecordedEvents events = fixture.events;

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

    fixture.advance(Duration.ofSeconds(60));
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

    fixture.advance(Duration.ofSeconds(30));
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
    fixture.advance(Duration.ofSeconds(600));
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
    fixture.advance(Duration.ofSeconds(30));
    TestContext burst = context(true, progress(1_100, 60, 60));
    reconcile(burst);

    assertThat(jobWanted(burst)).isTrue();
    assertThat(condition("DataQuality").getReason()).isEqualTo("BudgetExceeded");
    assertThat(condition("Ready").getReason()).isEqualTo("BudgetExceeded");
    assertThat(pipeline.getStatus().getConditions())
        .noneMatch(c -> c.getType().equals("Suspended"));
    assertThat(events.recorded()).containsExactly("Normal Ready", "Warning BudgetExceeded");

    fixture.advance(Duration.ofSeconds(660));
    reconcile(context(true, progress(2_100, 60, 60)));

    assertThat(condition("DataQuality").getReason()).isEqualTo("WithinBudget");
    assertThat(condition("Ready").getReason()).isEqualTo("Ready");
    assertThat(events.recorded())
        .containsExactly(
            "Normal Ready", "Warning BudgetExceeded", "Normal Ready", "Normal WithinBudget");
  }

  private UpdateControl<StreamingPipeline> reconcile(TestContext context) {
    return fixture.reconcile(context);
  }

  private void edit(Consumer<StreamingPipeline> change) {
    fixture.edit(change);
  }

  /**
   * What the dependents and the progress poll leave: the job running (at the current generation),
   * or deleted.
   */
  private TestContext context(boolean jobRunning, PipelineProgress read) {
    if (jobRunning) {
      // A running job has restarted on the spec's current generation and completed a batch.
      PipelineProgress answer = read == null ? progress(0, 0, 0) : read;
      answer.setGeneration(pipeline.getMetadata().getGeneration());
      return fixture
          .partsReady()
          .with(ProgressObservation.answered(ReconcilerFixture.PROGRESS_URL, answer));
    }
    TestContext context = fixture.partsWithoutJob();
    return read == null
        ? context
        : context.with(ProgressObservation.answered(ReconcilerFixture.PROGRESS_URL, read));
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
    return fixture.condition(type);
  }
}
