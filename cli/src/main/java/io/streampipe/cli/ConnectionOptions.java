package io.streampipe.cli;

import io.streampipe.api.CommaList;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import picocli.CommandLine.Option;

/** Addresses given on the command line; they win over the ones in the pipeline file. */
public final class ConnectionOptions {
  @Option(
      names = "--bootstrap-servers",
      description = "Kafka bootstrap servers (default: spec.source.bootstrapServers).")
  String bootstrapServers;

  @Option(
      names = "--cassandra",
      description =
          "Cassandra contact points, host:port[,host:port] (default: spec.sink.cassandra.contactPoints).")
  String cassandra;

  @Option(
      names = "--registry",
      description = "Schema registry URL of an avro source (default: spec.source.registry.url).")
  String registry;

  /** Overrides for servers started here, such as the embedded ones. */
  public static ConnectionOptions of(String bootstrapServers, String cassandra) {
    ConnectionOptions options = new ConnectionOptions();
    options.bootstrapServers = bootstrapServers;
    options.cassandra = cassandra;
    return options;
  }

  /** These overrides and a registry started here. */
  public ConnectionOptions withRegistry(String url) {
    this.registry = url;
    return this;
  }

  /** Applies the overrides to a spec, in place. */
  void applyTo(StreamingPipelineSpec spec) {
    // A spec missing these sections is refused by the validator right after.
    if (bootstrapServers != null && spec != null && spec.getSource() != null) {
      spec.getSource().setBootstrapServers(bootstrapServers);
      spec.getSource().setKafkaCluster(null);
    }
    if (cassandra != null
        && spec != null
        && spec.getSink() != null
        && spec.getSink().getCassandra() != null) {
      spec.getSink().getCassandra().setContactPoints(CommaList.split(cassandra));
    }
    if (registry != null
        && spec != null
        && spec.getSource() != null
        && spec.getSource().getRegistry() != null) {
      spec.getSource().getRegistry().setUrl(registry);
    }
  }

  /** The Kafka address to use, or a clear error when neither the flag nor the file gives one. */
  static String bootstrapOf(StreamingPipelineSpec spec) {
    String servers = spec.getSource().getBootstrapServers();
    if (servers == null || servers.isBlank()) {
      throw new UserException(
          "no Kafka address: give --bootstrap-servers or spec.source.bootstrapServers"
              + " (spec.source.kafkaCluster only works inside Kubernetes)");
    }
    return servers;
  }
}
