package io.streampipe.operator;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.micrometer.core.instrument.Timer;
import io.streampipe.api.Durations;
import io.streampipe.api.v1alpha1.BudgetAction;
import io.streampipe.api.v1alpha1.BudgetSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.api.validation.Problem;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.progress.ProgressObservation;
import io.streampipe.operator.progress.ProgressTimers;
import io.streampipe.operator.quality.BudgetHistory;
import io.streampipe.operator.quality.BudgetOutcome;
import io.streampipe.operator.quality.DeadLetterWindow;
import io.streampipe.operator.source.OptionalApis;
import io.streampipe.operator.status.Observations;
import io.streampipe.operator.status.ProgressHistory;
import io.streampipe.operator.status.ProgressStatus;
import io.streampipe.operator.status.ProgressVerdicts;
import io.streampipe.operator.status.ReadyGate;
import io.streampipe.operator.status.Reason;
import io.streampipe.operator.status.StatusAggregator;
import io.streampipe.operator.status.SuspensionStatus;
import io.streampipe.operator.suspend.Suspension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Builds a pipeline's new status from what one reconcile observed: its parts from the informers'
 * caches and polled observations, and the job's progress from the last read of its endpoint.
 */
final class PipelineObserver {
  private final OperatorConfig config;
  private final OptionalApis apis;
  private final Clock clock;
  private final ProgressHistory history = new ProgressHistory();
  private final Map<String, Instant> nextJudgement = new ConcurrentHashMap<>();
  private final BudgetHistory budgets = new BudgetHistory();

  PipelineObserver(OperatorConfig config, OptionalApis apis, Clock clock) {
    this.config = config;
    this.apis = apis;
    this.clock = clock;
  }

  /** Forgets a deleted pipeline's progress reads. */
  void forget(StreamingPipeline pipeline) {
    history.forget(pipeline.getMetadata().getUid());
    budgets.forget(pipeline.getMetadata().getUid());
    nextJudgement.remove(pipeline.getMetadata().getUid());
  }

  /**
   * Whether the job of a pipeline about to run {@code running} is to run, judging its budget from
   * the last progress read; put into the workflow context for the SparkApplication's precondition.
   */
  void suspension(
      StreamingPipeline pipeline, ResolvedPipeline running, Context<StreamingPipeline> context) {
    Instant now = clock.instant();
    StreamingPipelineStatus before = pipeline.getStatus();
    boolean specSuspend = Boolean.TRUE.equals(running.spec().getSuspend());
    boolean held = Suspension.heldByBudget(pipeline);
    if (!specSuspend && !held && SuspensionStatus.suspended(before)) {
      // Resuming: the new job counts from zero, and what the stopped one did is judged no more.
      budgets.restarted(running.uid(), now);
    }
    BudgetSpec budget = running.spec().getQuality().getBudget();
    Optional<BudgetOutcome> judged = Optional.empty();
    if (budget != null && !specSuspend && !held) {
      Duration window = Durations.require(budget.getWindow());
      List<DeadLetterWindow.Interval> intervals =
          context
              .getSecondaryResource(ProgressObservation.class)
              .flatMap(ProgressObservation::progress)
              .map(p -> budgets.record(running.uid(), DeadLetterWindow.Reading.of(p, now), window))
              .orElseGet(() -> budgets.intervals(running.uid(), window, now));
      judged =
          Optional.of(BudgetOutcome.of(DeadLetterWindow.tally(intervals, window, now), budget));
    }
    Suspension decided =
        Suspension.decide(
            specSuspend,
            before == null ? null : before.getBudgetSuspendedGeneration(),
            pipeline.getMetadata().getGeneration(),
            budget != null,
            judged,
            budget != null && budget.getOnExceeded() == BudgetAction.Suspend);
    if (decided.suspended()) {
      // The restarted job's batch ids continue from the checkpoint: not a stall.
      history.forget(running.uid());
    }
    context.managedWorkflowAndDependentResourceContext().put(Suspension.class, decided);
  }

