package io.streampipe.operator.status;

import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.progress.ProgressObservation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts the job's progress into the status, as pure logic: the figures the endpoint answered, or,
 * when it did not, the last figures kept and a condition saying why there are no new ones, never a
 * made-up zero lag.
 */
public final class ProgressStatus {
  public static final String PROGRESSING = "Progressing";

  private ProgressStatus() {}

  /**
   * @param status the status built from this reconcile's other observations; changed in place
   * @param previous the status before this reconcile
   * @param metricsEnabled whether the running spec serves metrics, and with them progress
   * @param observed the last read of the progress endpoint, empty before the first
   */
  public static StreamingPipelineStatus apply(
      StreamingPipelineStatus status,
      StreamingPipelineStatus previous,
      boolean metricsEnabled,
      Optional<ProgressObservation> observed,
      Instant now) {
    PipelineProgress last = previous == null ? null : previous.getProgress();
    Optional<PipelineProgress> answered = observed.flatMap(ProgressObservation::progress);
    answered.ifPresent(p -> status.setProgress(stamped(p, last, now)));
    StatusAggregator.put(status, previous, PROGRESSING, verdict(metricsEnabled, observed), now);
    return status;
  }

  /** The figures, observed now if they changed, else at the time they were first seen. */
  private static PipelineProgress stamped(
      PipelineProgress answered, PipelineProgress previous, Instant now) {
    PipelineProgress figures = answered.figures();
    boolean same = previous != null && figures.equals(previous.figures());
    figures.setObservedAt(
        same ? previous.getObservedAt() : now.truncatedTo(ChronoUnit.SECONDS).toString());
    return figures;
  }

  static Verdict verdict(boolean metricsEnabled, Optional<ProgressObservation> observed) {
    if (!metricsEnabled) {
      return Verdict.notOk(
          Reason.ProgressUnknown,
          "monitoring.prometheus.enabled is false: the job serves no progress to observe");
    }
    if (observed.isEmpty()) {
      return Verdict.notOk(Reason.ProgressUnknown, "the job's progress has not been read yet");
    }
    ProgressObservation o = observed.get();
    if (o.progress().isEmpty()) {
      return Verdict.notOk(
          Reason.ProgressUnreachable,
          "the job's progress endpoint "
              + o.url()
              + " cannot be read ("
              + o.problem().orElse("no answer")
              + "); the figures shown are the last read, not current");
    }
    return Objects.isNull(o.progress().get().getLastBatchId())
        ? Verdict.notOk(Reason.NoBatchYet, "the job runs and has not completed a batch yet")
        : Verdict.ok(Reason.BatchesCompleting, "micro-batches complete");
  }
}
