package io.streampipe.ingest;

import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import io.streampipe.api.v1alpha1.IngestSpec;
import io.streampipe.api.v1alpha1.RetrySpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.PipelineValidator;
import java.nio.file.Path;
import java.util.function.Consumer;

/** examples/users-from-api.yaml with a test's topic and ingest settings, defaulted and checked. */
final class TestPipelines {
  private TestPipelines() {}

  static PipelineDocument withIngest(String topic, Consumer<IngestSpec> configure) {
    Path project = Path.of(System.getProperty("streampipe.project.dir", ".."));
    PipelineDocument read = PipelineDocuments.read(project.resolve("examples/users-from-api.yaml"));
    StreamingPipelineSpec spec = read.spec();
    spec.getSource().getTopic().setName(topic);
    spec.getSource().getTopic().setPartitions(1);
    spec.getSource().setBootstrapServers(TestKafka.bootstrap());
    IngestSpec ingest = new IngestSpec();
    RetrySpec retry = new RetrySpec();
    retry.setInitialBackoff("200ms");
    retry.setMaxBackoff("2s");
    ingest.setRetry(retry);
    configure.accept(ingest);
    spec.setIngest(ingest);
    StreamingPipelineSpec defaulted = PipelineDefaults.apply(spec);
    var problems = PipelineValidator.validate(defaulted);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("test pipeline is invalid: " + problems);
    }
    return new PipelineDocument(topic.replace('_', '-'), null, defaulted);
  }
}
