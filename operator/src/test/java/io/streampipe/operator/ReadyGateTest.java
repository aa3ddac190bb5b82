package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.condition;
import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.progress.ProgressObservation;
import io.streampipe.operator.status.ProgressHistory;
import io.streampipe.operator.status.ProgressStatus;
import io.streampipe.operator.status.ReadyGate;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ready needs the job at the current generation and progressing; observedGeneration follows it. */
class ReadyGateTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final long SPEC = 3; // TestObservations' generation
  private final ProgressHistory history = new ProgressHistory();

  @Test
  void aJobOnAnEarlierGenerationIsOutdatedAndObservedAtItsOwn() {
    StreamingPipelineStatus s = observed(null, 2L, 5L, true, "RUNNING");
    assertThat(condition(s, "Progressing").getStatus()).isEqualTo("True");
    assertThat(condition(s, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("JobOutdated");
    assertThat(condition(s, "Ready").getMessage())
        .isEqualTo("the job runs generation 2; waiting for it to run generation 3");
    assertThat(s.getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void theCurrentGenerationProgressingIsReady() {
    StreamingPipelineStatus s = observed(null, SPEC, 5L, true, "RUNNING");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("Ready");
    assertThat(s.getObservedGeneration()).isEqualTo(SPEC);
  }

  @Test
  void theCurrentGenerationWithoutABatchIsNotProgressing() {
    StreamingPipelineStatus s = observed(null, SPEC, null, true, "RUNNING");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("NotProgressing");
    assertThat(condition(s, "Ready").getMessage()).startsWith("Progressing is NoBatchYet: ");
    assertThat(s.getObservedGeneration()).isEqualTo(SPEC);
  }

  @Test
  void aJobThatReportsNoGenerationIsNotTakenAtTheSpecs() {
    StreamingPipelineStatus before = observed(null, 2L, 5L, true, "RUNNING");
    StreamingPipelineStatus s = observed(before, null, 6L, true, "RUNNING");
    assertThat(condition(s, "Ready").getReason()).isEqualTo("JobOutdated");
    assertThat(s.getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void withoutProgressTheSparkOperatorsWordDecides() {
    assertThat(observed(null, null, null, false, "RUNNING").getObservedGeneration())
        .isEqualTo(SPEC);
    StreamingPipelineStatus submitted = observed(null, null, null, false, "SUBMITTED");
    assertThat(condition(submitted, "Ready").getReason()).isEqualTo("NotReady");
    assertThat(submitted.getObservedGeneration()).isNull();
  }

  @Test
  void aHeldChangeReplacesReadyInPlaceAndKeepsProgress() {
    StreamingPipelineStatus ready = observed(null, SPEC, 5L, true, "RUNNING");
    StreamingPipelineStatus held =
        ReadyGate.held(
            observed(ready, SPEC, 6L, true, "RUNNING"),
            ready,
            io.streampipe.operator.status.Reason.ChangeRefused,
            "no",
            T0.plusSeconds(5));
    assertThat(condition(held, "Ready").getReason()).isEqualTo("ChangeRefused");
    assertThat(held.getProgress().getLastBatchId()).isEqualTo(6L);
    assertThat(held.getConditions())
        .extracting(c -> c.getType())
        .containsExactlyElementsOf(ready.getConditions().stream().map(c -> c.getType()).toList());
  }

  private StreamingPipelineStatus observed(
      StreamingPipelineStatus previous,
      Long jobGeneration,
      Long batch,
      boolean metrics,
      String sparkState) {
    PipelineProgress p = new PipelineProgress();
    p.setGeneration(jobGeneration);
    p.setLastBatchId(batch);
    p.setLag(0L);
    var read = Optional.of(ProgressObservation.answered("http://x/progress", p));
    StreamingPipelineStatus status =
        ProgressStatus.apply(
            StatusAggregator.aggregate(previous, observation(sparkState, true), T0),
            previous,
            new ProgressStatus.Input(
                metrics,
                metrics ? read : Optional.empty(),
                metrics ? history.record("uid", batch, 0L, T0) : java.util.List.of(),
                Duration.ofSeconds(10)),
            T0);
    return ReadyGate.apply(status, previous, SPEC, metrics, T0);
  }
}
