package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.PipelineDefaults;
import io.streampipe.api.PipelineDocument;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.PipelineValidator;
import io.streampipe.api.validation.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Validates a pipeline, then ensures its topics and its table: what {@code streampipe run} does.
 */
public final class PipelineProvisioner {
  private final KafkaTopicProvisioner topics;
  private final CassandraSchemaProvisioner schema;

  public PipelineProvisioner(KafkaTopicProvisioner topics, CassandraSchemaProvisioner schema) {
    this.topics = topics;
    this.schema = schema;
  }

  /**
   * Validates the document's spec and, only when valid, connects and provisions; the connections
   * are closed before returning.
   */
  public static ProvisioningSummary provision(
      PipelineDocument document, PipelineConnections connections) {
    List<Problem> problems = PipelineValidator.validate(document.spec());
    if (!problems.isEmpty()) {
      return ProvisioningSummary.invalid(problems);
    }
    try (KafkaTopicProvisioner kafka =
            KafkaTopicProvisioner.connect(connections.kafkaBootstrapServers());
        CqlSession session = CassandraSessions.open(connections.cassandra())) {
      return new PipelineProvisioner(kafka, new CqlSchemaProvisioner(session))
          .provisionValid(document.spec());
    }
  }

  /** Validates the spec (as written or defaulted) and, only when valid, provisions it. */
  public ProvisioningSummary provision(StreamingPipelineSpec spec) {
    List<Problem> problems = PipelineValidator.validate(spec);
    return problems.isEmpty() ? provisionValid(spec) : ProvisioningSummary.invalid(problems);
  }

  private ProvisioningSummary provisionValid(StreamingPipelineSpec spec) {
    StreamingPipelineSpec defaulted = PipelineDefaults.apply(spec);
    List<TopicResult> topicResults = topics.ensureAll(defaulted);
    SchemaResult schemaResult =
        schema.ensure(
            KeyspaceDefinition.desired(defaulted.getSink().getCassandra().getKeyspace()),
            TableDefinition.desired(defaulted));
    return new ProvisioningSummary(List.of(), topicResults, Optional.of(schemaResult));
  }
}
