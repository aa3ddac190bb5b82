package io.streampipe.job.write;

import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When and how soon a failed Cassandra write is tried again: errors of reach or load (no node,
 * timeouts, overload, unavailable) are retried with exponential back-off; errors of the statement
 * itself (invalid query, unauthorized, no codec) would fail again and are not. Upserts carry their
 * own write time, so sending one twice changes nothing.
 */
final class WriteRetry {
  static final long FIRST_BACKOFF_MILLIS = 100;
  static final long MAX_BACKOFF_MILLIS = 5_000;

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "streampipe-write-retry");
            thread.setDaemon(true);
            return thread;
          });

  private WriteRetry() {}

  static boolean retryable(Throwable error) {
    return error instanceof DriverException
        && !(error instanceof QueryValidationException)
        && !(error instanceof CodecNotFoundException);
  }

  /**
   * Whether the node took too long or said it is overloaded: a sign to keep fewer writes in flight
   * ({@link WriteConcurrency}), unlike a node that is down or a statement that is wrong.
   */
  static boolean overload(Throwable error) {
    return error instanceof WriteTimeoutException
        || error instanceof OverloadedException
        || error instanceof DriverTimeoutException;
  }

  /**
   * The wait before attempt {@code attempt + 1}, the first retry being attempt 1: between half and
   * all of an exponential ceiling. The jitter matters under overload: the writes that timed out
   * together would otherwise come back together and time out together again.
   */
  static long backoffMillis(int attempt) {
    return backoffMillis(attempt, ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param random uniform in [0, 1)
   */
  static long backoffMillis(int attempt, double random) {
    long ceiling = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 20));
    return ceiling / 2 + (long) (random * (ceiling - ceiling / 2));
  }

  static void later(long millis, Runnable task) {
    TIMER.schedule(task, millis, TimeUnit.MILLISECONDS);
  }
}
