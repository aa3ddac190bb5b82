package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.javaoperatorsdk.operator.Operator;
import io.streampipe.api.v1alpha1.PipelineCondition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A live pipeline's processing.checkpoint.size changed: the claim grows, never shrinks, and says
 * so.
 */
@EnableKubernetesMockClient(crud = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointResizeIT {
  static KubernetesMockServer server;
  static KubernetesClient client;
  static final String NS = "resize";
  static final String NAME = "users";
  static final String CLAIM = NAME + "-checkpoint";
  static final String AGENT = "streampipe-operator-resize";
  static Operator operator;
  static MockCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = new MockCluster(client).loadCrds(List.of("sparkapplications.sparkoperator.k8s.io"));
    operator =
        MockCluster.startedOperator(
            server.createClient(b -> b.withConfig(OperatorRbac.agent(server, AGENT))));
    StreamingPipeline pipeline = TestPipelines.usersOnServers(NS, NAME);
    client.resource(pipeline).create();
    await().atMost(Duration.ofSeconds(20)).until(() -> claim() != null);
    assertThat(requested()).isEqualTo("1Gi");
    bind("1Gi");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> cluster.sparkApplications().inNamespace(NS).withName(NAME).get() != null);
    cluster.jobState(NS, NAME, "RUNNING");
    await().atMost(Duration.ofSeconds(20)).until(() -> "Ready".equals(reason("Ready")));
  }

  @AfterAll
  static void stop() {
    operator.stop();
  }

  @Test
  @Order(1)
  void aLargerSizeGrowsTheClaim() {
    setSize("2Gi");
    await().atMost(Duration.ofSeconds(20)).until(() -> "2Gi".equals(requested()));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CheckpointResizing".equals(reason("CheckpointReady")));
    assertThat(condition("CheckpointReady").getStatus()).isEqualTo("True");
    assertThat(condition("CheckpointReady").getMessage()).contains("1Gi", "2Gi");

    bind("2Gi");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CheckpointBound".equals(reason("CheckpointReady")));
    await().atMost(Duration.ofSeconds(20)).until(() -> "Ready".equals(reason("Ready")));
  }

  @Test
  @Order(2)
  void aSmallerSizeIsRefusedAndTheClaimKept() {
    setSize("1Gi");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "CheckpointResizeRefused".equals(reason("CheckpointReady")));
    PipelineCondition checkpoint = condition("CheckpointReady");
    assertThat(checkpoint.getStatus()).isEqualTo("False");
    assertThat(checkpoint.getMessage()).contains("cannot shrink", "1Gi", "2Gi");
    assertThat(condition("Ready").getStatus()).isEqualTo("False");
    assertThat(requested()).isEqualTo("2Gi");
  }

  @Test
  @Order(3)
  void anExpansionTheApiServerRefusesIsReported() {
    // What an API server answers when the claim's StorageClass has no allowVolumeExpansion.
    String refusal =
        "persistentvolumeclaims \""
            + CLAIM
            + "\" is forbidden: only dynamically provisioned pvc can be resized and the"
            + " storageclass that provisions the pvc must support resize";
    server
        .expect()
        .patch()
        .withPath("/api/v1/namespaces/" + NS + "/persistentvolumeclaims/" + CLAIM)
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage(refusal)
                .build())
        .always();
    setSize("3Gi");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                String.valueOf(condition("CheckpointReady").getMessage())
                    .contains("must support resize"));
    PipelineCondition checkpoint = condition("CheckpointReady");
    assertThat(checkpoint.getReason()).isEqualTo("CheckpointResizeRefused");
    assertThat(checkpoint.getStatus()).isEqualTo("False");
    assertThat(checkpoint.getMessage()).contains("2Gi", "3Gi");
    assertThat(requested()).isEqualTo("2Gi");
    assertThat(reason("TopicsReady")).as("the rest of the pipeline is untouched").isNotEmpty();
  }

  @Test
  @Order(99)
  void everyCallIsOneTheChartGrants() throws InterruptedException {
    Map<String, Set<String>> granted = ChartRules.granted("namespaced", "cluster");
    OperatorRbac.used(server, AGENT)
        .forEach(
            (resource, verbs) ->
                assertThat(granted.getOrDefault(resource, Set.of()))
                    .as("the chart grants " + resource + " " + verbs)
                    .containsAll(verbs));
  }

  private static void setSize(String size) {
    client
        .resources(StreamingPipeline.class)
        .inNamespace(NS)
        .withName(NAME)
        .edit(
            p -> {
              p.getSpec().getProcessing().getCheckpoint().setSize(size);
              return p;
            });
  }

  /** The volume binder's and the resizer's part: the claim is bound with this capacity. */
  private static void bind(String capacity) {
    PersistentVolumeClaim claim = claim();
    claim.setStatus(
        new PersistentVolumeClaimStatusBuilder()
            .withPhase("Bound")
            .withCapacity(Map.of("storage", new Quantity(capacity)))
            .build());
    client.persistentVolumeClaims().inNamespace(NS).resource(claim).updateStatus();
  }

  private static PersistentVolumeClaim claim() {
    return client.persistentVolumeClaims().inNamespace(NS).withName(CLAIM).get();
  }

  private static String requested() {
    return claim().getSpec().getResources().getRequests().get("storage").toString();
  }

  private static PipelineCondition condition(String type) {
    return conditionOf(type).orElse(new PipelineCondition());
  }

  private static String reason(String type) {
    return conditionOf(type).map(PipelineCondition::getReason).orElse("");
  }

  private static Optional<PipelineCondition> conditionOf(String type) {
    StreamingPipeline p =
        client.resources(StreamingPipeline.class).inNamespace(NS).withName(NAME).get();
    if (p == null || p.getStatus() == null || p.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
