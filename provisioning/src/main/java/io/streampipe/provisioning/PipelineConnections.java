package io.streampipe.provisioning;

import io.streampipe.api.v1alpha1.CassandraSinkSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;

/**
 * Where a pipeline's topics and table live, as the CLI resolves them.
 *
 * @param kafkaBootstrapServers comma-separated host:port
 */
public record PipelineConnections(String kafkaBootstrapServers, CassandraConnection cassandra) {

  public PipelineConnections {
    if (kafkaBootstrapServers == null || kafkaBootstrapServers.isBlank()) {
      throw new IllegalArgumentException("Kafka bootstrap servers are needed");
    }
  }

  /**
   * The addresses a defaulted spec names, without credentials (add them with {@link
   * CassandraConnection#withCredentials}). A spec naming a Strimzi kafkaCluster instead of
   * bootstrapServers needs its address resolved by the caller.
   */
  public static PipelineConnections fromSpec(StreamingPipelineSpec defaulted) {
    CassandraSinkSpec sink = defaulted.getSink().getCassandra();
    return new PipelineConnections(
        defaulted.getSource().getBootstrapServers(),
        CassandraConnection.of(sink.getContactPoints(), sink.getLocalDatacenter()));
  }
}
