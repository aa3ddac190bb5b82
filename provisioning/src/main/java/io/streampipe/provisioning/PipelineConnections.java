package io.streampipe.provisioning;

import io.streampipe.api.v1alpha1.CassandraSinkSpec;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.provisioning.registry.RegistryLogin;

/**
 * Where a pipeline's topics and table live, as the CLI resolves them.
 *
 * @param kafkaBootstrapServers comma-separated host:port
 * @param registryLogin credentials for an Avro pipeline's schema registry; null for none
 */
public record PipelineConnections(
    String kafkaBootstrapServers, CassandraConnection cassandra, RegistryLogin registryLogin) {

  public PipelineConnections(String kafkaBootstrapServers, CassandraConnection cassandra) {
    this(kafkaBootstrapServers, cassandra, null);
  }

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
