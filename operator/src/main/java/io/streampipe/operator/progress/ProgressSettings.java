package io.streampipe.operator.progress;

import java.time.Duration;
import java.util.Map;

/**
 * How the operator observes the jobs' progress endpoints.
 *
 * @param period how often each pipeline's endpoint is polled
 * @param timeout how long one request may take, connecting included
 * @param endpoints where a pipeline's endpoint is; the driver Service in production
 * @param stallFloor the least time without a completed batch that counts as a stall (2 min; a
 *     test's shorter one lets it see a stall soon)
 */
public record ProgressSettings(
    Duration period, Duration timeout, ProgressEndpoints endpoints, Duration stallFloor) {

  public static ProgressSettings fromEnv(Map<String, String> env) {
    return new ProgressSettings(
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("STREAMPIPE_PROGRESS_POLL_SECONDS", "30"))),
        Duration.ofMillis(
            Long.parseLong(env.getOrDefault("STREAMPIPE_PROGRESS_TIMEOUT_MILLIS", "2000"))),
        ProgressEndpoints.SERVICE,
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("STREAMPIPE_STALL_FLOOR_SECONDS", "120"))));
  }

  /** The same, reading endpoints elsewhere (a test's loopback port). */
  public ProgressSettings withEndpoints(ProgressEndpoints other) {
    return new ProgressSettings(period, timeout, other, stallFloor);
  }

  public ProgressSettings withPeriod(Duration other) {
    return new ProgressSettings(other, timeout, endpoints, stallFloor);
  }

  public ProgressSettings withStallFloor(Duration other) {
    return new ProgressSettings(period, timeout, endpoints, other);
  }
}
