package io.streampipe.operator.schema;

import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.SchemaObservation.State;
import io.streampipe.operator.util.Errors;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.CassandraSchemaProvisioner;
import io.streampipe.provisioning.SchemaResult;
import io.streampipe.provisioning.SchemaState;
import java.time.Duration;
import java.util.Optional;

/**
 * Observes a pipeline's Cassandra table and brings it to its spec through the shared provisioning
 * code.
 */
public final class SchemaService {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final SchemaProvisioners provisioners;

  public SchemaService(SchemaProvisioners provisioners) {
    this.provisioners = provisioners;
  }

  /**
   * What Cassandra holds for the pipeline's table, read without changing anything; never throws for
   * Cassandra trouble, which becomes an observation the status reports.
   *
   * @param credentials empty when the pipeline names no Secret
   */
  public SchemaObservation observe(
      ResolvedPipeline pipeline, Optional<CassandraCredentials> credentials) {
    return run(
        pipeline,
        credentials,
        (provisioner, keyspace, table) -> observed(provisioner.observe(keyspace, table), table));
  }

  /**
   * Creates or safely evolves the table through the shared provisioning code (which refuses unsafe
   * changes and sends nothing then), and observes it again; never throws for Cassandra trouble.
   *
   * @param credentials empty when the pipeline names no Secret
   */
  public SchemaObservation apply(
      ResolvedPipeline pipeline, Optional<CassandraCredentials> credentials) {
    return run(
        pipeline,
        credentials,
        (provisioner, keyspace, table) -> {
          SchemaResult result = provisioner.ensure(keyspace, table);
          SchemaObservation after = observed(provisioner.observe(keyspace, table), table);
          return result.inAgreement() || after.existing().isEmpty()
              ? after
              : SchemaObservation.present(after.existing().get(), false);
        });
  }

  private SchemaObservation run(
      ResolvedPipeline pipeline, Optional<CassandraCredentials> credentials, Step step) {
    TableDefinition table = TableDefinition.desired(pipeline.spec());
    KeyspaceDefinition keyspace =
        KeyspaceDefinition.desired(pipeline.spec().getSink().getCassandra().getKeyspace());
    String name = SchemaObservation.name(table);
    try {
      // Rendering validates every identifier: a hostile name stops here, before any connection.
      CqlStatements.createKeyspace(keyspace);
      CqlStatements.createTable(table);
    } catch (IllegalArgumentException e) {
      return SchemaObservation.failed(State.INVALID, name, e.getMessage());
    }
    try {
      return step.run(
          provisioners.forConnection(connection(pipeline, credentials)), keyspace, table);
    } catch (IllegalArgumentException e) {
      return SchemaObservation.failed(State.INVALID, name, e.getMessage());
    } catch (RuntimeException e) {
      // Driver messages name hosts, never credentials.
      return SchemaObservation.failed(State.UNREACHABLE, name, Errors.oneLine(e));
    }
  }

  /** One use of a provisioner for the pipeline's keyspace and table. */
  private interface Step {
    SchemaObservation run(
        CassandraSchemaProvisioner provisioner, KeyspaceDefinition keyspace, TableDefinition table);
  }

  private static SchemaObservation observed(SchemaState state, TableDefinition table) {
    return switch (state.presence()) {
      case KEYSPACE_ABSENT ->
          SchemaObservation.absent(State.KEYSPACE_ABSENT, SchemaObservation.name(table));
      case TABLE_ABSENT ->
          SchemaObservation.absent(State.TABLE_ABSENT, SchemaObservation.name(table));
      case PRESENT -> SchemaObservation.present(state.existing().orElseThrow(), true);
    };
  }

  public static SchemaObservation credentialsMissing(ResolvedPipeline pipeline, String secret) {
    return SchemaObservation.failed(
        State.CREDENTIALS_MISSING,
        SchemaObservation.name(TableDefinition.desired(pipeline.spec())),
        "Secret " + secret + " with keys username and password not found");
  }

  /** Drops the table (never the keyspace); throws when Cassandra cannot be reached. */
  public void drop(ResolvedPipeline pipeline, Optional<CassandraCredentials> credentials) {
    var sink = pipeline.spec().getSink().getCassandra();
    provisioners
        .forConnection(connection(pipeline, credentials))
        .dropTable(sink.getKeyspace().getName(), sink.getTable());
  }

  static CassandraConnection connection(
      ResolvedPipeline pipeline, Optional<CassandraCredentials> credentials) {
    CassandraConnection connection =
        CassandraConnection.of(pipeline.contactPoints(), pipeline.datacenter())
            .withRequestTimeout(REQUEST_TIMEOUT);
    return credentials
        .map(c -> connection.withCredentials(c.username(), c.password()))
        .orElse(connection);
  }
}
