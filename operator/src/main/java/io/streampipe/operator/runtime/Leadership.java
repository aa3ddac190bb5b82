package io.streampipe.operator.runtime;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.streampipe.operator.OperatorConfig;
import io.streampipe.operator.util.Errors;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the end of leadership means: losing the lease ends the process, so two replicas never
 * reconcile at once; giving it up because the operator stops does not, and lets a standby lead at
 * once.
 *
 * <p>JOSDK's own exit on stop-leading is turned off: it runs inside {@code Operator.stop()}, and
 * {@code System.exit} called while a shutdown hook runs (SIGTERM) blocks forever.
 */
public final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean leading = new AtomicBoolean();
  private final OperatorConfig config;
  private final IntConsumer exit;
  private final String identity;

  /**
   * @param exit ends the process with the given status
   */
  public Leadership(OperatorConfig config, IntConsumer exit) {
    this.config = config;
    this.exit = exit;
    // JOSDK's default identity: the pod's name, else a random one.
    this.identity =
        Optional.ofNullable(System.getenv("HOSTNAME"))
            .filter(h -> !h.isBlank())
            .orElseGet(() -> UUID.randomUUID().toString());
  }

  /** Production's: exits the JVM, whose shutdown hook then stops the operator. */
  public static Leadership exitingTheProcess(OperatorConfig config) {
    // Not on the elector's thread: it holds the elector's lock, which Operator.stop() in the
    // shutdown hook needs to cancel the election.
    return new Leadership(
        config, status -> new Thread(() -> System.exit(status), "lost-lease").start());
  }

  /** From now on the lease is given up on purpose: the operator is stopping. */
  public void stopping() {
    stopping.set(true);
  }

  LeaderElectionConfiguration configuration() {
    return new LeaderElectionConfiguration(
        config.leaseName(),
        config.leaseNamespace().orElse(null),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        identity,
        new LeaderCallbacks(this::startedLeading, this::stoppedLeading, leader -> {}),
        false);
  }

  private void startedLeading() {
    leading.set(true);
    LOG.info("event=leading identity={}", identity);
  }

  /** Runs on the elector's thread, or on the stopping thread while the operator stops. */
  void stoppedLeading() {
    if (stopping.get()) {
      LOG.info("event=stopped_leading cause=shutdown");
      return;
    }
    leading.set(false);
    LOG.error(
        "event=leadership_lost effect=exit reason=\"another replica may lead now; this one stops"
            + " so that two never reconcile at once\"");
    exit.accept(1);
  }

  /**
   * Once the operator has stopped: shortens a lease it still holds to one second, so a standby
   * leads now rather than when the lease expires (JOSDK's elector never releases it), as fabric8's
   * LeaderElector.release does. Waits at most 5 s: an unreachable API server must not hold up the
   * exit.
   */
  void release(KubernetesClient client) {
    if (!leading.get()) {
      return;
    }
    try {
      CompletableFuture.runAsync(() -> shorten(client)).get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("event=lease_not_released error=\"{}\"", Errors.oneLine(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shorten(KubernetesClient client) {
    String namespace =
        config.leaseNamespace().orElseGet(() -> client.getConfiguration().getNamespace());
    try {
      Lease lease =
          client.resources(Lease.class).inNamespace(namespace).withName(config.leaseName()).get();
      if (lease == null
          || lease.getSpec() == null
          || !identity.equals(lease.getSpec().getHolderIdentity())) {
        return;
      }
      lease.getSpec().setLeaseDurationSeconds(1);
      lease.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC));
      // The patch carries the read's resourceVersion: a lease taken meanwhile is left alone (409).
      client.resource(lease).patch(PatchContext.of(PatchType.JSON_MERGE));
      LOG.info("event=lease_released lease={}/{}", namespace, config.leaseName());
    } catch (KubernetesClientException e) {
      LOG.warn(
          "event=lease_not_released lease={}/{} error=\"{}\"",
          namespace,
          config.leaseName(),
          Errors.oneLine(e));
    }
  }
}
