package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart ships exactly the CRD the operator build generates, and the sample fits it. */
class ChartCrdTest {

  static final String CRD_FILE = "streamingpipelines.streampipe.io-v1.yml";

  @Test
  void chartCrdIsTheGeneratedOne() throws Exception {
    Path generated = generatedCrd();
    Path inChart = DeployPaths.chart().resolve("crds").resolve(CRD_FILE);

    assertThat(inChart).as("run ./mvnw -pl operator,deploy-tests verify to copy it").exists();
    assertThat(Files.readString(inChart))
        .as("helm/streampipe-operator/crds drifted from the generated CRD; rebuild and commit")
        .isEqualTo(Files.readString(generated));
  }

  @Test
  void samplePipelineConformsToTheCrd() {
    JsonSchema schema = CrdSchemas.load(generatedCrd(), "v1alpha1");
    List<JsonNode> pipelines =
        StrictManifests.documents(ChartRenderer.template(ChartRenderer.ciValues("sample-pipeline")))
            .stream()
            .filter(d -> "StreamingPipeline".equals(d.path("kind").asText()))
            .toList();

    assertThat(pipelines).hasSize(1);
    assertThat(CrdSchemas.errors(schema, pipelines.get(0))).isEmpty();
  }

  /**
   * The operator build's output. Until the operator module is part of the reactor there is nothing
   * to compare with; once it is, a missing file is a failure, not a skip.
   */
  static Path generatedCrd() {
    Path generated =
        Path.of(
            System.getProperty(
                "streampipe.generated.crd",
                DeployPaths.project()
                    .resolve("operator/target/classes/META-INF/fabric8/" + CRD_FILE)
                    .toString()));
    boolean operatorInReactor = readsOperatorModule();
    assumeTrue(
        operatorInReactor || Files.exists(generated),
        "the operator module is not in the build yet: no generated CRD to compare the chart's with");
    assertThat(generated)
        .as("the operator build generates the CRD (./mvnw -pl operator package)")
        .exists();
    return generated;
  }

  private static boolean readsOperatorModule() {
    try {
      return Files.readString(DeployPaths.project().resolve("pom.xml"))
          .contains("<module>operator</module>");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
