package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.streampipe.operator.render.RenderMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ingest Deployment the operator renders for examples/users-from-api.yaml passes the checks the
 * chart's own Deployment passes: strict schema, restricted pod security, probes.
 */
class RenderedIngestTest {

  @Test
  void theIngestDeploymentIsStrictlyValidAndRestricted() {
    Deployment deployment = (Deployment) StrictManifests.parse(ingestDocument());
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container ingest = pod.getContainers().get(0);

    RestrictedPod.assertRestricted(pod, ingest);
    assertThat(deployment.getMetadata().getName()).isEqualTo("users-from-api-ingest");
    assertThat(ingest.getImage()).isEqualTo(DeployPaths.pomImage("streampipe.job.image"));
    assertThat(ingest.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("metrics");
    assertThat(ingest.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(ingest.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(ingest.getResources().getLimits()).containsKey("memory");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void anUnknownFieldInTheRenderedDeploymentWouldFail() {
    JsonNode document = ingestDocument();
    ((ObjectNode) document.path("spec")).put("replica", 1);

    assertThatThrownBy(() -> StrictManifests.parse(document)).hasMessageContaining("replica");
  }

  private static JsonNode ingestDocument() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        RenderMain.run(
            new String[] {
              "-f", DeployPaths.project().resolve("examples/users-from-api.yaml").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<JsonNode> deployments =
        StrictManifests.documents(out.toString(StandardCharsets.UTF_8)).stream()
            .filter(d -> "Deployment".equals(d.path("kind").asText()))
            .toList();
    assertThat(deployments).hasSize(1);
    return deployments.get(0);
  }
}
