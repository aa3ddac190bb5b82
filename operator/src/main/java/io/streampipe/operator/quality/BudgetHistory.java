package io.streampipe.operator.quality;

import io.streampipe.operator.quality.DeadLetterWindow.Interval;
import io.streampipe.operator.quality.DeadLetterWindow.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each pipeline's recent dead-letter work, in memory by uid: the last read and the intervals since
 * the window began. At most {@link #KEPT} intervals a pipeline: past that the two oldest merge, so
 * a long window costs resolution at its old end, not memory. Empty after an operator restart: the
 * first read is then a baseline, and a budget is judged from the reads after it.
 */
public final class BudgetHistory {
  /** Twenty minutes of reads at the 30 s poll before the oldest merge. */
  public static final int KEPT = 40;

  private static final class Kept {
    private Reading last;
    private final Deque<Interval> intervals = new ArrayDeque<>();
  }

  private final Map<String, Kept> pipelines = new ConcurrentHashMap<>();

  /** Records a read and returns the intervals that ended within the window, oldest first. */
  public List<Interval> record(String uid, Reading reading, Duration window) {
    Kept kept = pipelines.computeIfAbsent(uid, k -> new Kept());
    synchronized (kept) {
      if (kept.last != null && !kept.last.sameCounts(reading)) {
        kept.intervals.addLast(DeadLetterWindow.between(kept.last, reading));
      }
      if (kept.last == null || !kept.last.sameCounts(reading)) {
        kept.last = reading;
      }
      return trimmed(kept, window, reading.at());
    }
  }

  /** The intervals that ended within the window, without a new read. */
  public List<Interval> intervals(String uid, Duration window, Instant now) {
    Kept kept = pipelines.get(uid);
    if (kept == null) {
      return List.of();
    }
    synchronized (kept) {
      return trimmed(kept, window, now);
    }
  }

  /**
   * The job was stopped: its next start counts from zero, and what it did before is judged no more.
   */
  public void restarted(String uid, Instant at) {
    Kept kept = new Kept();
    kept.last = Reading.start(at);
    pipelines.put(uid, kept);
  }

  public void forget(String uid) {
    pipelines.remove(uid);
  }

  public int size() {
    return pipelines.size();
  }

  private static List<Interval> trimmed(Kept kept, Duration window, Instant now) {
    kept.intervals.removeIf(i -> !DeadLetterWindow.within(i, window, now));
    while (kept.intervals.size() > KEPT) {
      Interval oldest = kept.intervals.removeFirst();
      kept.intervals.addFirst(oldest.then(kept.intervals.removeFirst()));
    }
    return List.copyOf(kept.intervals);
  }
}
