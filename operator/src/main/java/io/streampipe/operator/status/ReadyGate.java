package io.streampipe.operator.status;

import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Ready beyond the parts: the job runs the current generation and progresses. Also decides which
 * generation {@code observedGeneration} may claim: the one the job reports running, never the
 * spec's alone. Pure.
 */
public final class ReadyGate {
  private ReadyGate() {}

  /**
   * @param status the status built from this reconcile's observations and progress; changed in
   *     place
   * @param previous the status before this reconcile
   * @param generation the spec's current generation
   * @param metricsEnabled whether the running spec serves progress to judge
   */
  public static StreamingPipelineStatus apply(
      StreamingPipelineStatus status,
      StreamingPipelineStatus previous,
      long generation,
      boolean metricsEnabled,
      Instant now) {
    Optional<Long> running =
        metricsEnabled ? reported(status) : sparkSaysRunning(status, generation);
    if (isTrue(status, StatusAggregator.READY)) {
      verdict(status, running, generation, metricsEnabled)
          .ifPresent(v -> StatusAggregator.put(status, previous, StatusAggregator.READY, v, now));
    }
    status.setObservedGeneration(
        running
            .map(g -> Math.min(g, generation))
            .orElse(previous == null ? null : previous.getObservedGeneration()));
    return status;
  }

  /** Ready turns False with {@code reason}: a valid change the operator holds back. */
  public static StreamingPipelineStatus held(
      StreamingPipelineStatus status,
      StreamingPipelineStatus previous,
      Reason reason,
      String message,
      Instant now) {
    StatusAggregator.put(
        status, previous, StatusAggregator.READY, Verdict.notOk(reason, message), now);
    return status;
  }

  /** Why a pipeline whose parts are ready is not Ready; empty when it is. */
  private static Optional<Verdict> verdict(
      StreamingPipelineStatus status,
      Optional<Long> running,
      long generation,
      boolean metricsEnabled) {
    if (!metricsEnabled) {
      return Optional.empty();
    }
    if (running.isEmpty() || running.get() != generation) {
      return Optional.of(
          Verdict.notOk(
              Reason.JobOutdated,
              running
                      .map(g -> "the job runs generation " + g)
                      .orElse("the job has not reported the generation it runs")
                  + "; waiting for it to run generation "
                  + generation));
    }
    PipelineCondition progressing = condition(status, ProgressStatus.PROGRESSING).orElse(null);
    if (progressing == null || !"True".equals(progressing.getStatus())) {
      return Optional.of(
          Verdict.notOk(
              Reason.NotProgressing,
              progressing == null
                  ? "the job's progress is not known"
                  : "Progressing is " + progressing.getReason() + ": " + progressing.getMessage()));
    }
    return Optional.empty();
  }

  /** The generation in the job's last progress read. */
  private static Optional<Long> reported(StreamingPipelineStatus status) {
    return Optional.ofNullable(status.getProgress()).map(p -> p.getGeneration());
  }

  /**
   * Without progress, the Spark operator's word: it resubmits a changed application, so a running
   * one runs the generation just rendered.
   */
  private static Optional<Long> sparkSaysRunning(StreamingPipelineStatus status, long generation) {
    return isTrue(status, StatusAggregator.READY) ? Optional.of(generation) : Optional.empty();
  }

  private static boolean isTrue(StreamingPipelineStatus status, String type) {
    return condition(status, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private static Optional<PipelineCondition> condition(
      StreamingPipelineStatus status, String type) {
    return status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
