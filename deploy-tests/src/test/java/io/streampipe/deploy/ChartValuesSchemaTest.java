package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json rejects what the chart cannot render sensibly, and describes every value. */
class ChartValuesSchemaTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "replicaCount, 0",
    "replicas, 2",
    "image.pullPolicy, Sometimes",
    "image.tag, ''",
    "watchNamespaces[0], Team_A",
    "defaults.bootstrapServers, kafka",
    "reconcileConcurrency, many",
    "metrics.serviceMonitor.interval, soon",
    "metrics.service.port, 70000",
    "prometheusRule.deadLetterRatioThreshold, 2",
    "dashboard.enabled, yes-please",
    "serviceAccount.nmae, operator",
  })
  void rejectsValuesTheSchemaForbids(String key, String value) {
    assertThatThrownBy(() -> ChartRenderer.command().set(key, value).call())
        .hasMessageContaining("schema");
  }

  @Test
  void acceptsAValidOverride() {
    String rendered =
        ChartRenderer.command()
            .set("replicaCount", "2")
            .set("watchNamespaces[0]", "team-a")
            .set("defaults.bootstrapServers", "kafka-0.kafka:9092,kafka-1.kafka:9092")
            .call();

    assertThat(rendered).contains("kind: PodDisruptionBudget");
  }

  @Test
  void sampleWithoutSpecFailsWithAHint() {
    assertThatThrownBy(() -> ChartRenderer.command().set("samplePipeline.enabled", "true").call())
        .hasMessageContaining("samplePipeline.spec");
  }

  @Test
  void everyDefaultValueIsDeclaredInTheSchema() throws Exception {
    JsonNode values =
        StrictManifests.YAML.readTree(Files.readString(DeployPaths.chart().resolve("values.yaml")));
    JsonNode schema =
        StrictManifests.YAML.readTree(DeployPaths.chart().resolve("values.schema.json").toFile());

    assertDeclared("", values, schema, schema);
  }

  /** Walks the defaults; every object key must have a schema property (free-form maps excepted). */
  private static void assertDeclared(String path, JsonNode value, JsonNode schema, JsonNode root) {
    JsonNode resolved = resolve(schema, root);
    if (!value.isObject() || !resolved.has("properties")) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode property = resolved.path("properties").path(field.getKey());
      assertThat(property.isMissingNode())
          .as(path + field.getKey() + " is not in the schema")
          .isFalse();
      assertDeclared(path + field.getKey() + ".", field.getValue(), property, root);
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode root) {
    String ref = schema.path("$ref").asText("");
    return ref.startsWith("#/") ? root.at(ref.substring(1)) : schema;
  }
}
