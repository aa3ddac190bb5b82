package io.streampipe.operator.runtime;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.streampipe.operator.OperatorConfig;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the end of leadership means: losing the lease ends the process, so two replicas never
 * reconcile at once; giving it up because the operator stops does not.
 *
 * <p>JOSDK's own exit on stop-leading is turned off: it runs inside {@code Operator.stop()}, and
 * {@code System.exit} called while a shutdown hook runs (SIGTERM) blocks forever.
 */
public final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final IntConsumer exit;

  /**
   * @param exit ends the process with the given status
   */
  public Leadership(IntConsumer exit) {
    this.exit = exit;
  }

  /** Production's: exits the JVM, whose shutdown hook then stops the operator. */
  public static Leadership exitingTheProcess() {
    // Not on the elector's thread: it holds the elector's lock, which Operator.stop() in the
    // shutdown hook needs to cancel the election.
    return new Leadership(status -> new Thread(() -> System.exit(status), "lost-lease").start());
  }

  /** From now on the lease is given up on purpose: the operator is stopping. */
  public void stopping() {
    stopping.set(true);
  }

  LeaderElectionConfiguration configuration(OperatorConfig config) {
    return new LeaderElectionConfiguration(
        config.leaseName(),
        config.leaseNamespace().orElse(null),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        new LeaderCallbacks(this::startedLeading, this::stoppedLeading, leader -> {}),
        false);
  }

  private void startedLeading() {
    LOG.info("event=leading");
  }

  /** Runs on the elector's thread, or on the stopping thread while the operator stops. */
  void stoppedLeading() {
    if (stopping.get()) {
      LOG.info("event=stopped_leading cause=shutdown");
      return;
    }
    LOG.error(
        "event=leadership_lost effect=exit reason=\"another replica may lead now; this one stops"
            + " so that two never reconcile at once\"");
    exit.accept(1);
  }
}
