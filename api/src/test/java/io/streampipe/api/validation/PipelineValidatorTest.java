package io.streampipe.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineValidatorTest {

  @Test
  void theReferenceExampleIsValid() {
    assertThat(PipelineValidator.validate(Examples.usersSpec())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.streampipe.api.validation.BrokenSpecs#all")
  void reportsTheProblemAtItsPath(
      String why, Consumer<StreamingPipelineSpec> breakIt, Problem expected) {
    StreamingPipelineSpec spec = Examples.usersSpec();
    breakIt.accept(spec);

    assertThat(PipelineValidator.validate(spec)).containsExactly(expected);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    StreamingPipelineSpec spec = Examples.usersSpec();
    spec.getSink().getCassandra().setTable("bad-table");
    spec.getSink().getCassandra().setTtl("forever");
    spec.getSchema().getFields().get(0).setType("guid");

    assertThat(PipelineValidator.validate(spec))
        .extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "spec.schema.fields[0].type", "spec.sink.cassandra.table", "spec.sink.cassandra.ttl");
  }

  @Test
  void missingSectionsAreNamed() {
    StreamingPipelineSpec spec = new StreamingPipelineSpec();

    assertThat(PipelineValidator.validate(spec))
        .extracting(Problem::toString)
        .containsExactly(
            "spec.source: is required",
            "spec.schema: is required",
            "spec.sink.cassandra: is required");
  }

  @Test
  void fortyEightCharactersIsTheLongestName() {
    StreamingPipelineSpec spec = Examples.usersSpec();
    spec.getSink().getCassandra().setTable("t" + "x".repeat(47));

    assertThat(PipelineValidator.validate(spec)).isEmpty();
  }
}
