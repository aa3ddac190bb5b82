package io.streampipe.operator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The operator's successive JVMs on one mock API server: started, killed -9 while it works, and
 * started again, as a node failure and the Deployment would.
 */
final class OperatorRuns {
  private final String masterUrl;
  private final Map<String, String> env;
  private OperatorProcess current;
  private int runs;
  private long lastStart;

  /**
   * @param jobs where the operators read the jobs' progress, polled every second so convergence is
   *     the operator's, not the poll's
   */
  OperatorRuns(String masterUrl, String namespace, PlayedJob jobs) {
    this.masterUrl = masterUrl;
    // The mock has no volume provisioner: a grace longer than the run keeps claims "binding".
    this.env =
        Map.of(
            "STREAMPIPE_WATCH_NAMESPACES",
            namespace,
            "STREAMPIPE_CHECKPOINT_BIND_GRACE_SECONDS",
            "3600",
            "STREAMPIPE_PROGRESS_POLL_SECONDS",
            "1",
            MockApiServerMain.PLAYED_JOB,
            jobs.base());
  }

  /** Starts a new operator JVM and returns once it is ready (its informers have synced). */
  void start() throws Exception {
    current =
        OperatorProcess.startReady(
            masterUrl, env, OperatorKillsIT.log(runs++), Duration.ofSeconds(90));
    lastStart = System.nanoTime();
  }

  /** Lets the ready operator work for a random moment, kills it -9 and starts another. */
  void killMidReconcile(Random random) throws Exception {
    Thread.sleep(random.nextInt(1_500));
    current.kill();
    start();
  }

  /** The log of every operator JVM so far. */
  List<Path> logs() {
    return IntStream.range(0, runs).mapToObj(OperatorKillsIT::log).toList();
  }

  /** Milliseconds from the last start until the condition holds. */
  long awaitConverged(BooleanSupplier converged, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!converged.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not converged "
                + within
                + " after the last start; see "
                + OperatorKillsIT.log(runs - 1));
      }
      Thread.sleep(250);
    }
    return (System.nanoTime() - lastStart) / 1_000_000;
  }

  void stop() throws InterruptedException {
    current.close();
  }
}
