package io.streampipe.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PipelineDocumentsTest {

  @Test
  void readsTheReferenceExample() {
    PipelineDocument users = Examples.users();

    assertThat(users.name()).isEqualTo("users");
    assertThat(users.spec().getSource().getTopic().getName()).isEqualTo("users_created");
    assertThat(users.spec().getSchema().getFields()).hasSize(12);
    assertThat(users.spec().getSink().getCassandra().getTtl()).isEqualTo("20m");
  }

  @Test
  void writtenDocumentReadsBackTheSame() {
    PipelineDocument users = Examples.users();

    PipelineDocument again = PipelineDocuments.parse(PipelineDocuments.write(users), "again");

    assertThat(PipelineDocuments.write(again)).isEqualTo(PipelineDocuments.write(users));
    assertThat(again.spec().getSchema().getFields().get(6).getRules().getPattern())
        .isEqualTo(".+@.+\\..+");
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    String yaml = minimal().replace("table: t", "table: t\n      tll: 20m");

    assertThatThrownBy(() -> PipelineDocuments.parse(yaml, "p.yaml"))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessage("p.yaml: spec.sink.cassandra.tll: unknown field 'tll'");
  }

  @Test
  void badYamlSaysWhere() {
    assertThatThrownBy(() -> PipelineDocuments.parse("spec: [unclosed", "p.yaml"))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageStartingWith("p.yaml:1: bad YAML");
  }

  @Test
  void wrongKindIsRefused() {
    assertThatThrownBy(
            () ->
                PipelineDocuments.parse(
                    minimal().replace("kind: StreamingPipeline", "kind: Pod"), "p"))
        .hasMessage("p: kind must be StreamingPipeline (found Pod)");
  }

  @Test
  void missingFileIsSaidPlainly() {
    assertThatThrownBy(() -> PipelineDocuments.read(Path.of("/nonexistent/p.yaml")))
        .hasMessage("/nonexistent/p.yaml: no such file");
  }

  @Test
  void wrongTypeIsNamedWithItsPath() {
    String yaml = minimal().replace("partitions: 1", "partitions: many");

    assertThatThrownBy(() -> PipelineDocuments.parse(yaml, "p"))
        .hasMessageStartingWith("p: spec.source.topic.partitions: ");
  }

  static String minimal() {
    return """
        apiVersion: streampipe.io/v1alpha1
        kind: StreamingPipeline
        metadata:
          name: p
        spec:
          source:
            topic:
              name: in
              partitions: 1
          schema:
            fields:
              - {name: id, type: uuid, required: true}
            primaryKey:
              partitionKey: [id]
          sink:
            cassandra:
              keyspace:
                name: ks
              table: t
        """;
  }
}
