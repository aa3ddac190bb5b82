package io.streampipe.operator.status;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last few distinct progress reads of each pipeline, in memory, keyed by the pipeline's uid:
 * what "lag grows" and "no batch for so long" are judged on. At most {@link #KEPT} samples a
 * pipeline; forgotten when the pipeline goes. After an operator restart it starts empty, so a stall
 * is noticed one bound after the restart at the latest.
 */
public final class ProgressHistory {
  /** Samples kept per pipeline: the lag-growth window. */
  public static final int KEPT = ProgressVerdicts.LAG_GROWTH_READS;

  /**
   * One distinct read.
   *
   * @param lastBatchId the job's last completed batch, null before the first
   * @param lag records behind, null when unknown
   * @param seen when the operator first saw this read
   * @param batchSeen when the operator first saw this {@code lastBatchId}
   */
  public record Sample(Long lastBatchId, Long lag, Instant seen, Instant batchSeen) {}

  private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

  /**
   * Records a read (if it differs from the last) and returns the pipeline's samples, oldest first.
   */
  public List<Sample> record(String uid, Long lastBatchId, Long lag, Instant now) {
    Deque<Sample> kept = samples.computeIfAbsent(uid, k -> new ArrayDeque<>());
    synchronized (kept) {
      Sample last = kept.peekLast();
      if (last == null
          || !java.util.Objects.equals(last.lastBatchId(), lastBatchId)
          || !java.util.Objects.equals(last.lag(), lag)) {
        boolean sameBatch =
            last != null && java.util.Objects.equals(last.lastBatchId(), lastBatchId);
        kept.addLast(new Sample(lastBatchId, lag, now, sameBatch ? last.batchSeen() : now));
        while (kept.size() > KEPT) {
          kept.removeFirst();
        }
      }
      return List.copyOf(kept);
    }
  }

  public void forget(String uid) {
    samples.remove(uid);
  }

  public int size() {
    return samples.size();
  }
}
