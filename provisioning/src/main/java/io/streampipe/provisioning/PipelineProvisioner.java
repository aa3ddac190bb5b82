package io.streampipe.provisioning;

import com.datastax.oss.driver.api.core.CqlSession;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.api.v1alpha1.StreamingPipelineSpec;
import io.streampipe.api.validation.ValidPipeline;
import io.streampipe.provisioning.registry.PipelineSubject;
import io.streampipe.provisioning.registry.SubjectChange;
import io.streampipe.provisioning.registry.SubjectRegistrar;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ensures a valid pipeline's topics, its table and, for Avro, its registered schema: what {@code
 * streampipe run} does first.
 */
public final class PipelineProvisioner {
  private final KafkaTopicProvisioner topics;
  private final CassandraSchemaProvisioner schema;
  private final Function<String, SubjectRegistrar> registries;

  public PipelineProvisioner(KafkaTopicProvisioner topics, CassandraSchemaProvisioner schema) {
    this(topics, schema, url -> SubjectRegistrar.connect(url, null));
  }

  /**
   * @param registries the registrar for an Avro pipeline's registry URL
   */
  public PipelineProvisioner(
      KafkaTopicProvisioner topics,
      CassandraSchemaProvisioner schema,
      Function<String, SubjectRegistrar> registries) {
    this.topics = topics;
    this.schema = schema;
    this.registries = registries;
  }

  /** Connects, provisions, and closes the connections before returning. */
  public static ProvisioningSummary provision(
      ValidPipeline pipeline, PipelineConnections connections) {
    try (KafkaTopicProvisioner kafka =
            KafkaTopicProvisioner.connect(connections.kafkaBootstrapServers());
        CqlSession session = CassandraSessions.open(connections.cassandra())) {
      return new PipelineProvisioner(
              kafka,
              new CqlSchemaProvisioner(session),
              url -> SubjectRegistrar.connect(url, connections.registryLogin()))
          .provision(pipeline);
    }
  }

  /**
   * A schema the registry refuses stops everything before any topic, table or version is touched.
   *
   * @throws io.streampipe.provisioning.registry.RegistryUnavailableException when an Avro
   *     pipeline's registry does not answer; nothing is applied then either
   */
  public ProvisioningSummary provision(ValidPipeline pipeline) {
    StreamingPipelineSpec spec = pipeline.spec();
    Optional<PipelineSubject> subject = PipelineSubject.of(spec);
    Optional<SubjectRegistrar> registrar = subject.map(s -> registries.apply(s.url()));
    Optional<SubjectChange> change = subject.map(s -> registrar.orElseThrow().plan(s));
    if (change.isPresent() && change.get().isRefused()) {
      return new ProvisioningSummary(List.of(), Optional.empty(), change);
    }
    List<TopicResult> topicResults = topics.ensureAll(spec);
    SchemaResult schemaResult =
        schema.ensure(
            KeyspaceDefinition.desired(spec.getSink().getCassandra().getKeyspace()),
            TableDefinition.desired(spec));
    // The schema follows the table: a refused table change leaves the subject as it was too.
    if (!schemaResult.isRefused()) {
      change.ifPresent(c -> registrar.orElseThrow().apply(c));
    }
    return new ProvisioningSummary(topicResults, Optional.of(schemaResult), change);
  }
}
