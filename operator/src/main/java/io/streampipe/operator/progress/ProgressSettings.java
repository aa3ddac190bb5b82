package io.streampipe.operator.progress;

import java.time.Duration;
import java.util.Map;

/**
 * How the operator observes the jobs' progress endpoints.
 *
 * @param period how often each pipeline's endpoint is polled
 * @param timeout how long one request may take, connecting included
 * @param endpoints where a pipeline's endpoint is; the driver Service in production
 */
public record ProgressSettings(Duration period, Duration timeout, ProgressEndpoints endpoints) {

  public static ProgressSettings fromEnv(Map<String, String> env) {
    return new ProgressSettings(
        Duration.ofSeconds(
            Long.parseLong(env.getOrDefault("STREAMPIPE_PROGRESS_POLL_SECONDS", "30"))),
        Duration.ofMillis(
            Long.parseLong(env.getOrDefault("STREAMPIPE_PROGRESS_TIMEOUT_MILLIS", "2000"))),
        ProgressEndpoints.SERVICE);
  }

  /** The same, reading endpoints elsewhere (a test's loopback port). */
  public ProgressSettings withEndpoints(ProgressEndpoints other) {
    return new ProgressSettings(period, timeout, other);
  }

  public ProgressSettings withPeriod(Duration other) {
    return new ProgressSettings(other, timeout, endpoints);
  }
}
