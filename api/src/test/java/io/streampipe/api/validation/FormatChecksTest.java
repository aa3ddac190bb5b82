package io.streampipe.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.streampipe.api.Examples;
import io.streampipe.api.v1alpha1.RegistrySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormatChecksTest {

  @Test
  void anAvroSourceWithARegistryIsValid() {
    StreamingPipelineSpec spec = avro("http://registry:8080/apis/ccompat/v6");
    spec.getSource().getRegistry().setCredentialsSecret("registry-credentials");

    assertThat(PipelineValidator.validate(spec)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void reportsTheProblemAtItsPath(
      String why, Consumer<StreamingPipelineSpec> breakIt, String path, String message) {
    StreamingPipelineSpec spec = avro("https://registry.example/apis/ccompat/v7");
    breakIt.accept(spec);

    assertThat(PipelineValidator.validate(spec)).containsExactly(new Problem(path, message));
  }

  static Stream<Arguments> brokenSpecs() {
    String url =
        "must be an http or https URL with a host, like http://registry:8080/apis/ccompat/v6";
    return Stream.of(
        Arguments.of(
            "unknown format",
            (Consumer<StreamingPipelineSpec>) s -> s.getSource().setFormat("protobuf"),
            "spec.source.format",
            "must be json or avro"),
        Arguments.of(
            "avro without a registry",
            (Consumer<StreamingPipelineSpec>) s -> s.getSource().setRegistry(null),
            "spec.source.registry",
            "format avro needs a registry"),
        Arguments.of(
            "ftp registry",
            (Consumer<StreamingPipelineSpec>) s -> s.getSource().getRegistry().setUrl("ftp://r/x"),
            "spec.source.registry.url",
            url),
        Arguments.of(
            "registry without a host",
            (Consumer<StreamingPipelineSpec>) s -> s.getSource().getRegistry().setUrl("http:///x"),
            "spec.source.registry.url",
            url),
        Arguments.of(
            "subject with a slash",
            (Consumer<StreamingPipelineSpec>)
                s -> s.getSource().getRegistry().setSubject("users/value"),
            "spec.source.registry.subject",
            "must be 1 to 255 letters, digits, '.', '_' or '-'"),
        Arguments.of(
            "secret name with capitals",
            (Consumer<StreamingPipelineSpec>)
                s -> s.getSource().getRegistry().setCredentialsSecret("Registry"),
            "spec.source.registry.credentialsSecret",
            "must be the name of a Secret"));
  }

  private static StreamingPipelineSpec avro(String url) {
    StreamingPipelineSpec spec = Examples.usersSpec();
    RegistrySpec registry = new RegistrySpec();
    registry.setUrl(url);
    spec.getSource().setFormat("avro");
    spec.getSource().setRegistry(registry);
    return spec;
  }
}
