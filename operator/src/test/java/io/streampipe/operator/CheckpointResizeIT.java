package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.streampipe.api.v1alpha1.PipelineCondition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A live pipeline's processing.checkpoint.size changed: the claim grows, never shrinks, and says
 * so. Each test has its own Ready pipeline, its claim bound at 1Gi, in its own namespace.
 */
class CheckpointResizeIT extends OperatorWithSparkOnly {
  static final String NAME = "users";
  static final String CLAIM = NAME + "-checkpoint";

  @Test
  void aLargerSizeGrowsTheClaim() {
    String ns = readyAt1Gi("grow");
    setSize(ns, "2Gi");
    await().atMost(OperatorFixture.WAIT).until(() -> "2Gi".equals(requested(ns)));
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "CheckpointResizing".equals(reason(ns, "CheckpointReady")));
    assertThat(condition(ns, "CheckpointReady").getStatus()).isEqualTo("True");
    assertThat(condition(ns, "CheckpointReady").getMessage()).contains("1Gi", "2Gi");

    bind(ns, "2Gi");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "CheckpointBound".equals(reason(ns, "CheckpointReady")));
    await().atMost(OperatorFixture.WAIT).until(() -> "Ready".equals(reason(ns, "Ready")));
  }

  @Test
  void aSmallerSizeIsRefusedAndTheClaimKept() {
    String ns = readyAt1Gi("shrink");
    setSize(ns, "512Mi");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> "CheckpointResizeRefused".equals(reason(ns, "CheckpointReady")));
    PipelineCondition checkpoint = condition(ns, "CheckpointReady");
    assertThat(checkpoint.getStatus()).isEqualTo("False");
    assertThat(checkpoint.getMessage()).contains("cannot shrink", "512Mi", "1Gi");
    assertThat(condition(ns, "Ready").getStatus()).isEqualTo("False");
    assertThat(requested(ns)).isEqualTo("1Gi");
  }

  @Test
  void anExpansionTheApiServerRefusesIsReported() {
    String ns = readyAt1Gi("refused");
    // What an API server answers when the claim's StorageClass has no allowVolumeExpansion.
    String refusal =
        "persistentvolumeclaims \""
            + CLAIM
            + "\" is forbidden: only dynamically provisioned pvc can be resized and the"
            + " storageclass that provisions the pvc must support resize";
    server
        .expect()
        .patch()
        .withPath("/api/v1/namespaces/" + ns + "/persistentvolumeclaims/" + CLAIM)
        .andReturn(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage(refusal)
                .build())
        .always();
    setSize(ns, "3Gi");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                String.valueOf(condition(ns, "CheckpointReady").getMessage())
                    .contains("must support resize"));
    PipelineCondition checkpoint = condition(ns, "CheckpointReady");
    assertThat(checkpoint.getReason()).isEqualTo("CheckpointResizeRefused");
    assertThat(checkpoint.getStatus()).isEqualTo("False");
    assertThat(checkpoint.getMessage()).contains("1Gi", "3Gi");
    assertThat(requested(ns)).isEqualTo("1Gi");
    assertThat(reason(ns, "TopicsReady")).as("the rest of the pipeline is untouched").isNotEmpty();
  }

  /** A Ready pipeline over the Admin API in namespace {@code ns}, its claim bound at 1Gi. */
  private static String readyAt1Gi(String ns) {
    client.resource(TestPipelines.withServers(ns, NAME, "kafka.external:9092")).create();
    await().atMost(OperatorFixture.WAIT).until(() -> operator.claim(ns, NAME) != null);
    assertThat(requested(ns)).isEqualTo("1Gi");
    bind(ns, "1Gi");
    await().atMost(OperatorFixture.WAIT).until(() -> operator.job(ns, NAME) != null);
    operator.cluster.jobState(ns, NAME, "RUNNING");
    await().atMost(OperatorFixture.WAIT).until(() -> "Ready".equals(reason(ns, "Ready")));
    return ns;
  }

  private static void setSize(String ns, String size) {
    operator.edit(
        ns,
        NAME,
        p -> {
          p.getSpec().getProcessing().getCheckpoint().setSize(size);
          return p;
        });
  }

  /** The volume binder's and the resizer's part: the claim is bound with this capacity. */
  private static void bind(String ns, String capacity) {
    PersistentVolumeClaim claim = operator.claim(ns, NAME);
    claim.setStatus(
        new PersistentVolumeClaimStatusBuilder()
            .withPhase("Bound")
            .withCapacity(Map.of("storage", new Quantity(capacity)))
            .build());
    client.persistentVolumeClaims().inNamespace(ns).resource(claim).updateStatus();
  }

  private static String requested(String ns) {
    return operator
        .claim(ns, NAME)
        .getSpec()
        .getResources()
        .getRequests()
        .get("storage")
        .toString();
  }

  private static PipelineCondition condition(String ns, String type) {
    return operator.condition(ns, NAME, type).orElse(new PipelineCondition());
  }

  private static String reason(String ns, String type) {
    return operator.reason(ns, NAME, type);
  }
}
