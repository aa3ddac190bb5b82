package io.streampipe.operator.schema;

import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;
import io.streampipe.operator.desired.ResolvedPipeline;
import io.streampipe.operator.schema.SchemaOutcome.State;
import io.streampipe.operator.util.Errors;
import io.streampipe.provisioning.CassandraConnection;
import io.streampipe.provisioning.SchemaResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Brings a pipeline's Cassandra table to its spec through the shared provisioning code. */
public final class SchemaService {
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final SchemaProvisioners provisioners;

  public SchemaService(SchemaProvisioners provisioners) {
    this.provisioners = provisioners;
  }

  /**
   * Creates or safely evolves the table; never throws for Cassandra trouble, which becomes an
   * outcome the status reports.
   *
   * @param credentials empty when the pipeline names no Secret
   */
  public SchemaOutcome ensure(
      ResolvedPipeline pipeline, Optional<CassandraCredentials> credentials) {
    TableDefinition table = TableDefinition.desired(pipeline.spec());
    KeyspaceDefinition keyspace =
        KeyspaceDefinition.desired(pipeline.spec().getSink().getCassandra().getKeyspace());
    String name = table.keyspace() + "." + table.table();
    try {
      // Rendering validates every identifier: a hostile name stops here, before any connection.
      CqlStatements.createKeyspace(keyspace);
      CqlStatements.createTable(table);
    } catch (IllegalArgumentException e) {
      return new SchemaOutcome(State.REFUSED, name, List.of(e.getMessage()), false);
    }
    try {
      SchemaResult result =
          provisioners.forConnection(connection(pipeline, credentials)).ensure(keyspace, table);
      if (result.isRefused()) {
        return new SchemaOutcome(State.REFUSED, name, result.refused(), false);
      }
      State state = result.inAgreement() ? State.READY : State.AWAITING_AGREEMENT;
      return new SchemaOutcome(state, name, result.applied(), result.isChanged());
    } catch (IllegalArgumentException e) {
      return new SchemaOutcome(State.REFUSED, name, List.of(e.getMessage()), false);
    } catch (RuntimeException e) {
      // Driver messages name hosts, never credentials.
      return new SchemaOutcome(State.UNREACHABLE, name, List.of(Errors.oneLine(e)), false);
    }
  }

  public static SchemaOutcome credentialsMissing(ResolvedPipeline pipeline, String secret) {
    var sink = pipeline.spec().getSink().getCassandra();
    return new SchemaOutcome(
        State.CREDENTIALS_MISSING,
        sink.getKeyspace().getName() + "." + sink.getTable(),
        List.of("Secret " + secret + " with keys username and password not found"),
        false);
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
