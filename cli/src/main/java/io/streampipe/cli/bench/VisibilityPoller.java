package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Finds when sampled rows become readable: every {@link #INTERVAL_MILLIS} it asks Cassandra, in one
 * {@code SELECT id … WHERE id IN ?}, which of the oldest pending sample ids are there. A latency is
 * taken when the answer arrives, so it overstates the truth by at most one interval plus one query.
 */
final class VisibilityPoller {
  static final long INTERVAL_MILLIS = 50;
  private static final int MAX_IDS_PER_QUERY = 100;

  /** A sampled event: its id and when the producer sent it. */
  record Sample(UUID id, long sentNanos) {}

  private final CqlSession session;
  private final PreparedStatement select;
  private final Queue<Sample> sent = new ConcurrentLinkedQueue<>();
  private final List<Sample> pending = new ArrayList<>();
  private final List<Long> latenciesMillis = new ArrayList<>();

  VisibilityPoller(CqlSession session, String qualifiedTable) {
    this.session = session;
    this.select = session.prepare("SELECT id FROM " + qualifiedTable + " WHERE id IN ?");
  }

  /** Called by the producing thread. */
  void sampled(UUID id, long sentNanos) {
    sent.add(new Sample(id, sentNanos));
  }

  /** Polls until nothing is pending after {@code producing} turned false, or the deadline. */
  List<Long> run(java.util.function.BooleanSupplier producing, long deadlineNanos)
      throws InterruptedException {
    while (System.nanoTime() < deadlineNanos) {
      boolean more = producing.getAsBoolean();
      drainSent();
      if (!more && pending.isEmpty()) {
        break;
      }
      pollOnce();
      Thread.sleep(INTERVAL_MILLIS);
    }
    return List.copyOf(latenciesMillis);
  }

  int unseen() {
    drainSent();
    return pending.size();
  }

  private void drainSent() {
    for (Sample sample = sent.poll(); sample != null; sample = sent.poll()) {
      pending.add(sample);
    }
  }

  private void pollOnce() {
    if (pending.isEmpty()) {
      return;
    }
    List<Sample> oldest = pending.subList(0, Math.min(MAX_IDS_PER_QUERY, pending.size()));
    List<UUID> ids = oldest.stream().map(Sample::id).toList();
    Set<UUID> found = new HashSet<>();
    for (Row row : session.execute(select.bind(ids))) {
      found.add(row.getUuid(0));
    }
    long now = System.nanoTime();
    pending.removeIf(
        sample -> {
          if (!found.contains(sample.id())) {
            return false;
          }
          latenciesMillis.add((now - sample.sentNanos()) / 1_000_000);
          return true;
        });
  }
}
