package io.streampipe.operator.status;

import io.streampipe.api.v1alpha1.PipelineProgress;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.progress.ProgressObservation;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
   * What one reconcile knows of the job's progress.
   *
   * @param metricsEnabled whether the running spec serves metrics, and with them progress
   * @param observed the last read of the progress endpoint, empty before the first
   * @param history the pipeline's distinct reads, oldest first, the current one last; empty without
   *     an answer
   * @param trigger the running spec's micro-batch trigger
   * @param stallFloor the least time without a batch that is a stall
   * @param startGrace how long after the job turns running a failed read is not yet judged: the
   *     read may predate the driver's endpoint, and the next one comes within a poll period
   */
  public record Input(
      boolean metricsEnabled,
      Optional<ProgressObservation> observed,
      List<ProgressHistory.Sample> history,
      Duration trigger,
      Duration stallFloor,
      Duration startGrace) {

    /** With production's floor of 2 min and no start grace. */
    public Input(
        boolean metricsEnabled,
        Optional<ProgressObservation> observed,
        List<ProgressHistory.Sample> history,
        Duration trigger) {
      this(metricsEnabled, observed, history, trigger, ProgressVerdicts.MIN_STALL, Duration.ZERO);
    }
  }

  /**
   * @param status the status built from this reconcile's other observations; changed in place
   * @param previous the status before this reconcile
   */
  public static StreamingPipelineStatus apply(
      StreamingPipelineStatus status, StreamingPipelineStatus previous, Input in, Instant now) {
    PipelineProgress last = previous == null ? null : previous.getProgress();
    Optional<PipelineProgress> answered = in.observed().flatMap(ProgressObservation::progress);
    answered.ifPresent(p -> status.setProgress(stamped(p, last, now)));
    StatusAggregator.put(
        status, previous, PROGRESSING, verdict(in, runningSince(status), now), now);
    return status;
  }

  /**
   * When a failed read of a job that has just turned running is judged (a second after its grace
   * ends): an unchanged failed read wakes no reconcile. Empty when nothing waits on that grace.
   */
  public static Optional<Instant> startGraceEnds(StreamingPipelineStatus status, Input in) {
    boolean failedRead = in.observed().map(o -> o.progress().isEmpty()).orElse(false);
    return runningSince(status)
        .filter(since -> in.metricsEnabled() && failedRead)
        .map(since -> since.plus(in.startGrace()).plusSeconds(1));
  }

  /** When the job last turned running; empty while it does not run. */
  private static Optional<Instant> runningSince(StreamingPipelineStatus status) {
    return status.getConditions().stream()
        .filter(
            c -> StatusAggregator.JOB_RUNNING.equals(c.getType()) && "True".equals(c.getStatus()))
        .findFirst()
        // Always set by put(); without one the job has run for longer than any grace.
        .map(
            c ->
                c.getLastTransitionTime() == null
                    ? Instant.EPOCH
                    : Instant.parse(c.getLastTransitionTime()));
  }

  /** The figures, observed now if they changed, else at the time they were first seen. */
  private static PipelineProgress stamped(
      PipelineProgress answered, PipelineProgress previous, Instant now) {
    PipelineProgress figures = answered.figures();
    // Judged on the read (ProgressHistory); in the status it would cost an idle pipeline a write
    // every read.
    figures.setLastIdleTime(null);
    boolean same = previous != null && figures.equals(previous.figures());
    figures.setObservedAt(
        same ? previous.getObservedAt() : now.truncatedTo(ChronoUnit.SECONDS).toString());
    return figures;
  }

  static Verdict verdict(Input in, Optional<Instant> runningSince, Instant now) {
    if (!in.metricsEnabled()) {
      return Verdict.notOk(
          Reason.ProgressUnknown,
          "monitoring.prometheus.enabled is false: the job serves no progress to observe");
    }
    if (runningSince.isEmpty()) {
      // Expected while the job starts or restarts: no Warning, and the last figures stay.
      return Verdict.notOk(Reason.JobNotRunning, "the job is not running");
    }
    if (in.observed().isEmpty()) {
      return Verdict.notOk(Reason.ProgressUnknown, "the job's progress has not been read yet");
    }
    ProgressObservation o = in.observed().get();
    if (o.progress().isEmpty() && now.isBefore(runningSince.get().plus(in.startGrace()))) {
      // The Spark operator reports RUNNING before the driver serves; the read may be older.
      return Verdict.notOk(
          Reason.ProgressUnknown,
          "the job has just started; its progress endpoint " + o.url() + " has not answered since");
    }
    if (o.progress().isEmpty() || in.history().isEmpty()) {
      return Verdict.notOk(
          Reason.ProgressUnreachable,
          "the job's progress endpoint "
              + o.url()
              + " cannot be read ("
              + o.problem().orElse("no answer")
              + "); the figures shown are the last read, not current");
    }
    return ProgressVerdicts.of(
        in.history(), ProgressVerdicts.stallBound(in.trigger(), in.stallFloor()), now);
  }
}
