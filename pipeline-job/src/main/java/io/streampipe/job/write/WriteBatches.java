package io.streampipe.job.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups rows into write batches: rows of one group (the nodes that own them) go together until the
 * batch reaches its row or byte limit, and are then handed on. A row with no group, or one too big
 * for any batch, is handed on alone. Pure bookkeeping, no I/O.
 *
 * @param <G> what rows must share to travel in one batch
 * @param <T> a row
 */
final class WriteBatches<G, T> {
  private final BatchLimits limits;
  private final Consumer<List<T>> out;
  private final Map<G, Pending<T>> pending = new HashMap<>();

  private static final class Pending<T> {
    private List<T> rows = new ArrayList<>();
    private long bytes;
  }

  WriteBatches(BatchLimits limits, Consumer<List<T>> out) {
    this.limits = limits;
    this.out = out;
  }

  /**
   * @param group null when the row's owners are unknown: it then goes alone
   * @param bytes the row's size as Cassandra counts it against its batch size thresholds
   */
  void add(G group, T row, long bytes) {
    if (group == null || !limits.batches() || bytes > limits.maxBytes()) {
      out.accept(List.of(row));
      return;
    }
    Pending<T> batch = pending.computeIfAbsent(group, g -> new Pending<>());
    if (batch.bytes + bytes > limits.maxBytes()) {
      send(batch);
    }
    batch.rows.add(row);
    batch.bytes += bytes;
    if (batch.rows.size() >= limits.maxRows()) {
      send(batch);
    }
  }

  /** Hands on every partly filled batch. */
  void flush() {
    pending.values().forEach(this::send);
    pending.clear();
  }

  private void send(Pending<T> batch) {
    if (!batch.rows.isEmpty()) {
      out.accept(batch.rows);
      batch.rows = new ArrayList<>();
      batch.bytes = 0;
    }
  }
}
