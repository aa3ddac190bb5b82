package io.streampipe.operator;

import io.streampipe.api.PipelineDocument;
import io.streampipe.api.PipelineDocuments;
import java.nio.file.Path;

/** The reference pipeline from examples/, adapted per test. */
public final class TestPipelines {
  private TestPipelines() {}

  public static Path projectDir() {
    return Path.of(System.getProperty("streampipe.project.dir", ".."));
  }

  public static Path sharedDir() {
    return Path.of(System.getProperty("streampipe.shared.dir", "../../shared"));
  }

  /** users-pipeline.yaml read into a resource, Strimzi cluster "events" instead of servers. */
  public static StreamingPipeline users(String namespace, String name) {
    PipelineDocument doc =
        PipelineDocuments.read(projectDir().resolve("examples/users-pipeline.yaml"));
    StreamingPipeline pipeline = new StreamingPipeline(namespace, name, doc.spec());
    pipeline.getSpec().getSource().setBootstrapServers(null);
    pipeline.getSpec().getSource().setKafkaCluster("events");
    return pipeline;
  }

  /** users-pipeline.yaml with these bootstrap servers and no Strimzi cluster. */
  public static StreamingPipeline withServers(String namespace, String name, String servers) {
    StreamingPipeline pipeline = users(namespace, name);
    pipeline.getSpec().getSource().setKafkaCluster(null);
    pipeline.getSpec().getSource().setBootstrapServers(servers);
    return pipeline;
  }

  /** users-from-api.yaml read into a resource: an HTTP ingester in front of the pipeline. */
  public static StreamingPipeline usersFromApi(String namespace, String name) {
    PipelineDocument doc =
        PipelineDocuments.read(projectDir().resolve("examples/users-from-api.yaml"));
    return new StreamingPipeline(namespace, name, doc.spec());
  }

  /** users-pipeline.yaml with plain bootstrap servers, for a cluster without Strimzi's Kafka. */
  public static StreamingPipeline usersOnServers(String namespace, String name) {
    return withServers(namespace, name, "kafka.external:9092");
  }

  /** Gives the pipeline a uid and generation, as the API server would. */
  public static StreamingPipeline stored(StreamingPipeline pipeline) {
    pipeline.getMetadata().setUid("0b6a4c1e-1111-2222-3333-444455556666");
    pipeline.getMetadata().setGeneration(1L);
    return pipeline;
  }
}