  /** The status of a pipeline running {@code running}; {@code problems} are its current spec's. */
  StreamingPipelineStatus observe(
      StreamingPipelineStatus before,
      ResolvedPipeline running,
      long generation,
      List<Problem> problems,
      Context<StreamingPipeline> context) {
    Instant now = clock.instant();
    StreamingPipelineStatus after =
        StatusAggregator.aggregate(
            before,
            Observations.of(
                running,
                generation,
                apis.topicVersion(),
                config.checkpointBindGrace(),
                now,
                context),
            problems,
            now);
    Timer.Sample observing = Timer.start();
    Optional<ProgressObservation> read = context.getSecondaryResource(ProgressObservation.class);
    List<ProgressHistory.Sample> samples =
        read.flatMap(ProgressObservation::progress)
            .map(
                p ->
                    history.record(
                        running.uid(), p.getLastBatchId(), p.getLastIdleTime(), p.getLag(), now))
            .orElse(List.of());
    boolean metrics = running.spec().getMonitoring().getPrometheus().isEnabled();
    ProgressStatus.Input progress = progressInput(running, read, samples);
    ProgressStatus.apply(after, before, progress, now);
    judgeAgain(running, after, progress, now);
    ReadyGate.apply(after, before, generation, metrics, now);
    observing.stop(ProgressTimers.OBSERVE);
    // Decided for a spec about to be applied; an invalid one's path carries the last decision.
    context
        .managedWorkflowAndDependentResourceContext()
        .get(Suspension.class, Suspension.class)
        .ifPresent(s -> SuspensionStatus.apply(after, before, s, now));
    return after;
  }

  /**
   * How long until the pipeline's progress is next judged on time alone (see {@link #judgeAgain}),
   * as its last observation found; empty when nothing waits.
   */
  Optional<Duration> untilNextJudgement(StreamingPipeline pipeline) {
    return Optional.ofNullable(nextJudgement.get(pipeline.getMetadata().getUid()))
        .map(at -> Duration.between(clock.instant(), at))
        .filter(d -> !d.isNegative() && !d.isZero());
  }

  /**
   * Notes when the progress of {@code running} is next to be judged on time alone: when a job that
   * stops moving would be stalled, or when a failed read of a job that has just started counts as
   * unreachable. An unchanged progress read wakes no reconcile, so the reconciler asks to be called
   * again then, whichever path (valid, invalid, held) observed the running job.
   */
  private void judgeAgain(
      ResolvedPipeline running,
      StreamingPipelineStatus after,
      ProgressStatus.Input progress,
      Instant now) {
    Duration bound = ProgressVerdicts.stallBound(progress.trigger(), progress.stallFloor());
    Optional<Instant> stall =
        history.lastMove(running.uid()).map(seen -> seen.plus(bound).plusSeconds(1));
    Optional<Instant> at =
        Stream.concat(stall.stream(), ProgressStatus.startGraceEnds(after, progress).stream())
            .filter(instant -> instant.isAfter(now))
            .min(Comparator.naturalOrder());
    if (at.isPresent()) {
      nextJudgement.put(running.uid(), at.get());
    } else {
      nextJudgement.remove(running.uid());
    }
  }

  private ProgressStatus.Input progressInput(
      ResolvedPipeline running,
      Optional<ProgressObservation> read,
      List<ProgressHistory.Sample> samples) {
    var progress = config.progress();
    return new ProgressStatus.Input(
        running.spec().getMonitoring().getPrometheus().isEnabled(),
        read,
        samples,
        Durations.require(running.spec().getProcessing().getTrigger()),
        progress.stallFloor(),
        // The next poll reads the driver's endpoint within a period, answer or timeout.
        progress.period().plus(progress.timeout()));
  }

  /**
   * The status of a pipeline whose spec is invalid: the workflow is not run, the last good spec
   * keeps running and is observed as such; without one, only the problems are reported.
   */
  StreamingPipelineStatus invalid(
      StreamingPipeline pipeline,
      StreamingPipelineStatus before,
      List<Problem> problems,
      Context<StreamingPipeline> context) {
    long generation = pipeline.getMetadata().getGeneration();
    return LastGoodSpec.of(pipeline, context.getSecondaryResource(ConfigMap.class), config)
        .map(good -> observe(before, good, generation, problems, context))
        .map(after -> SuspensionStatus.carry(after, before, clock.instant()))
        .orElseGet(() -> StatusAggregator.invalid(before, generation, problems, clock.instant()));
  }

  /**
   * The status of a pipeline whose valid new spec the change gate holds back: observed like an
   * invalid one, the last good spec running, with Ready saying why the change waits.
   */
  StreamingPipelineStatus held(
      StreamingPipeline pipeline,
      StreamingPipelineStatus before,
      Reason reason,
      String message,
      Context<StreamingPipeline> context) {
    long generation = pipeline.getMetadata().getGeneration();
    Instant now = clock.instant();
    return LastGoodSpec.of(pipeline, context.getSecondaryResource(ConfigMap.class), config)
        .map(
            good ->
                ReadyGate.held(
                    observe(before, good, generation, List.of(), context),
                    before,
                    reason,
                    message,
                    now))
        .orElseGet(() -> StatusAggregator.held(before, generation, reason, message, now));
  }
}
