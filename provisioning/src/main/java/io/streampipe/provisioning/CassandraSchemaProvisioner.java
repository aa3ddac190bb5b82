package io.streampipe.provisioning;

import io.streampipe.api.cql.KeyspaceDefinition;
import io.streampipe.api.cql.TableDefinition;

/**
 * Creates and safely evolves a pipeline's keyspace and table. {@link CqlSchemaProvisioner} talks to
 * Cassandra; this module's test-jar has {@code InMemorySchemaProvisioner}, the same rules in memory
 * for callers' tests. Every method validates names through the api's CQL rendering before anything
 * is sent.
 */
public interface CassandraSchemaProvisioner {

  /** What exists now for this keyspace and table. */
  SchemaState observe(String keyspace, String table);

  /**
   * Creates the keyspace and table when absent; otherwise applies only the safe changes of {@link
   * io.streampipe.api.cql.SchemaPlan}, or nothing at all when any change is refused. A second call
   * with the same arguments sends no DDL.
   *
   * @throws IllegalArgumentException for a name or type the api refuses, before any CQL is sent
   */
  SchemaResult ensure(KeyspaceDefinition keyspace, TableDefinition desired);

  /** Drops the table if it exists. Keyspaces are never dropped: other tables may live there. */
  void dropTable(String keyspace, String table);

  /** What exists now for the desired table's keyspace and name. */
  default SchemaState observe(KeyspaceDefinition keyspace, TableDefinition desired) {
    SchemaChange.validate(keyspace, desired);
    return observe(desired.keyspace(), desired.table());
  }
}
