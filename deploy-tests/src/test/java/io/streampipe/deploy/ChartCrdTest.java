package io.streampipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's sample pipeline fits the CRD the operator build generates. */
class ChartCrdTest {

  static final String CRD_FILE = "streamingpipelines.streampipe.io-v1.yml";

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
   * The operator build's output (the build copies it into the chart's crds/; .ci/run fails when
   * that copy differs from the committed one).
   */
  static Path generatedCrd() {
    Path generated =
        Path.of(
            System.getProperty(
                "streampipe.generated.crd",
                DeployPaths.project()
                    .resolve("operator/target/classes/META-INF/fabric8/" + CRD_FILE)
                    .toString()));
    assertThat(generated)
        .as("the operator build generates the CRD (./mvnw -pl operator,deploy-tests -am verify)")
        .exists();
    return generated;
  }
}
