package io.streampipe.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.validation.ValidPipeline;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every pipeline in examples/ passes what a user's apply meets: the generated CRD's schema (closed,
 * as with strict field validation), its CEL rules, and the semantic validator.
 */
class ExamplesConformTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void everyExamplePassesTheCrdItsRulesAndTheValidator() throws Exception {
    JsonSchema crd = CrdSchemas.load(CrdKubeVersionTest.CRD, "v1alpha1");
    List<Path> examples = examples();
    assertThat(examples).extracting(p -> p.getFileName().toString()).contains("users-avro.yaml");
    for (Path example : examples) {
      String text = Files.readString(example, StandardCharsets.UTF_8);
      assertThat(problems(crd, text)).as(example.toString()).isEmpty();
      assertThat(CrdAdmission.refusals(CrdAdmission.generatedSchema(), text, null))
          .as(example.toString())
          .isEmpty();
      assertThat(ValidPipeline.of(PipelineDocuments.read(example)).name()).isNotBlank();
    }
  }

  @Test
  void theChecksRefuseABrokenAvroExample() throws Exception {
    Path avro = TestPipelines.projectDir().resolve("examples/users-avro.yaml");
    String text = Files.readString(avro, StandardCharsets.UTF_8);
    String badUrl = text.replace("url: http://localhost:8081", "url: ftp://localhost:8081");
    String noRegistry =
        text.replaceAll("(?s)    registry:\n      #[^\n]*\n      url: [^\n]*\n", "");
    assertThat(noRegistry).doesNotContain("url: http://localhost:8081");

    assertThat(problems(CrdSchemas.load(CrdKubeVersionTest.CRD, "v1alpha1"), badUrl))
        .singleElement()
        .asString()
        .contains("$.spec.source.registry.url");
    assertThatThrownBy(() -> ValidPipeline.of(PipelineDocuments.parse(noRegistry, "no-registry")))
        .hasMessageContaining("registry");
  }

  private static List<Path> examples() throws Exception {
    try (Stream<Path> files = Files.list(TestPipelines.projectDir().resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /**
   * The schema's complaints about the document's spec; apiVersion, kind and metadata are the API
   * server's own and not in a CRD's schema.
   */
  private static List<String> problems(JsonSchema crd, String yaml) throws Exception {
    ObjectNode document = (ObjectNode) YAML.readTree(yaml);
    document.remove(List.of("apiVersion", "kind", "metadata"));
    return crd.validate(document).stream().map(ValidationMessage::getMessage).toList();
  }
}
