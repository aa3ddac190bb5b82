package io.streampipe.operator.status;

import io.streampipe.operator.status.ProgressHistory.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Whether a running job makes progress, from its recent reads; pure. */
public final class ProgressVerdicts {
  /**
   * Consecutive distinct reads over which a strictly rising lag counts as growing: five reads at
   * the 30 s poll are two minutes of a job falling further behind, past a burst's noise.
   */
  public static final int LAG_GROWTH_READS = 5;

  /** The least time without a completed batch that counts as a stall, unless configured. */
  public static final Duration MIN_STALL = Duration.ofMinutes(2);

  private ProgressVerdicts() {}

  /** How long without a completed batch is a stall: {@code max(3 × trigger, 2 min)}. */
  public static Duration stallBound(Duration trigger) {
    return stallBound(trigger, MIN_STALL);
  }

  /** The same with another floor than 2 min: {@code max(3 × trigger, floor)}. */
  public static Duration stallBound(Duration trigger, Duration floor) {
    Duration three = trigger.multipliedBy(3);
    return three.compareTo(floor) > 0 ? three : floor;
  }

  /**
   * Judged only while the Spark operator says the job runs.
   *
   * @param history the pipeline's distinct reads, oldest first, the newest being the current one
   * @param bound how long without a completed batch is a stall
   */
  static Verdict of(List<Sample> history, Duration bound, Instant now) {
    Sample newest = history.get(history.size() - 1);
    if (!newest.batchSeen().plus(bound).isAfter(now)) {
      return Verdict.notOk(
          Reason.Stalled,
          (newest.lastBatchId() == null
                  ? "no batch has completed"
                  : "batch " + newest.lastBatchId() + " was the last to complete")
              + " for "
              + bound.toSeconds()
              + " s or more while the job runs");
    }
    if (growing(history)) {
      return Verdict.notOk(
          Reason.LagGrowing,
          "the lag grew over the last "
              + LAG_GROWTH_READS
              + " reads, from "
              + history.get(0).lag()
              + " to "
              + newest.lag()
              + " records");
    }
    if (newest.lastBatchId() != null) {
      return Verdict.ok(Reason.BatchesCompleting, "micro-batches complete");
    }
    // Restarted on its checkpoint with nothing new to read, a job runs no batch: it is caught up.
    return newest.lastIdleTime() == null
        ? Verdict.notOk(Reason.NoBatchYet, "the job runs and has not completed a batch yet")
        : Verdict.ok(Reason.CaughtUp, "the job runs and has no new record to read");
  }

  private static boolean growing(List<Sample> history) {
    if (history.size() < LAG_GROWTH_READS) {
      return false;
    }
    List<Sample> window = history.subList(history.size() - LAG_GROWTH_READS, history.size());
    for (int i = 1; i < window.size(); i++) {
      Long before = window.get(i - 1).lag();
      Long after = window.get(i).lag();
      if (before == null || after == null || after <= before) {
        return false;
      }
    }
    return true;
  }
}
