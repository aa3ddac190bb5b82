package io.streampipe.job.dedup;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collapses repeats of a key to the latest record: the highest offset, the partition breaking ties
 * (offsets of different partitions are not comparable, but the order is total and the same on every
 * replay, so a replayed batch keeps the same record).
 */
public final class LatestByKey<T> {
  // Insertion order: keys are written in the order first seen, so the oldest records land first.
  private final Map<String, Entry<T>> latest = new LinkedHashMap<>();
  private long duplicates;

  private record Entry<T>(int partition, long offset, T item) {}

  public void offer(String key, int partition, long offset, T item) {
    Entry<T> candidate = new Entry<>(partition, offset, item);
    Entry<T> previous = latest.putIfAbsent(key, candidate);
    if (previous == null) {
      return;
    }
    duplicates++;
    if (offset > previous.offset || (offset == previous.offset && partition > previous.partition)) {
      latest.put(key, candidate);
    }
  }

  /** How many records were dropped as repeats. */
  public long duplicates() {
    return duplicates;
  }

  public int size() {
    return latest.size();
  }

  public Iterable<T> items() {
    Collection<Entry<T>> entries = latest.values();
    return () -> entries.stream().map(Entry::item).iterator();
  }
}
