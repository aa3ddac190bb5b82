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

  OperatorRuns(String masterUrl, String namespace) {
    this.masterUrl = masterUrl;
    // The mock has no volume provisioner: a grace longer than the run keeps claims "binding".
    this.env =
        Map.of(
            "STREAMPIPE_WATCH_NAMESPACES",
            namespace,
            "STREAMPIPE_CHECKPOINT_BIND_GRACE_SECONDS",
            "3600");
  }

  /** Starts a new operator JVM and returns once it is ready (its informers have synced). */
  void start() throws Exception {
    current = OperatorProcess.start(masterUrl, env, OperatorKillsIT.log(runs++));
    lastStart = System.nanoTime();
    long deadline = lastStart + Duration.ofSeconds(90).toNanos();
    while (current.status("/readyz") != 200) {
      if (!current.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the operator did not get ready, see " + OperatorKillsIT.log(runs - 1));
      }
      Thread.sleep(100);
    }
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
