package io.streampipe.job;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asynchronous writes with a bounded number in flight: enough to keep Cassandra busy, few enough
 * not to drown it or the driver's queues. The first failure fails the task, so Spark retries the
 * batch rather than committing it.
 */
final class AsyncUpserts {
  private final CqlSession session;
  private final Semaphore permits;
  private final int maxInFlight;
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  AsyncUpserts(CqlSession session, int maxInFlight) {
    this.session = session;
    this.maxInFlight = maxInFlight;
    this.permits = new Semaphore(maxInFlight);
  }

  void write(Statement<?> statement) throws InterruptedException {
    permits.acquire();
    rethrow();
    session
        .executeAsync(statement)
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                failure.compareAndSet(null, error);
              } else {
                written.incrementAndGet();
              }
              permits.release();
            });
  }

  /** Waits for every write in flight; returns how many succeeded, or throws the first failure. */
  long finish() throws InterruptedException {
    permits.acquire(maxInFlight);
    permits.release(maxInFlight);
    rethrow();
    return written.get();
  }

  private void rethrow() {
    Throwable error = failure.get();
    if (error != null) {
      throw new IllegalStateException("a Cassandra write failed: " + error.getMessage(), error);
    }
  }
}
