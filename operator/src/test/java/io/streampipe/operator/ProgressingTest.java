package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.condition;
import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.progress.ProgressObservation;
import io.streampipe.operator.progress.ProgressSettings;
import io.streampipe.operator.status.Notices;
import io.streampipe.operator.status.Notices.Notice;
import io.streampipe.operator.status.ProgressHistory;
import io.streampipe.operator.status.ProgressStatus;
import io.streampipe.operator.status.ProgressVerdicts;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Progressing from a job's successive reads: stalls, a growing lag, and one Event a transition. */
class ProgressingTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TRIGGER = Duration.ofSeconds(10);
  private final ProgressHistory history = new ProgressHistory();

  @Test
  void theStallBoundIsThreeTriggersButAtLeastTwoMinutes() {
    assertThat(ProgressVerdicts.stallBound(Duration.ofSeconds(10))).hasMinutes(2);
    assertThat(ProgressVerdicts.stallBound(Duration.ofMinutes(5))).hasMinutes(15);
    assertThat(ProgressVerdicts.stallBound(Duration.ofSeconds(1), Duration.ofSeconds(20)))
        .as("a test's shorter floor")
        .hasSeconds(20);
    assertThat(ProgressSettings.fromEnv(Map.of()).stallFloor()).hasMinutes(2);
    assertThat(
            ProgressSettings.fromEnv(Map.of("STREAMPIPE_STALL_FLOOR_SECONDS", "20")).stallFloor())
        .hasSeconds(20);
  }

  @Test
  void noNewBatchForTheBoundWhileTheJobRunsIsAStallWithOneEventEachWay() {
    StreamingPipelineStatus running = read(null, 7, 0, T0);
    assertThat(reason(running)).isEqualTo("BatchesCompleting");
    StreamingPipelineStatus before = read(running, 7, 10, T0.plusSeconds(119));
    assertThat(reason(before))
        .as("lag moved, batch 7 is still the last")
        .isEqualTo("BatchesCompleting");
    StreamingPipelineStatus stalled = read(before, 7, 10, T0.plusSeconds(120));
    assertThat(reason(stalled)).isEqualTo("Stalled");
    assertThat(condition(stalled, "Progressing").getMessage())
        .isEqualTo("batch 7 was the last to complete for 120 s or more while the job runs");
    assertThat(Notices.between(before, stalled))
        .extracting(Notice::reason)
        .containsExactly("Stalled");
    StreamingPipelineStatus still = read(stalled, 7, 10, T0.plusSeconds(150));
    assertThat(StatusAggregator.changed(stalled, still)).as("no write while it stays").isFalse();
    assertThat(Notices.between(stalled, still)).isEmpty();

    StreamingPipelineStatus again = read(still, 8, 0, T0.plusSeconds(160));
    assertThat(reason(again)).isEqualTo("BatchesCompleting");
    assertThat(Notices.between(still, again))
        .containsExactly(
            new Notice("Normal", "BatchesCompleting", "Progressing: micro-batches complete"));
  }

  @Test
  void anIdleJobIsCaughtUpNotStalledAndAHungOneIsStalled() {
    assertThat(verdict(null, null, T0)).isEqualTo("NoBatchYet");
    assertThat(verdict(null, "2026-01-01T00:00:00Z", T0.plusSeconds(1)))
        .as("restarted on its checkpoint with nothing new: no batch, idle triggers")
        .isEqualTo("CaughtUp");
    assertThat(verdict(null, "2026-01-01T00:02:00Z", T0.plusSeconds(121)))
        .as("a new idle trigger moves the stall clock like a batch")
        .isEqualTo("CaughtUp");
    assertThat(verdict(null, "2026-01-01T00:02:00Z", T0.plusSeconds(241)))
        .as("no batch and no idle trigger for the bound: a batch hangs")
        .isEqualTo("Stalled");
  }

  @Test
  void aLagRisingOverFiveReadsIsGrowingAndAFallStopsIt() {
    StreamingPipelineStatus s = null;
    List<String> reasons = new ArrayList<>();
    long[] lags = {100, 200, 300, 400, 500, 450};
    for (int i = 0; i < lags.length; i++) {
      s = read(s, i, lags[i], T0.plusSeconds(30L * i));
      reasons.add(reason(s));
    }
    assertThat(reasons)
        .containsExactly(
            "BatchesCompleting",
            "BatchesCompleting",
            "BatchesCompleting",
            "BatchesCompleting",
            "LagGrowing",
            "BatchesCompleting");
  }

  @Test
  void aJobThatDoesNotRunIsNeitherStalledNorUnreachable() {
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(1L);
    StreamingPipelineStatus starting =
        ProgressStatus.apply(
            StatusAggregator.aggregate(null, observation("SUBMITTED", true), T0),
            null,
            new ProgressStatus.Input(
                true,
                Optional.of(ProgressObservation.unreachable("http://x/progress", "refused")),
                List.of(),
                TRIGGER),
            T0.plusSeconds(600));
    assertThat(reason(starting)).isEqualTo("JobNotRunning");
    assertThat(Notices.between(null, starting))
        .extracting(Notice::reason)
        .doesNotContain("ProgressUnreachable", "JobNotRunning");
  }

  @Test
  void theHistoryIsBoundedAndForgotten() {
    for (int i = 0; i < 50; i++) {
      history.record("a", (long) i, 0L, T0.plusSeconds(i));
    }
    assertThat(history.record("a", 49L, 0L, T0.plusSeconds(60)))
        .hasSize(ProgressHistory.KEPT)
        .last()
        .satisfies(s -> assertThat(s.seen()).isEqualTo(T0.plusSeconds(49)));
    history.forget("a");
    assertThat(history.size()).isZero();
  }

  private StreamingPipelineStatus read(
      StreamingPipelineStatus previous, long batch, long lag, Instant now) {
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(batch);
    p.setLag(lag);
    var read = Optional.of(ProgressObservation.answered("http://x/progress", p));
    return ProgressStatus.apply(
        StatusAggregator.aggregate(previous, observation("RUNNING", true), now),
        previous,
        new ProgressStatus.Input(true, read, history.record("uid", batch, lag, now), TRIGGER),
        now);
  }

  private String verdict(Long batch, String idle, Instant now) {
    PipelineProgress p = new PipelineProgress();
    p.setLastBatchId(batch);
    p.setLastIdleTime(idle);
    p.setLag(0L);
    StreamingPipelineStatus status =
        ProgressStatus.apply(
            StatusAggregator.aggregate(null, observation("RUNNING", true), now),
            null,
            new ProgressStatus.Input(
                true,
                Optional.of(ProgressObservation.answered("http://x/progress", p)),
                history.record("idle", batch, idle, 0L, now),
                TRIGGER),
            now);
    assertThat(status.getProgress().getLastIdleTime()).as("not kept in the status").isNull();
    return reason(status);
  }

  private static String reason(StreamingPipelineStatus status) {
    return condition(status, "Progressing").getReason();
  }
}
