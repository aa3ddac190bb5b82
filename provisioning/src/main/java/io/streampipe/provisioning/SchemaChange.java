package io.streampipe.provisioning;

import io.streampipe.api.cql.CqlStatements;
import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.SchemaPlan;
import io.streampipe.api.cql.TableDefinition;
import java.util.List;

/**
 * The DDL that moves what Cassandra holds to what a spec asks for, decided without touching
 * Cassandra, so every implementation of {@link CassandraSchemaProvisioner} decides alike.
 *
 * @param statements the DDL to run, in order
 * @param refused unsafe changes; when not empty, {@code statements} is empty
 */
public record SchemaChange(
    List<String> statements, List<String> refused, boolean createsKeyspace, boolean createsTable) {

  /**
   * Renders every statement {@code ensure} might send, which validates every identifier and type.
   * Callers do this before reading anything, so a hostile name never reaches Cassandra.
   */
  static void validate(KeyspaceDefinition keyspace, TableDefinition desired) {
    if (!keyspace.name().equals(desired.keyspace())) {
      throw new IllegalArgumentException(
          "table "
              + desired.table()
              + " is in keyspace "
              + desired.keyspace()
              + ", not "
              + keyspace.name());
    }
    CqlStatements.createKeyspace(keyspace);
    CqlStatements.createTable(desired);
  }

  public static SchemaChange decide(
      SchemaState state, KeyspaceDefinition keyspace, TableDefinition desired) {
    return switch (state.presence()) {
      case KEYSPACE_ABSENT ->
          new SchemaChange(
              List.of(CqlStatements.createKeyspace(keyspace), CqlStatements.createTable(desired)),
              List.of(),
              true,
              true);
      case TABLE_ABSENT ->
          new SchemaChange(List.of(CqlStatements.createTable(desired)), List.of(), false, true);
      case PRESENT -> {
        SchemaPlan plan = SchemaPlan.between(state.existing().orElseThrow(), desired);
        yield new SchemaChange(plan.statements(), plan.refused(), false, false);
      }
    };
  }

  boolean isRefused() {
    return !refused.isEmpty();
  }
}
