package io.streampipe.operator.suspend;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.operator.StreamingPipeline;
import io.streampipe.operator.quality.BudgetOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a pipeline's job is to run, decided once a reconcile before the workflow: the
 * SparkApplication's precondition reads it, so a suspended job's application is deleted and the
 * Spark operator stops the driver gracefully. The rest of the pipeline stays.
 *
 * @param cause why the job is stopped, {@link Cause#NONE} when it runs
 * @param budgetGeneration the generation the budget suspended the job at, while that holds
 * @param budgetSet whether the running spec has a data-quality budget
 * @param budget the budget judged this reconcile; empty without a budget or while the job is
 *     stopped, when there is nothing new to judge
 */
public record Suspension(
    Cause cause, Long budgetGeneration, boolean budgetSet, Optional<BudgetOutcome> budget) {

  /** Why a job is stopped. */
  public enum Cause {
    NONE,
    SPEC,
    BUDGET
  }

  /** Running, without a budget: what a reconcile that decided nothing means. */
  public static final Suspension NONE = new Suspension(Cause.NONE, null, false, Optional.empty());

  public boolean suspended() {
    return cause != Cause.NONE;
  }

  /**
   * @param specSuspend the running spec's {@code suspend}
   * @param heldAt the generation the budget suspended the job at, from the status; null if none
   * @param generation the pipeline's generation now
   * @param suspendOnExceeded whether the budget says Suspend
   */
  public static Suspension decide(
      boolean specSuspend,
      Long heldAt,
      long generation,
      boolean budgetSet,
      Optional<BudgetOutcome> budget,
      boolean suspendOnExceeded) {
    // The operator does not write the user's spec: a budget suspension holds in the status until
    // the spec changes, whatever the change (a fixed rule, a larger budget, Warn).
    boolean held = heldAt != null && heldAt == generation;
    boolean trips =
        !specSuspend
            && !held
            && suspendOnExceeded
            && budget.map(BudgetOutcome::exceeded).orElse(false);
    Long budgetGeneration = held || trips ? generation : null;
    Cause cause = specSuspend ? Cause.SPEC : budgetGeneration != null ? Cause.BUDGET : Cause.NONE;
    return new Suspension(cause, budgetGeneration, budgetSet, budget);
  }

  /** Whether the budget still holds a pipeline's job stopped, from its status alone. */
  public static boolean heldByBudget(StreamingPipeline pipeline) {
    return pipeline.getStatus() != null
        && Objects.equals(
            pipeline.getStatus().getBudgetSuspendedGeneration(),
            pipeline.getMetadata().getGeneration());
  }

  /**
   * Whether a pipeline running {@code spec} has its job stopped; for pollers outside a reconcile.
   */
  public static boolean inEffect(StreamingPipeline pipeline, StreamingPipelineSpec spec) {
    return Boolean.TRUE.equals(spec.getSuspend()) || heldByBudget(pipeline);
  }

  /** This reconcile's decision, as the reconciler put it into the workflow context. */
  public static Suspension of(Context<StreamingPipeline> context) {
    return context
        .managedWorkflowAndDependentResourceContext()
        .get(Suspension.class, Suspension.class)
        .orElse(NONE);
  }
}
