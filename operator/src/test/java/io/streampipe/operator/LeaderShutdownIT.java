package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leading replica of a two-replica install stopped as Kubernetes stops a pod: {@link
 * OperatorMain} in its own JVM with leader election on, then SIGTERM.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeaderShutdownIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String LEASE_NAMESPACE = "streampipe-system";
  static final String LEASE = "streampipe";
  static final String NS = "main";

  @Test
  void sigtermStopsTheLeaderWithinSecondsAndHandsOverTheLease() throws Exception {
    new MockCluster(client).loadCrds();
    OperatorRbac.reviewsShowTheChartsLeaseRole(server);
    Path log = Path.of("target", "leader-shutdown-operator.log");
    String leader;
    try (OperatorProcess operator =
        OperatorProcess.start(
            client.getConfiguration().getMasterUrl(),
            Map.of(
                "STREAMPIPE_LEADER_ELECTION_ENABLED", "true",
                "STREAMPIPE_LEADER_ELECTION_LEASE_NAME", LEASE,
                "POD_NAMESPACE", LEASE_NAMESPACE,
                "STREAMPIPE_WATCH_NAMESPACES", NS),
            log)) {
      await().atMost(Duration.ofSeconds(60)).until(() -> lease() != null);
      leader = lease().getSpec().getHolderIdentity();
      client.resource(TestPipelines.users(NS, "led")).create();
      await()
          .alias("the leader reconciles")
          .atMost(Duration.ofSeconds(30))
          .until(() -> pipeline().getStatus() != null);

      assertThat(operator.terminate(Duration.ofSeconds(10)))
          .as("the leader exits within 10 s of SIGTERM (see %s)", log)
          .isTrue();
      assertThat(operator.exitValue()).as("ended by the signal, not by an exit(1)").isEqualTo(143);
    }
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .contains("event=stopped_leading cause=shutdown", "event=lease_released")
        .doesNotContain("leadership_lost");
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo(leader);
    assertThat(lease().getSpec().getLeaseDurationSeconds())
        .as("shortened to a second, so a standby leads now rather than in 15 s")
        .isEqualTo(1);
  }

  private static Lease lease() {
    return client.resources(Lease.class).inNamespace(LEASE_NAMESPACE).withName(LEASE).get();
  }

  private static StreamingPipeline pipeline() {
    return client.resources(StreamingPipeline.class).inNamespace(NS).withName("led").get();
  }
}
