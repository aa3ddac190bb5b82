package io.streampipe.operator.progress;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * How long the operator spends on the jobs' progress, with p50 and p99: one read of an endpoint
 * (the poller's, or a reconcile's when it has none yet), and the progress part of a reconcile. On
 * Micrometer's global registry, to which {@link io.streampipe.operator.OperatorMain} adds its
 * Prometheus registry; without one they record nothing.
 */
public final class ProgressTimers {
  public static final Timer READ =
      timer("streampipe.progress.read", "One read of a job's progress endpoint.");
  public static final Timer OBSERVE =
      timer(
          "streampipe.progress.observe",
          "The progress part of a reconcile: the last read taken, Progressing and Ready judged.");

  private ProgressTimers() {}

  private static Timer timer(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentiles(0.5, 0.99)
        .percentilePrecision(2)
        .register(Metrics.globalRegistry);
  }
}
