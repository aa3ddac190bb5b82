package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Monitoring is opt-in by values, and what it renders is what the upstream CRDs accept. */
class ChartMonitoringTest {

  @Test
  void defaultsRenderNoMonitoringResources() {
    List<HasMetadata> resources = ChartRenderer.resources("default");

    assertThat(ChartRenderer.ofType(resources, ServiceMonitor.class)).isEmpty();
    assertThat(ChartRenderer.ofType(resources, PrometheusRule.class)).isEmpty();
  }

  @Test
  void serviceMonitorConformsToTheUpstreamCrd() {
    JsonSchema schema =
        CrdSchemas.load(DeployPaths.sharedCrd("servicemonitors.monitoring.coreos.com.yaml"), "v1");
    List<JsonNode> monitors =
        StrictManifests.documents(ChartRenderer.template(ChartRenderer.ciValues("monitoring")))
            .stream()
            .filter(d -> "ServiceMonitor".equals(d.path("kind").asText()))
            .toList();

    assertThat(monitors).hasSize(1);
    assertThat(CrdSchemas.errors(schema, monitors.get(0))).isEmpty();
  }

  @Test
  void upstreamSchemaCheckCatchesABadEnumValue() {
    JsonSchema schema =
        CrdSchemas.load(DeployPaths.sharedCrd("servicemonitors.monitoring.coreos.com.yaml"), "v1");
    JsonNode monitor =
        StrictManifests.documents(ChartRenderer.template(ChartRenderer.ciValues("monitoring")))
            .stream()
            .filter(d -> "ServiceMonitor".equals(d.path("kind").asText()))
            .findFirst()
            .orElseThrow();
    ((com.fasterxml.jackson.databind.node.ObjectNode) monitor.path("spec").path("endpoints").get(0))
        .put("scheme", "gopher");

    assertThat(CrdSchemas.errors(schema, monitor)).isNotEmpty();
  }

  @Test
  void serviceMonitorSelectsTheMetricsServicePort() {
    List<HasMetadata> resources = ChartRenderer.resources("monitoring");
    ServiceMonitor monitor = ChartRenderer.single(resources, ServiceMonitor.class);
    Service service = ChartRenderer.single(resources, Service.class);

    assertThat(service.getMetadata().getLabels())
        .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
    assertThat(monitor.getSpec().getEndpoints())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getPort()).isEqualTo(service.getSpec().getPorts().get(0).getName());
              assertThat(e.getPath()).isEqualTo("/metrics");
            });
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
  }
}
