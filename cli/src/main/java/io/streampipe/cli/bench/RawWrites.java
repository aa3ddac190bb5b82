package io.streampipe.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The raw write ceiling: the Java driver alone, async prepared INSERTs of typed values into the
 * pipeline's own table, a bounded number in flight. Nothing the job does can beat this.
 */
final class RawWrites {
  private final CqlSession session;
  private final PreparedStatement insert;
  private final int maxInFlight;

  RawWrites(CqlSession session, String upsertCql, int maxInFlight) {
    this.session = session;
    this.insert = session.prepare(upsertCql);
    this.maxInFlight = maxInFlight;
  }

  /** Writes every row and returns rows per second from the first send to the last answer. */
  double write(List<Object[]> rows) throws InterruptedException {
    Semaphore permits = new Semaphore(maxInFlight);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long started = System.nanoTime();
    for (Object[] row : rows) {
      permits.acquire();
      session
          .executeAsync(bind(row))
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
                permits.release();
              });
    }
    permits.acquire(maxInFlight);
    long elapsed = System.nanoTime() - started;
    if (failure.get() != null) {
      throw new IllegalStateException("a raw write failed", failure.get());
    }
    return Stats.perSecond(rows.size(), elapsed);
  }

  /** Absent values stay unset, as the job leaves them. */
  private com.datastax.oss.driver.api.core.cql.BoundStatement bind(Object[] row) {
    BoundStatementBuilder statement = insert.boundStatementBuilder();
    for (int i = 0; i < row.length; i++) {
      Object value = row[i];
      if (value instanceof String text) {
        statement.setString(i, text);
      } else if (value instanceof UUID id) {
        statement.setUuid(i, id);
      } else if (value instanceof Instant instant) {
        statement.setInstant(i, instant);
      } else if (value != null) {
        statement.set(i, value, (Class<Object>) value.getClass());
      }
    }
    return statement.setIdempotence(true).build();
  }
}
