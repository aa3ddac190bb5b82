package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every ci/ values set and parses every manifest strictly. */
class ChartTemplateTest {

  static List<Path> valuesSets() {
    return ChartRenderer.ciValuesFiles();
  }

  @Test
  void coversTheIssuesValuesSets() {
    assertThat(valuesSets())
        .map(p -> p.getFileName().toString())
        .contains(
            "default-values.yaml",
            "namespace-list-values.yaml",
            "ha-values.yaml",
            "monitoring-values.yaml",
            "sample-pipeline-values.yaml");
  }

  @ParameterizedTest
  @MethodSource("valuesSets")
  void everyManifestParsesStrictly(Path values) {
    List<JsonNode> docs = StrictManifests.documents(ChartRenderer.template(values));

    assertThat(docs).isNotEmpty();
    for (JsonNode doc : docs) {
      HasMetadata resource = StrictManifests.parse(doc);
      assertThat(resource.getMetadata().getName()).isNotBlank();
      assertThat(resource.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/instance", ChartRenderer.RELEASE)
          .containsEntry("app.kubernetes.io/part-of", "streampipe");
    }
  }

  @Test
  void strictParsingRejectsAnUnknownField() {
    String bad =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          replicas: 1
          replcias: 2
        """;

    assertThatThrownBy(() -> StrictManifests.parseAll(bad)).hasMessageContaining("replcias");
  }

  @Test
  void oneReplicaHasNoDisruptionBudget() {
    List<HasMetadata> resources = ChartRenderer.resources("default");

    assertThat(ChartRenderer.ofType(resources, PodDisruptionBudget.class)).isEmpty();
    assertThat(ChartRenderer.single(resources, Deployment.class).getSpec().getReplicas())
        .isEqualTo(1);
  }

  @Test
  void haAddsADisruptionBudgetSelectingTheOperatorPods() {
    List<HasMetadata> resources = ChartRenderer.resources("ha");
    Deployment deployment = ChartRenderer.single(resources, Deployment.class);
    PodDisruptionBudget pdb = ChartRenderer.single(resources, PodDisruptionBudget.class);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(2);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
  }
}
