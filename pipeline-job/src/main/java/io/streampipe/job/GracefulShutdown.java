package io.streampipe.job;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.util.ShutdownHookManager;

/**
 * Stops the pipeline gracefully on SIGTERM. The hook goes into Hadoop's ShutdownHookManager, which
 * Spark also uses, at a priority above Spark's own (40): hooks there run one after another by
 * priority, so the batch in flight finishes before Spark tears the SparkContext down. A plain JVM
 * hook would run concurrently with Spark's and lose that race.
 */
public final class GracefulShutdown {
  static final int PRIORITY = 100;

  private GracefulShutdown() {}

  public static void install(RunningPipeline pipeline, Duration stopWait) {
    Runnable stop =
        () -> {
          if (pipeline.isActive()) {
            System.err.println(
                "shutting down: stopping pipeline " + pipeline.name() + " after its batch");
            pipeline.stop(stopWait);
          }
        };
    ShutdownHookManager.get()
        .addShutdownHook(stop, PRIORITY, stopWait.toMillis() + 5_000, TimeUnit.MILLISECONDS);
  }
}
