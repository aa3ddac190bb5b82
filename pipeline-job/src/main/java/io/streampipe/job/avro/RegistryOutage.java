package io.streampipe.job.avro;

import io.streampipe.provisioning.registry.RegistryUnavailableException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a registry that does not answer, however long: the task, and so the stream, stalls and
 * resumes by itself once the registry is back, rather than failing the query or dead-lettering
 * records that may be good. The stall shows as the operator's {@code Stalled}, and here as a WARN
 * when it starts and every {@link #REPORT_EVERY}, and an INFO when it ends. A stopped query
 * interrupts the task, which then gives up with the last error.
 */
final class RegistryOutage {
  static final Duration REPORT_EVERY = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(RegistryOutage.class);

  private RegistryOutage() {}

  static <T> T await(Supplier<T> call, Duration pause) {
    long start = 0;
    long reported = 0;
    while (true) {
      try {
        T answer = call.get();
        if (start != 0) {
          LOG.info("schema registry answers again after {} s", seconds(start));
        }
        return answer;
      } catch (RegistryUnavailableException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw e;
        }
        long now = System.nanoTime();
        if (start == 0) {
          start = now;
        }
        if (reported == 0 || now - reported >= REPORT_EVERY.toNanos()) {
          reported = now;
          LOG.warn(
              "waiting for the schema registry, unreachable for {} s: {}",
              seconds(start),
              e.getMessage());
        }
        sleep(pause, e);
      }
    }
  }

  private static long seconds(long since) {
    return Duration.ofNanos(System.nanoTime() - since).toSeconds();
  }

  private static void sleep(Duration pause, RegistryUnavailableException last) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw last;
    }
  }
}
