package io.streampipe.operator.status;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
   * @param lastIdleTime when the job last found nothing new to read, null before
   * @param lag records behind, null when unknown
   * @param seen when the operator first saw this read
   * @param batchSeen when the operator first saw this {@code lastBatchId} and {@code lastIdleTime}:
   *     the last time the job was seen to move, by a batch or by an idle trigger
   */
  public record Sample(
      Long lastBatchId, String lastIdleTime, Long lag, Instant seen, Instant batchSeen) {}

  private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

  /**
   * Records a read (if it differs from the last) and returns the pipeline's samples, oldest first.
   */
  public List<Sample> record(String uid, Long lastBatchId, Long lag, Instant now) {
    return record(uid, lastBatchId, null, lag, now);
  }

  /** The same, with the job's last idle trigger. */
  public List<Sample> record(
      String uid, Long lastBatchId, String lastIdleTime, Long lag, Instant now) {
    Deque<Sample> kept = samples.computeIfAbsent(uid, k -> new ArrayDeque<>());
    synchronized (kept) {
      Sample last = kept.peekLast();
      boolean moved =
          last == null
              || !Objects.equals(last.lastBatchId(), lastBatchId)
              || !Objects.equals(last.lastIdleTime(), lastIdleTime);
      if (moved || !Objects.equals(last.lag(), lag)) {
        kept.addLast(
            new Sample(lastBatchId, lastIdleTime, lag, now, moved ? now : last.batchSeen()));
        while (kept.size() > KEPT) {
          kept.removeFirst();
        }
      }
      return List.copyOf(kept);
    }
  }

  /** When the pipeline's job was last seen to move (a batch or an idle trigger). */
  public Optional<Instant> lastMove(String uid) {
    Deque<Sample> kept = samples.get(uid);
    if (kept == null) {
      return Optional.empty();
    }
    synchronized (kept) {
      return Optional.ofNullable(kept.peekLast()).map(Sample::batchSeen);
    }
  }

  public void forget(String uid) {
    samples.remove(uid);
  }

  public int size() {
    return samples.size();
  }
}
