package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.condition;
import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.api.validation.Problem;
import io.streampipe.operator.status.Notices;
import io.streampipe.operator.status.Notices.Notice;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the status says when a reconcile fails or an update is invalid, as pure logic. */
class FailurePathStatusTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:05:00Z");
  private static final List<Problem> PROBLEMS =
      List.of(new Problem("spec.sink.cassandra.ttl", "bad"), new Problem("spec.x", "worse"));

  @Test
  void aFailedReconcileTurnsReadyFalseAndKeepsTheParts() {
    StreamingPipelineStatus good =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    StreamingPipelineStatus failed =
        StatusAggregator.failed(good, 4, "Reconcile failed, will retry: config: boom", T1);

    assertThat(condition(failed, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(failed, "Ready").getReason()).isEqualTo("ReconcileError");
    assertThat(condition(failed, "Ready").getMessage())
        .isEqualTo("Reconcile failed, will retry: config: boom");
    assertThat(condition(failed, "Ready").getLastTransitionTime()).isEqualTo(T1.toString());
    assertThat(condition(failed, "JobRunning")).isEqualTo(condition(good, "JobRunning"));
    assertThat(failed.getObservedGeneration()).isEqualTo(3L);
    assertThat(StatusAggregator.changed(failed, StatusAggregator.failed(failed, 4, "x", T1)))
        .isTrue();
  }

  @Test
  void aFailureBeforeAnyStatusStillSaysSo() {
    StreamingPipelineStatus failed = StatusAggregator.failed(null, 1, "Reconcile failed: x", T0);
    assertThat(failed.getConditions()).singleElement();
    assertThat(condition(failed, "Ready").getReason()).isEqualTo("ReconcileError");
  }

  @Test
  void anInvalidUpdateKeepsThePartsObservedAndListsEveryProblem() {
    StreamingPipelineStatus good =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    // The last good spec is observed again, and its job has failed meanwhile.
    StreamingPipelineStatus invalid =
        StatusAggregator.aggregate(good, observation("FAILED", true), PROBLEMS, T1);

    assertThat(condition(invalid, "SpecValid").getStatus()).isEqualTo("False");
    assertThat(condition(invalid, "SpecValid").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(invalid, "SpecValid").getMessage())
        .isEqualTo("2 problem(s): spec.sink.cassandra.ttl: bad; spec.x: worse");
    assertThat(condition(invalid, "JobRunning").getReason()).isEqualTo("JobFailed");
    assertThat(condition(invalid, "TopicsReady")).isEqualTo(condition(good, "TopicsReady"));
    assertThat(condition(invalid, "Ready").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(invalid, "Ready").getMessage()).contains("spec.x: worse");
  }

  @Test
  void anInvalidFirstSpecSaysSoWithoutParts() {
    StreamingPipelineStatus invalid = StatusAggregator.invalid(null, 1, PROBLEMS, T0);
    assertThat(invalid.getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactlyInAnyOrder("SpecValid=False", "Ready=False");
  }

  @Test
  void anInvalidSpecIsOneWarningNotOnePerCondition() {
    StreamingPipelineStatus good =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    StreamingPipelineStatus invalid =
        StatusAggregator.aggregate(good, observation("RUNNING", true), PROBLEMS, T1);
    assertThat(Notices.between(good, invalid))
        .extracting(Notice::reason)
        .containsExactly("InvalidSpec");
  }
}
