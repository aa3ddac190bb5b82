package io.streampipe.operator.status;

import io.streampipe.api.v1alpha1.PipelineCondition;
import io.streampipe.api.v1alpha1.StreamingPipelineStatus;
import io.streampipe.operator.quality.BudgetOutcome;
import io.streampipe.operator.suspend.Suspension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a pipeline's suspension and data-quality budget into its status, as pure logic, after the
 * other conditions: {@code Suspended} (present once a pipeline was first suspended), {@code
 * DataQuality} (present while the spec has a budget), and what a stopped job means for {@code
 * JobRunning}, {@code Progressing} and {@code Ready}. An over-budget pipeline is not Ready.
 */
public final class SuspensionStatus {
  public static final String SUSPENDED = "Suspended";
  public static final String DATA_QUALITY = "DataQuality";

  private SuspensionStatus() {}

  /**
   * @param status the status built from this reconcile's other observations; changed in place
   * @param previous the status before this reconcile
   */
  public static StreamingPipelineStatus apply(
      StreamingPipelineStatus status,
      StreamingPipelineStatus previous,
      Suspension suspension,
      Instant now) {
    status.setBudgetSuspendedGeneration(suspension.budgetGeneration());
    dataQuality(status, previous, suspension, now);
    if (suspension.suspended()) {
      String why =
          suspension.cause() == Suspension.Cause.SPEC
              ? "spec.suspend is true"
              : "the data-quality budget was exceeded at generation "
                  + suspension.budgetGeneration()
                  + "; a change to the spec resumes it";
      StatusAggregator.put(
          status,
          previous,
          SUSPENDED,
          Verdict.ok(
              suspension.cause() == Suspension.Cause.SPEC
                  ? Reason.SuspendRequested
                  : Reason.BudgetExceeded,
              "the job is stopped (" + why + "); topics, table, checkpoint and ingester are kept"),
          now);
      stopped(status, previous, why, now);
    } else {
      if (find(previous, SUSPENDED).isPresent()) {
        StatusAggregator.put(
            status,
            previous,
            SUSPENDED,
            Verdict.notOk(Reason.Resumed, "the job runs again from its checkpoint"),
            now);
      }
      overBudget(status, previous, now);
    }
    return status;
  }

  /**
   * The status of a pipeline whose new spec was not applied (invalid): the suspension and budget
   * stay as they were last decided, the job being untouched.
   */
  public static StreamingPipelineStatus carry(
      StreamingPipelineStatus status, StreamingPipelineStatus previous, Instant now) {
    status.setBudgetSuspendedGeneration(
        previous == null ? null : previous.getBudgetSuspendedGeneration());
    find(previous, DATA_QUALITY).ifPresent(c -> keep(status, c));
    Optional<PipelineCondition> suspended = find(previous, SUSPENDED);
    suspended.ifPresent(c -> keep(status, c));
    if (suspended.filter(c -> "True".equals(c.getStatus())).isPresent()) {
      stopped(status, previous, "suspended as before, the new spec not being applied", now);
    }
    return status;
  }

  /** Whether a status says the job was stopped. */
  public static boolean suspended(StreamingPipelineStatus status) {
    return find(status, SUSPENDED).filter(c -> "True".equals(c.getStatus())).isPresent();
  }

  private static void dataQuality(
      StreamingPipelineStatus status,
      StreamingPipelineStatus previous,
      Suspension suspension,
      Instant now) {
    if (!suspension.budgetSet()) {
      return;
    }
    if (suspension.budget().isEmpty()) {
      // Nothing new to judge while the job is stopped: the last verdict stands.
      find(previous, DATA_QUALITY).ifPresent(c -> keep(status, c));
      return;
    }
    BudgetOutcome outcome = suspension.budget().get();
    Verdict verdict =
        outcome.exceeded()
            ? Verdict.notOk(
                Reason.BudgetExceeded,
                outcome.message()
                    + (suspension.cause() == Suspension.Cause.BUDGET
                        ? "; the job is suspended"
                        : ""))
            : Verdict.ok(Reason.WithinBudget, outcome.message());
    StatusAggregator.put(status, previous, DATA_QUALITY, verdict, now);
  }

  private static void stopped(
      StreamingPipelineStatus status, StreamingPipelineStatus previous, String why, Instant now) {
    StatusAggregator.put(
        status,
        previous,
        StatusAggregator.JOB_RUNNING,
        Verdict.notOk(Reason.Suspended, "the job is stopped: " + why),
        now);
    StatusAggregator.put(
        status,
        previous,
        ProgressStatus.PROGRESSING,
        Verdict.notOk(
            Reason.Suspended, "the job is stopped; the figures shown are its last before it"),
        now);
    if (find(status, StatusAggregator.READY).filter(c -> !isInvalid(c)).isPresent()) {
      StatusAggregator.put(
          status,
          previous,
          StatusAggregator.READY,
          Verdict.notOk(Reason.Suspended, "suspended: " + why),
          now);
    }
  }

  /** An over-budget pipeline is not Ready; a pipeline not Ready for another reason says that. */
  private static void overBudget(
      StreamingPipelineStatus status, StreamingPipelineStatus previous, Instant now) {
    Optional<PipelineCondition> quality =
        find(status, DATA_QUALITY).filter(c -> !"True".equals(c.getStatus()));
    boolean ready =
        find(status, StatusAggregator.READY).filter(c -> "True".equals(c.getStatus())).isPresent();
    if (quality.isPresent() && ready) {
      StatusAggregator.put(
          status,
          previous,
          StatusAggregator.READY,
          Verdict.notOk(
              Reason.BudgetExceeded, "over the data-quality budget: " + quality.get().getMessage()),
          now);
    }
  }

  private static boolean isInvalid(PipelineCondition c) {
    return Reason.InvalidSpec.name().equals(c.getReason());
  }

  private static void keep(StreamingPipelineStatus status, PipelineCondition c) {
    List<PipelineCondition> conditions = new ArrayList<>(status.getConditions());
    conditions.removeIf(k -> k.getType().equals(c.getType()));
    conditions.add(c);
    status.setConditions(conditions);
  }

  private static Optional<PipelineCondition> find(StreamingPipelineStatus status, String type) {
    return status == null || status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
