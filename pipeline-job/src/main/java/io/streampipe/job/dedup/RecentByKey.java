package io.streampipe.job.dedup;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collapses repeats of a key that arrive close together, in a window of the most recent keys, and
 * hands every other record on as soon as it leaves the window: writes start with the first records
 * instead of after the last, and memory stays bounded whatever the batch size. A repeat further
 * apart than the window is handed on again; that is harmless when the sink resolves repeats by
 * write time. Records leave in the order their key was first seen.
 */
public final class RecentByKey<T> {
  private final int window;
  private final Consumer<T> out;
  private final LinkedHashMap<Object, Entry<T>> recent = new LinkedHashMap<>();
  private long duplicates;

  private record Entry<T>(long order, T item) {}

  /**
   * @param window how many distinct keys to hold back at most
   * @param out receives each record that leaves the window
   */
  public RecentByKey(int window, Consumer<T> out) {
    this.window = window;
    this.out = out;
  }

  /** Offers a record; {@code order} decides which of two repeats is the latest. */
  public void offer(Object key, long order, T item) {
    Entry<T> previous = recent.get(key);
    if (previous != null) {
      duplicates++;
      if (order > previous.order) {
        recent.put(key, new Entry<>(order, item));
      }
      return;
    }
    recent.put(key, new Entry<>(order, item));
    if (recent.size() > window) {
      Iterator<Map.Entry<Object, Entry<T>>> eldest = recent.entrySet().iterator();
      out.accept(eldest.next().getValue().item());
      eldest.remove();
    }
  }

  /** Hands on every record still held. */
  public void flush() {
    recent.values().forEach(entry -> out.accept(entry.item()));
    recent.clear();
  }

  /** How many records were collapsed into a later or earlier repeat. */
  public long duplicates() {
    return duplicates;
  }
}
