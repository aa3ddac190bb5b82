package io.streampipe.ingest;

import java.time.Duration;

/**
 * Holds the state a source reached and saves it at most once a {@code period}, each time after a
 * flush, so a saved cursor never points past a record Kafka has not acknowledged. A crash repeats
 * at most one period of records; the job's dedup collapses them.
 */
final class StateKeeper {
  private final StateStore store;
  private final TopicWriter writer;
  private final long periodNanos;
  private IngestState current;
  private IngestState saved;
  private long savedAt = System.nanoTime();

  StateKeeper(StateStore store, TopicWriter writer, Duration period) {
    this.store = store;
    this.writer = writer;
    this.periodNanos = period.toNanos();
    this.current = store.load();
    this.saved = current;
  }

  synchronized IngestState current() {
    return current;
  }

  synchronized void update(IngestState state) {
    current = state;
    if (System.nanoTime() - savedAt >= periodNanos) {
      saveNow();
    }
  }

  /** Flushes and saves whatever changed, now: at stop, or when a source must not wait. */
  synchronized void saveNow() {
    if (!current.equals(saved)) {
      writer.flush();
      store.save(current);
      saved = current;
    }
    savedAt = System.nanoTime();
  }
}
