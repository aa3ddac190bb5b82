package io.streampipe.operator;

import static io.streampipe.operator.TestObservations.condition;
import static io.streampipe.operator.TestObservations.observation;
import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.progress.ProgressObservation;
import io.streampipe.operator.status.Notices;
import io.streampipe.operator.status.ProgressHistory;
import io.streampipe.operator.status.ProgressStatus;
import io.streampipe.operator.status.StatusAggregator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The job's progress in the status, as pure logic. */
class ProgressStatusTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:30Z");
  private static final Instant T2 = Instant.parse("2026-01-01T00:01:00Z");
  private static final Duration TRIGGER = Duration.ofSeconds(10);
  private final ProgressHistory history = new ProgressHistory();
  private static final String URL = "http://users-driver.streams.svc:9090/progress";

  @Test
  void theJobsFiguresAreCopiedAndStampedWhenTheyChange() {
    StreamingPipelineStatus first = status(null, answered(5, 120), T0);
    assertThat(first.getProgress().getLag()).isEqualTo(120L);
    assertThat(first.getProgress().getDeadLettersByRule()).containsEntry("type", 2L);
    assertThat(first.getProgress().getObservedAt()).isEqualTo(T0.toString());
    assertThat(condition(first, "Progressing").getReason()).isEqualTo("BatchesCompleting");

    StreamingPipelineStatus moved = status(first, answered(6, 80), T1);
    assertThat(moved.getProgress().getLag()).isEqualTo(80L);
    assertThat(moved.getProgress().getObservedAt()).isEqualTo(T1.toString());
    assertThat(StatusAggregator.changed(first, moved)).isTrue();
  }

  @Test
  void unchangedFiguresWriteNothing() {
    StreamingPipelineStatus first = status(null, answered(5, 120), T0);
    StreamingPipelineStatus again = status(first, answered(5, 120), T2);
    assertThat(again.getProgress().getObservedAt()).isEqualTo(T0.toString());
    assertThat(StatusAggregator.changed(first, again)).isFalse();
  }

  @Test
  void anUnreachableEndpointKeepsTheLastFiguresAndSaysSoNeverZeroLag() {
    StreamingPipelineStatus first = status(null, answered(5, 120), T0);
    StreamingPipelineStatus lost =
        status(
            first,
            Optional.of(ProgressObservation.unreachable(URL, "ConnectException: refused")),
            T1);
    assertThat(lost.getProgress()).isEqualTo(first.getProgress());
    var progressing = condition(lost, "Progressing");
    assertThat(progressing.getStatus()).isEqualTo("False");
    assertThat(progressing.getReason()).isEqualTo("ProgressUnreachable");
    assertThat(progressing.getMessage()).contains(URL, "ConnectException: refused", "not current");

    StreamingPipelineStatus never =
        status(null, Optional.of(ProgressObservation.unreachable(URL, "timeout")), T0);
    assertThat(never.getProgress()).as("no figures rather than zeros").isNull();
  }

  @Test
  void aFailedReadJustAfterTheJobStartsIsNotYetUnreachable() {
    // The Spark operator says RUNNING at T0; the last read, taken before, found no endpoint.
    Optional<ProgressObservation> before = Optional.of(ProgressObservation.unreachable(URL, "503"));
    Duration grace = Duration.ofSeconds(32);
    StreamingPipelineStatus running =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    var input =
        new ProgressStatus.Input(true, before, List.of(), TRIGGER, Duration.ofMinutes(2), grace);

    StreamingPipelineStatus starting =
        ProgressStatus.apply(running, null, input, T0.plusSeconds(5));
    assertThat(condition(starting, "Progressing").getReason()).isEqualTo("ProgressUnknown");
    assertThat(condition(starting, "Progressing").getMessage()).contains("just started", URL);
    assertThat(Notices.between(null, starting))
        .extracting(Notices.Notice::reason)
        .doesNotContain("ProgressUnreachable");
    assertThat(ProgressStatus.startGraceEnds(starting, input))
        .as("an unchanged failed read wakes nothing: the reconciler comes back when grace ends")
        .contains(T0.plusSeconds(33));

    StreamingPipelineStatus still =
        ProgressStatus.apply(
            StatusAggregator.aggregate(starting, observation("RUNNING", true), T0.plusSeconds(33)),
            starting,
            input,
            T0.plusSeconds(33));
    assertThat(condition(still, "Progressing").getReason()).isEqualTo("ProgressUnreachable");
    assertThat(Notices.between(starting, still))
        .extracting(Notices.Notice::reason)
        .containsExactly("ProgressUnreachable");
  }

  @Test
  void anAnswerWithinTheStartGraceIsJudgedAtOnce() {
    Optional<ProgressObservation> read = answered(1, 0);
    var input =
        new ProgressStatus.Input(
            true,
            read,
            history.record("uid", 1L, 0L, T0),
            TRIGGER,
            Duration.ofMinutes(2),
            Duration.ofSeconds(32));
    StreamingPipelineStatus running =
        StatusAggregator.aggregate(null, observation("RUNNING", true), T0);
    StreamingPipelineStatus judged = ProgressStatus.apply(running, null, input, T0.plusSeconds(1));
    assertThat(condition(judged, "Progressing").getReason()).isEqualTo("BatchesCompleting");
    assertThat(ProgressStatus.startGraceEnds(judged, input)).isEmpty();
  }

  @Test
  void noReadYetOrMetricsOffIsUnknownProgress() {
    StreamingPipelineStatus unread = status(null, Optional.empty(), T0);
    assertThat(condition(unread, "Progressing").getReason()).isEqualTo("ProgressUnknown");
    StreamingPipelineStatus off =
        ProgressStatus.apply(
            StatusAggregator.aggregate(null, observation("RUNNING", true), T0),
            null,
            new ProgressStatus.Input(false, answered(1, 0), List.of(), TRIGGER),
            T0);
    assertThat(condition(off, "Progressing").getMessage())
        .contains("monitoring.prometheus.enabled");
  }

  @Test
  void theWritersRetriesReachTheStatusAndAreAChange() {
    StreamingPipelineStatus first = status(null, answered(5, 0), T0);
    Optional<ProgressObservation> retrying = answered(5, 0);
    retrying.get().progress().get().setWriteRetries(12L);
    retrying.get().progress().get().setWriteRetryMillis(3_400L);

    StreamingPipelineStatus then = status(first, retrying, T1);
    assertThat(then.getProgress().getWriteRetries()).isEqualTo(12L);
    assertThat(then.getProgress().getWriteRetryMillis()).isEqualTo(3_400L);
    assertThat(then.getProgress().getObservedAt()).isEqualTo(T1.toString());
    assertThat(StatusAggregator.changed(first, then)).isTrue();
  }

  private StreamingPipelineStatus status(
      StreamingPipelineStatus previous, Optional<ProgressObservation> read, Instant now) {
    List<ProgressHistory.Sample> samples =
        read.flatMap(ProgressObservation::progress)
            .map(p -> history.record("uid", p.getLastBatchId(), p.getLag(), now))
            .orElse(List.of());
    return ProgressStatus.apply(
        StatusAggregator.aggregate(previous, observation("RUNNING", true), now),
        previous,
        new ProgressStatus.Input(true, read, samples, TRIGGER),
        now);
  }

  private static Optional<ProgressObservation> answered(long batch, long lag) {
    PipelineProgress p = new PipelineProgress();
    p.setGeneration(3L);
    p.setLastBatchId(batch);
    p.setLag(lag);
    p.setRead(100 * batch);
    p.setDeadLettered(2L);
    p.setDeadLettersByRule(Map.of("type", 2L));
    return Optional.of(ProgressObservation.answered(URL, p));
  }
}
