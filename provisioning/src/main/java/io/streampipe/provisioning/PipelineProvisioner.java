package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import java.util.List;
import java.util.Optional;

/** Ensures a valid pipeline's topics and its table: what {@code streampipe run} does first. */
public final class PipelineProvisioner {
  private final KafkaTopicProvisioner topics;
  private final CassandraSchemaProvisioner schema;

  public PipelineProvisioner(KafkaTopicProvisioner topics, CassandraSchemaProvisioner schema) {
    this.topics = topics;
    this.schema = schema;
  }

  /** Connects, provisions, and closes the connections before returning. */
  public static ProvisioningSummary provision(
      ValidPipeline pipeline, PipelineConnections connections) {
    try (KafkaTopicProvisioner kafka =
            KafkaTopicProvisioner.connect(connections.kafkaBootstrapServers());
        CqlSession session = CassandraSessions.open(connections.cassandra())) {
      return new PipelineProvisioner(kafka, new CqlSchemaProvisioner(session)).provision(pipeline);
    }
  }

  public ProvisioningSummary provision(ValidPipeline pipeline) {
    StreamingPipelineSpec spec = pipeline.spec();
    List<TopicResult> topicResults = topics.ensureAll(spec);
    SchemaResult schemaResult =
        schema.ensure(
            KeyspaceDefinition.desired(spec.getSink().getCassandra().getKeyspace()),
            TableDefinition.desired(spec));
    return new ProvisioningSummary(topicResults, Optional.of(schemaResult));
  }
}
