package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Terraform module's local charts render custom resources the upstream CRDs accept. */
class TerraformChartsTest {

  private static final Path CHARTS =
      DeployPaths.terraform().resolve("modules/streampipe-platform/charts");

  @ParameterizedTest
  @ValueSource(strings = {"kafka-cluster", "cassandra-datacenter", "streampipe-pipelines"})
  void lintsStrictly(String chart) {
    LintResult result = new Helm(CHARTS.resolve(chart)).lint().strict().call();

    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void kafkaConformsToStrimzisCrdForOneAndThreeNodes() {
    var schema = CrdSchemas.load(DeployPaths.sharedCrd("kafkas.kafka.strimzi.io.yaml"), "v1");
    for (String replicas : List.of("1", "3")) {
      List<JsonNode> kafkas =
          render("kafka-cluster", "replicas", replicas).stream()
              .filter(d -> "Kafka".equals(d.path("kind").asText()))
              .toList();

      assertThat(kafkas).hasSize(1);
      assertThat(CrdSchemas.errors(schema, kafkas.get(0))).as(replicas + " replicas").isEmpty();
      assertThat(kafkas.get(0).at("/spec/kafka/listeners/0/port").asInt()).isEqualTo(9092);
    }
  }

  @Test
  void pipelinesChartRendersTheFilesTerraformPassesIn() throws Exception {
    for (String example : List.of("users-pipeline.yaml", "users-avro.yaml")) {
      String document = Files.readString(DeployPaths.project().resolve("examples/" + example));
      List<JsonNode> docs =
          StrictManifests.documents(
              new Helm(CHARTS.resolve("streampipe-pipelines"))
                  .template()
                  .withName("streampipe-pipelines")
                  .withNamespace("pipelines")
                  .withKubeVersion(ChartRenderer.KUBE_VERSION)
                  .set("pipelines.users", document)
                  .call());

      assertThat(docs)
          .as(example)
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.path("kind").asText()).isEqualTo("StreamingPipeline");
                assertThat(
                        CrdSchemas.errors(
                            CrdSchemas.load(ChartCrdTest.generatedCrd(), "v1alpha1"), d))
                    .isEmpty();
              });
    }
  }

  private static List<JsonNode> render(String chart, String key, String value) {
    return StrictManifests.documents(
        new Helm(CHARTS.resolve(chart))
            .template()
            .withName(chart)
            .withNamespace("kafka")
            .withKubeVersion(ChartRenderer.KUBE_VERSION)
            .set(key, value)
            .call());
  }
}
