package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml against the Compose Specification schema, and its internal references. */
class ComposeTest {

  private static JsonNode compose;

  @BeforeAll
  static void load() throws IOException {
    // SnakeYAML proper, so anchors and merge keys resolve as Compose resolves them.
    Object yaml =
        new Yaml().load(Files.readString(DeployPaths.project().resolve("docker-compose.yml")));
    compose = new ObjectMapper().valueToTree(yaml);
  }

  @Test
  void conformsToTheComposeSpecification() {
    JsonSchema schema = composeSchema();

    assertThat(schema.validate(compose)).map(ValidationMessage::getMessage).isEmpty();
    assertThat(compose.has("name")).as("older compose tools reject a top-level name").isFalse();
    assertThat(compose.has("version")).as("obsolete top-level version").isFalse();
  }

  @Test
  void schemaCheckCatchesAMisspelledServiceKey() throws IOException {
    JsonNode bad = new ObjectMapper().readTree("{\"services\": {\"x\": {\"imagee\": \"a:1\"}}}");

    assertThat(composeSchema().validate(bad)).isNotEmpty();
  }

  @Test
  void theStackHasEveryPieceTheIssueAsksFor() {
    assertThat(fieldNames(compose.path("services")))
        .contains(
            "kafka", "cassandra", "provision", "pipeline-job", "producer", "prometheus", "grafana");
    assertThat(compose.at("/services/cassandra/healthcheck").isObject()).isTrue();
    assertThat(commandLine("provision")).startsWith("streampipe provision ");
    assertThat(commandLine("producer")).startsWith("streampipe produce ");
    assertThat(commandLine("pipeline-job")).contains("--class io.streampipe.job.PipelineJobMain");
    assertThat(compose.at("/services/kafka/environment/KAFKA_PROCESS_ROLES").asText())
        .as("KRaft")
        .isEqualTo("broker,controller");
  }

  @Test
  void theAvroProfileAddsARegistryAndTheAvroExampleAndLeavesTheJsonStackAlone() {
    Set<String> avro = new TreeSet<>();
    compose
        .path("services")
        .properties()
        .forEach(
            service -> {
              if (service.getValue().path("profiles").toString().contains("\"avro\"")) {
                avro.add(service.getKey());
              }
            });
    assertThat(avro)
        .containsExactly("pipeline-job-avro", "producer-avro", "provision-avro", "schema-registry");
    assertThat(compose.at("/services/schema-registry/image").asText())
        .startsWith("apicurio/apicurio-registry-mem:");
    assertThat(
            compose.at("/services/pipeline-job-avro/environment/STREAMPIPE_REGISTRY_URL").asText())
        .isEqualTo("http://schema-registry:8080/apis/ccompat/v6");
    for (String service : List.of("provision-avro", "pipeline-job-avro", "producer-avro")) {
      assertThat(compose.at("/services/" + service + "/volumes").toString())
          .contains("./examples/users-avro.yaml:");
    }
    // Inside the stack the registry is the service, not the example's laptop address.
    assertThat(commandLine("provision-avro"))
        .contains("--registry http://schema-registry:8080/apis/ccompat/v6");
    assertThat(commandLine("producer-avro"))
        .startsWith("streampipe produce ")
        .contains("--format avro")
        .contains("--registry http://schema-registry:8080/apis/ccompat/v6");
    assertThat(compose.at("/services/pipeline-job/volumes").toString())
        .contains("./examples/users-pipeline.yaml:");
  }

  @Test
  void dependenciesReferDefinedServicesAndWaitForHealth() {
    Set<String> services = fieldNames(compose.path("services"));
    compose
        .path("services")
        .properties()
        .forEach(
            service -> {
              JsonNode dependsOn = service.getValue().path("depends_on");
              if (dependsOn.isMissingNode()) {
                return;
              }
              assertThat(dependsOn.isObject())
                  .as(service.getKey() + ": depends_on with conditions")
                  .isTrue();
              dependsOn
                  .properties()
                  .forEach(
                      dep -> {
                        assertThat(services)
                            .as(service.getKey() + " depends on")
                            .contains(dep.getKey());
                        String condition = dep.getValue().path("condition").asText();
                        assertThat(condition)
                            .isIn(
                                "service_started",
                                "service_healthy",
                                "service_completed_successfully");
                        if (condition.equals("service_healthy")) {
                          assertThat(compose.path("services").path(dep.getKey()).has("healthcheck"))
                              .as(dep.getKey() + " needs a healthcheck")
                              .isTrue();
                        }
                      });
            });
  }

  @Test
  void volumesAndNetworksReferToSomethingDefined() {
    Set<String> namedVolumes = fieldNames(compose.path("volumes"));
    Set<String> networks = fieldNames(compose.path("networks"));
    networks.add("default");
    compose
        .path("services")
        .properties()
        .forEach(
            service -> {
              for (JsonNode volume : service.getValue().path("volumes")) {
                String source =
                    volume.isTextual()
                        ? volume.asText().split(":")[0]
                        : volume.path("source").asText();
                if (source.startsWith(".") || source.startsWith("/")) {
                  assertThat(DeployPaths.project().resolve(source).normalize())
                      .as(service.getKey())
                      .exists();
                } else {
                  assertThat(namedVolumes).as(service.getKey() + " volume").contains(source);
                }
              }
              JsonNode serviceNetworks = service.getValue().path("networks");
              (serviceNetworks.isArray() ? iterable(serviceNetworks) : fieldNames(serviceNetworks))
                  .forEach(n -> assertThat(networks).as(service.getKey() + " network").contains(n));
            });
  }

  @Test
  void everyImageIsPinnedAndOursAreThePomsImage() {
    compose
        .path("services")
        .properties()
        .forEach(
            service -> {
              String image = service.getValue().path("image").asText();
              assertThat(image)
                  .as(service.getKey())
                  .matches("[^:@]+(:[^:]*[0-9][^:]*|@sha256:[0-9a-f]{64})");
              assertThat(image).as(service.getKey()).doesNotEndWith(":latest");
              if (image.startsWith("ghcr.io/streampipe/")) {
                assertThat(image).isEqualTo(DeployPaths.pomImage("streampipe.job.image"));
              }
            });
  }

  @Test
  void prometheusScrapesThePipelineJobsMetricsPort() throws IOException {
    Map<String, Object> prometheus =
        new Yaml()
            .load(Files.readString(DeployPaths.project().resolve("deploy/compose/prometheus.yml")));
    String targets = prometheus.get("scrape_configs").toString();

    assertThat(targets).contains("pipeline-job:9464").contains("pipeline-job-avro:9465");
    assertThat(compose.at("/services/grafana/volumes").toString())
        .contains("./helm/streampipe-operator/dashboards");
  }

  private static JsonSchema composeSchema() {
    // The schema's $id is relative: load it by its absolute location.
    Path schemaFile = DeployPaths.shared().resolve("schemas/compose-spec.json");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(SchemaLocation.of(schemaFile.toUri().toString()));
  }

  private static String commandLine(String service) {
    JsonNode command = compose.path("services").path(service).path("command");
    if (command.isTextual()) {
      return command.asText();
    }
    StringBuilder line = new StringBuilder();
    command.forEach(c -> line.append(c.asText()).append(' '));
    return line.toString();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> iterable(JsonNode array) {
    Set<String> names = new TreeSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
